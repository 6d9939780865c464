// Tests for `list`: open incidents or all of them, newest first, only for the caller.
#include <catch2/catch.hpp>

#include "tests/commands/command_checks.h"

namespace warroom::testing {
namespace {

constexpr std::string_view usage = "Usage: list [open|all]";

TEST_CASE("list with no incidents says how to see or open one", "[commands]") {
  ChatSession session;
  CHECK(check_shown(session, "alice", "list") ==
        "No open incidents. `list all` shows every incident.");
  CHECK(check_shown(session, "alice", "list all") ==
        "No incidents yet. `declare <title>` opens one.");
}

TEST_CASE("list shows open incidents and list all every incident, newest first", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing sev2", "C1");
  session.clock.advance(minutes(30));
  session.run("bob", "declare Search slow sev4", "C2");
  session.run("bob", "resolve reindexed", "C2");
  session.clock.advance(minutes(30));
  session.run("carol", "declare Typo on the homepage", "C3");
  session.run("carol", "resolve fixed", "C3");
  session.run("carol", "close", "C3");
  session.clock.advance(minutes(15));

  CHECK(check_shown(session, "dave", "list", "C9") ==
        "Open incidents:\n"
        "INC-1 (SEV2, investigating, owner @alice): Payments failing · declared 1h 15m ago");
  CHECK(check_shown(session, "dave", "LIST ALL", "C9") ==
        "All incidents, newest first:\n"
        "INC-3 (SEV3, closed, owner @carol): Typo on the homepage · declared 15m ago\n"
        "INC-2 (SEV4, resolved, owner @bob): Search slow · declared 45m ago\n"
        "INC-1 (SEV2, investigating, owner @alice): Payments failing · declared 1h 15m ago");
  CHECK(check_shown(session, "dave", "list open") == check_shown(session, "dave", "list"));
}

TEST_CASE("list shows at most the newest 50 and says so", "[commands]") {
  ChatSession session;
  for (int i = 1; i <= 51; ++i) {
    session.run("alice", "declare Outage " + std::to_string(i), "C" + std::to_string(i));
  }
  const auto text = check_shown(session, "alice", "list");
  CHECK_THAT(text, Catch::StartsWith("Open incidents:\nINC-51 "));
  CHECK_THAT(text, Catch::Contains("\nINC-2 "));
  CHECK_THAT(text, !Catch::Contains("\nINC-1 "));
  CHECK_THAT(text,
             Catch::EndsWith("\n(only the newest 50 are shown: `warroom export` has them all)"));
}

TEST_CASE("list refuses anything but open or all and writes nothing", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  check_refused(session, "alice", "list closed", "list: expected open or all, got \"closed\"");
  check_refused(session, "alice", "list closed", usage);
  check_refused(session, "alice", "list all now", "list: \"now\" is extra");
  check_refused(session, "alice", "list all now", usage);
}

}  // namespace
}  // namespace warroom::testing
