// Tests for `show`: the whole incident at a glance, only for the caller; it writes nothing.
#include <catch2/catch.hpp>

#include "tests/commands/command_checks.h"

namespace warroom::testing {
namespace {

constexpr std::string_view usage = "Usage: show";

TEST_CASE("show lists severity, status, owner, roles, key times and the latest update",
          "[commands]") {
  ChatSession session;
  session.run("alice",
              R"(declare Payments failing sev2 service:payments impact:"EU customers cannot pay")");
  session.clock.advance(minutes(5));
  session.run("bob", "ack");
  session.run("alice", "assign @carol comms");
  session.clock.advance(minutes(5));
  session.run("alice", "update Rolling back the deploy");
  session.clock.advance(minutes(10));

  const auto text = check_shown(session, "dave", "show");
  CHECK(text ==
        "INC-1: Payments failing\n"
        "SEV2 · investigating · owner @alice · service payments\n"
        "Impact: EU customers cannot pay\n"
        "comms: @carol\n"
        "Declared: 2026-11-24 09:00 UTC in C1 (20m ago)\n"
        "Acknowledged: 2026-11-24 09:05 UTC (after 5m)\n"
        "Mitigated: not yet\n"
        "Resolved: not yet\n"
        "Latest update (2026-11-24 09:10 UTC, @alice): Rolling back the deploy\n"
        "4 events on the timeline");
  CHECK(session.verify(1).intact);
}

TEST_CASE("show of a new incident says no update was sent yet", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Checkout slow");
  const auto text = check_shown(session, "alice", "SHOW");
  CHECK(text ==
        "INC-1: Checkout slow\n"
        "SEV3 · investigating · owner @alice\n"
        "Declared: 2026-11-24 09:00 UTC in C1 (0s ago)\n"
        "Acknowledged: not yet\n"
        "Mitigated: not yet\n"
        "Resolved: not yet\n"
        "No stakeholder update yet: `update <text>`\n"
        "1 events on the timeline");
}

TEST_CASE("show of a closed incident named from anywhere includes its close", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Checkout slow");
  session.clock.advance(minutes(30));
  session.run("alice", "resolve cache warmed");
  session.clock.advance(minutes(60));
  session.run("alice", "close");
  const auto text = check_shown(session, "bob", "INC-1 show", "C9");
  CHECK_THAT(text, Catch::StartsWith("INC-1: Checkout slow\nSEV3 · closed · owner @alice"));
  CHECK_THAT(text, Catch::Contains("\nMitigated: 2026-11-24 09:30 UTC (after 30m)"));
  CHECK_THAT(text, Catch::Contains("\nResolved: 2026-11-24 09:30 UTC (after 30m)"));
  CHECK_THAT(text, Catch::Contains("\nClosed: 2026-11-24 10:30 UTC (after 1h 30m)"));
}

TEST_CASE("show without an incident says which one to name", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Checkout slow");
  check_refused(session, "bob", "show", "no incident is bound to this channel", "C2");
  check_refused(session, "bob", "show", usage, "C2");
  check_refused(session, "bob", "show INC-2", "there is no INC-2: `list all` shows every incident");
}

}  // namespace
}  // namespace warroom::testing
