// Tests for `deescalate`: one severity step less critical, a `sev` event, announced.
#include <catch2/catch.hpp>

#include "tests/commands/command_checks.h"

namespace warroom::testing {
namespace {

using storage::Severity;

constexpr std::string_view usage = "Usage: deescalate <reason>";

TEST_CASE("deescalate lowers the severity one step and records a sev event", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing sev1");
  const auto result = session.run_full("bob", "deescalate failover absorbed the load");

  check_posted(result.reply);
  CHECK(result.reply.text ==
        "INC-1 de-escalated to SEV2 (was SEV1) by @bob: failover absorbed the load");
  CHECK(session.incident(1).severity == Severity::sev2);
  const auto event = only_new_event(session, 1, 1);
  CHECK(event.kind == "sev");
  CHECK(event.actor == "bob");
  CHECK(event.text == "failover absorbed the load");
  check_data(event, {{"from", "SEV1"}, {"reason", "failover absorbed the load"}, {"to", "SEV2"}});
  REQUIRE(result.queued.size() == 1);
  CHECK(result.queued[0].destination == "C0ANNOUNCE");
  CHECK(result.queued[0].template_name == "severity");
  CHECK(session.verify(1).intact);
}

TEST_CASE("deescalate named from another channel posts to both channels", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing sev2");
  const auto result = session.run_full("bob", "deescalate INC-1 contained", "C9");
  check_posted(result.reply);
  CHECK(session.incident(1).severity == Severity::sev3);
  CHECK(destinations(result.queued) == std::vector<std::string>{"C1", "C0ANNOUNCE"});
}

TEST_CASE("deescalate at SEV4 is refused and changes nothing", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Typo on the status page sev4");
  check_refused(session, "bob", "deescalate trivial", "INC-1 is already SEV4, the least critical");
}

TEST_CASE("deescalate refuses bad arguments and changes nothing", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  const auto [line, expected, channel] = GENERATE(table<std::string, std::string, std::string>({
      std::tuple{std::string("deescalate"), std::string("deescalate: the reason is empty: say why"),
                 std::string("C1")},
      std::tuple{"deescalate " + std::string(4001, 'r'), std::string("the reason is too long"),
                 std::string("C1")},
      std::tuple{std::string("deescalate INC-9 calmer"), std::string("there is no INC-9"),
                 std::string("C1")},
      std::tuple{std::string("deescalate calmer"),
                 std::string("no incident is bound to this channel"), std::string("C2")},
  }));
  CAPTURE(line, channel);
  check_refused(session, "bob", line, expected, channel);
  check_refused(session, "bob", line, usage, channel);
}

}  // namespace
}  // namespace warroom::testing
