// Tests for `timeline`: the last n events with what each changed, only for the caller.
#include <catch2/catch.hpp>

#include "tests/commands/command_checks.h"

namespace warroom::testing {
namespace {

constexpr std::string_view usage = "Usage: timeline [n]";

// INC-1 with one event of each kind that shows a change, a minute apart.
void run_a_busy_incident(ChatSession& session) {
  for (const char* line : {"declare Payments failing", "sev 2 errors rising", "assign @bob comms",
                           "escalate to @dba slow queries", "handover @carol night shift",
                           "note restarted api-7", "status identified bad index"}) {
    session.run("alice", line);
    session.clock.advance(minutes(1));
  }
}

TEST_CASE("timeline shows every event with what it changed", "[commands]") {
  ChatSession session;
  run_a_busy_incident(session);
  const auto text = check_shown(session, "alice", "timeline");
  CHECK(text ==
        "INC-1 timeline (last 7 of 7):\n"
        "#1 2026-11-24 09:00 UTC @alice declare SEV3: Payments failing\n"
        "#2 2026-11-24 09:01 UTC @alice sev SEV3 → SEV2: errors rising\n"
        "#3 2026-11-24 09:02 UTC @alice assign comms: nobody → @bob\n"
        "#4 2026-11-24 09:03 UTC @alice escalate brought in @dba: slow queries\n"
        "#5 2026-11-24 09:04 UTC @alice handover @alice → @carol: night shift\n"
        "#6 2026-11-24 09:05 UTC @alice note: restarted api-7\n"
        "#7 2026-11-24 09:06 UTC @alice status investigating → identified: bad index");
  CHECK(session.verify(1).intact);
}

TEST_CASE("timeline n shows only the last n events", "[commands]") {
  ChatSession session;
  run_a_busy_incident(session);

  SECTION("in the incident's channel") {
    const auto text = check_shown(session, "alice", "timeline 2");
    CHECK(text ==
          "INC-1 timeline (last 2 of 7):\n"
          "#6 2026-11-24 09:05 UTC @alice note: restarted api-7\n"
          "#7 2026-11-24 09:06 UTC @alice status investigating → identified: bad index");
  }
  SECTION("named from another channel") {
    const auto text = check_shown(session, "bob", "timeline INC-1 1", "C9");
    CHECK_THAT(text, Catch::StartsWith("INC-1 timeline (last 1 of 7):\n#7 "));
  }
  SECTION("more than there are") {
    const auto text = check_shown(session, "alice", "timeline 1000");
    CHECK_THAT(text, Catch::StartsWith("INC-1 timeline (last 7 of 7):\n#1 "));
  }
}

TEST_CASE("timeline refuses a count that is not 1 to 1000 and writes nothing", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  const auto word =
      GENERATE(as<std::string>{}, "0", "1001", "-1", "two", "2x", "+3", "99999999999999999999999");
  CAPTURE(word);
  check_refused(session, "alice", "timeline " + word,
                "timeline: expected a number from 1 to 1000, got \"" + word + "\"");
  check_refused(session, "alice", "timeline " + word, usage);
}

TEST_CASE("timeline without an incident says which one to name", "[commands]") {
  ChatSession session;
  check_refused(session, "alice", "timeline", "no incident is bound to this channel");
  check_refused(session, "alice", "timeline INC-4", "there is no INC-4");
}

}  // namespace
}  // namespace warroom::testing
