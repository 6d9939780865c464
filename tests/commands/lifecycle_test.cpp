// Tests for the lifecycle rules across commands: the key times (acknowledged, mitigated,
// resolved), the severity ladder, one event per change, and closed being final.
#include <catch2/catch.hpp>

#include "tests/commands/command_checks.h"

namespace warroom::testing {
namespace {

using storage::Severity;
using storage::Status;

// Runs `line` as alice in C1 at session start + `at`; it must succeed.
void run_at(ChatSession& session, minutes at, const std::string& line) {
  INFO("line: " << line);
  session.clock.set(session_start() + at);
  CHECK(session.run("alice", line).outcome == Outcome::ok);
}

TEST_CASE("acknowledged_at is the first ack and never moves", "[commands]") {
  ChatSession session;
  run_at(session, minutes(0), "declare Payments failing");
  run_at(session, minutes(2), "ack");
  run_at(session, minutes(5), "handover @bob");
  run_at(session, minutes(9), "ack again");
  CHECK(session.incident(1).acknowledged_at == session_start() + minutes(2));
}

TEST_CASE("the first hand-over acknowledges an incident nobody acked", "[commands]") {
  ChatSession session;
  run_at(session, minutes(0), "declare Payments failing");
  run_at(session, minutes(3), "handover @bob");
  CHECK(session.incident(1).acknowledged_at == session_start() + minutes(3));
  run_at(session, minutes(6), "ack");
  run_at(session, minutes(8), "assign @carol");
  CHECK(session.incident(1).acknowledged_at == session_start() + minutes(3));
}

TEST_CASE("mitigated_at is the first time monitoring is reached and never moves later",
          "[commands]") {
  ChatSession session;
  run_at(session, minutes(0), "declare Payments failing");
  run_at(session, minutes(5), "status identified");
  CHECK_FALSE(session.incident(1).mitigated_at);
  run_at(session, minutes(10), "status monitoring");
  run_at(session, minutes(12), "status investigating fix failed");
  run_at(session, minutes(15), "status monitoring");
  run_at(session, minutes(20), "resolve fixed");
  run_at(session, minutes(25), "reopen back again");
  run_at(session, minutes(30), "status monitoring");
  run_at(session, minutes(40), "resolve fixed for good");
  CHECK(session.incident(1).mitigated_at == session_start() + minutes(10));
}

TEST_CASE("mitigated_at is the resolve when monitoring was skipped", "[commands]") {
  ChatSession session;
  run_at(session, minutes(0), "declare Payments failing");
  run_at(session, minutes(20), "resolve fixed");
  CHECK(session.incident(1).mitigated_at == session_start() + minutes(20));
  run_at(session, minutes(25), "reopen back again");
  run_at(session, minutes(30), "status monitoring");
  run_at(session, minutes(40), "resolve fixed for good");
  CHECK(session.incident(1).mitigated_at == session_start() + minutes(20));
}

TEST_CASE("resolved_at is the latest resolve and reopen clears it", "[commands]") {
  ChatSession session;
  run_at(session, minutes(0), "declare Payments failing");
  run_at(session, minutes(10), "resolve fixed");
  CHECK(session.incident(1).resolved_at == session_start() + minutes(10));
  run_at(session, minutes(20), "reopen back again");
  CHECK_FALSE(session.incident(1).resolved_at);
  CHECK(session.incident(1).status == Status::investigating);
  run_at(session, minutes(30), "status resolved fixed for good");
  CHECK(session.incident(1).resolved_at == session_start() + minutes(30));
  run_at(session, minutes(50), "close");
  const auto incident = session.incident(1);
  CHECK(incident.resolved_at == session_start() + minutes(30));
  CHECK(incident.closed_at == session_start() + minutes(50));
}

TEST_CASE("escalate and deescalate walk the severity ladder one step at a time", "[commands]") {
  ChatSession session;
  run_at(session, minutes(0), "declare Typo sev4");
  for (const auto expected : {Severity::sev3, Severity::sev2, Severity::sev1}) {
    run_at(session, minutes(1), "escalate worse");
    CHECK(session.incident(1).severity == expected);
  }
  check_refused(session, "alice", "escalate even worse", "already SEV1");
  for (const auto expected : {Severity::sev2, Severity::sev3, Severity::sev4}) {
    run_at(session, minutes(2), "deescalate better");
    CHECK(session.incident(1).severity == expected);
  }
  check_refused(session, "alice", "deescalate even better", "already SEV4");
  CHECK(session.events(1).size() == 7);
}

TEST_CASE("a whole incident records one event per change and its chain verifies", "[commands]") {
  ChatSession session;
  const std::vector<std::pair<std::string, std::string>> steps = {
      {"declare Payments failing", "declare"},
      {"ack", "ack"},
      {"sev 2 spreading", "sev"},
      {"escalate to @dba queries", "escalate"},
      {"assign @bob comms", "assign"},
      {"handover @carol shift", "handover"},
      {"update rolling back", "update"},
      {"status monitoring", "status"},
      {"note rollback done", "note"},
      {"resolve rolled back", "resolve"},
      {"reopen errors again", "reopen"},
      {"resolve fixed", "resolve"},
      {"close", "close"}};
  std::vector<std::string> expected_kinds;
  for (const auto& [line, kind] : steps) {
    INFO("line: " << line);
    session.clock.advance(minutes(1));
    REQUIRE(session.run("alice", line).outcome == Outcome::ok);
    check_shown(session, "alice", "INC-1 show");
    check_shown(session, "alice", "INC-1 timeline");
    check_shown(session, "alice", "list all");
    check_shown(session, "alice", "help");
    expected_kinds.push_back(kind);
  }
  std::vector<std::string> kinds;
  for (const auto& event : session.events(1)) kinds.push_back(event.kind);
  CHECK(kinds == expected_kinds);
  const auto report = session.verify(1);
  CHECK(report.intact);
  CHECK(report.events == static_cast<std::int64_t>(steps.size()));
  CHECK(session.incident(1).head_seq == static_cast<std::int64_t>(steps.size()));
}

TEST_CASE("closed is final for every command that changes something", "[commands]") {
  ChatSession session;
  run_at(session, minutes(0), "declare Payments failing");
  run_at(session, minutes(10), "resolve fixed");
  run_at(session, minutes(20), "close");
  const auto line = GENERATE(
      as<std::string>{}, "ack", "ack late", "sev 1 worse", "sev 3 same", "escalate worse",
      "escalate to @bob help", "deescalate calmer", "assign @bob comms", "assign @bob",
      "handover @bob", "update still fine", "status investigating", "status monitoring",
      "status resolved again", "note late detail", "resolve again", "reopen back", "close");
  CAPTURE(line);

  SECTION("naming it") {
    check_refused(session, "bob", "INC-1 " + line,
                  "INC-1 is closed, and closed is final: declare a new incident instead");
  }
  SECTION("naming it from another channel") {
    check_refused(
        session, "bob",
        line.substr(0, line.find(' ')) + " INC-1" +
            (line.find(' ') == std::string::npos ? std::string() : line.substr(line.find(' '))),
        "INC-1 is closed, and closed is final", "C9");
  }
  SECTION("in its channel, where no incident is implied any more") {
    check_refused(session, "bob", line, "no incident is bound to this channel");
  }
  const auto incident = session.incident(1);
  CHECK(incident.status == Status::closed);
  CHECK(incident.closed_at == session_start() + minutes(20));
  CHECK(session.verify(1).intact);
}

}  // namespace
}  // namespace warroom::testing
