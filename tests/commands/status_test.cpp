// Tests for `status`: any move among investigating, identified and monitoring; `status
// resolved` is `resolve`; closed is not a status to set; one `status` event (from, to).
#include <catch2/catch.hpp>

#include "tests/commands/command_checks.h"

namespace warroom::testing {
namespace {

using storage::Status;

constexpr std::string_view usage =
    "Usage: status <investigating|identified|monitoring|resolved> [note]";

TEST_CASE("status identified moves the incident on and records one status event", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  session.clock.advance(minutes(12));
  const auto result = session.run_full("bob", "status identified bad config push");

  check_posted(result.reply);
  CHECK(result.reply.text == "INC-1 is now identified (was investigating): bad config push");
  const auto incident = session.incident(1);
  CHECK(incident.status == Status::identified);
  CHECK_FALSE(incident.mitigated_at);
  const auto event = only_new_event(session, 1, 1);
  CHECK(event.kind == "status");
  CHECK(event.actor == "bob");
  CHECK(event.text == "bad config push");
  check_data(event, {{"from", "investigating"}, {"to", "identified"}});
  CHECK(result.queued.empty());  // not a stakeholder message; the reply is in the channel
  CHECK(session.verify(1).intact);
}

TEST_CASE("status may jump forward and move back among the open statuses", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");

  SECTION("investigating straight to monitoring sets mitigated_at") {
    session.clock.advance(minutes(7));
    const auto reply = session.run("alice", "STATUS Monitoring");
    check_posted(reply);
    CHECK(reply.text == "INC-1 is now monitoring (was investigating)");
    CHECK(session.incident(1).mitigated_at == session_start() + minutes(7));
    check_data(only_new_event(session, 1, 1), {{"from", "investigating"}, {"to", "monitoring"}});
  }
  SECTION("a fix that fails returns to investigating") {
    session.run("alice", "status monitoring fix deployed");
    const auto reply = session.run("alice", "status investigating errors are back");
    check_posted(reply);
    CHECK(session.incident(1).status == Status::investigating);
    check_data(only_new_event(session, 1, 2), {{"from", "monitoring"}, {"to", "investigating"}});
  }
  SECTION("from another channel the news goes to the incident's channel") {
    const auto result = session.run_full("bob", "status INC-1 identified", "C9");
    check_posted(result.reply);
    CHECK(destinations(result.queued) == std::vector<std::string>{"C1"});
    CHECK(result.queued[0].template_name == "status");
  }
  CHECK(session.verify(1).intact);
}

TEST_CASE("status resolved is resolve and is announced", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  session.clock.advance(minutes(45));
  const auto result = session.run_full("alice", "status resolved rolled back");
  check_posted(result.reply);
  CHECK(result.reply.text == "INC-1 resolved after 45m: rolled back");
  CHECK(session.incident(1).status == Status::resolved);
  const auto event = only_new_event(session, 1, 1);
  CHECK(event.kind == "resolve");
  check_data(event, {{"from", "investigating"}, {"to", "resolved"}});
  CHECK(destinations(result.queued) == std::vector<std::string>{"C0ANNOUNCE"});
}

TEST_CASE("status refuses bad arguments and changes nothing", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  session.run("alice", "status identified");
  using Row = std::pair<std::string, std::string>;
  const auto [line, expected] = GENERATE(table<std::string, std::string>({
      Row{"status", "status: which status?"},
      Row{"status fixed",
          "status: expected investigating, identified, monitoring or resolved, "
          "got \"fixed\""},
      Row{"status closed", "(`close` closes a resolved incident)"},
      Row{"status resolved", "status: the summary is empty"},
      Row{"status monitoring " + std::string(4001, 'n'), "status: the note is too long"},
      Row{"status INC-9 monitoring", "there is no INC-9"},
  }));
  CAPTURE(line);
  check_refused(session, "alice", line, expected);
  check_refused(session, "alice", line, usage);
}

TEST_CASE("status to the current status or on a resolved incident is refused", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  check_refused(session, "alice", "status investigating", "INC-1 is already investigating");
  session.run("alice", "resolve rolled back");
  check_refused(session, "alice", "status monitoring",
                "INC-1 is resolved: `reopen <reason>` first");
  check_refused(session, "alice", "status resolved again", "INC-1 is already resolved");
}

TEST_CASE("status in a channel without an incident says so", "[commands]") {
  ChatSession session;
  check_refused(session, "alice", "status identified", "no incident is bound to this channel");
  check_refused(session, "alice", "status identified", usage);
}

}  // namespace
}  // namespace warroom::testing
