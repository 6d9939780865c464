// Tests for `resolve`: the incident is over for customers; the summary is announced; the
// key times move (resolved_at, and mitigated_at when monitoring was skipped).
#include <catch2/catch.hpp>

#include "tests/commands/command_checks.h"

namespace warroom::testing {
namespace {

using storage::Status;

constexpr std::string_view usage = "Usage: resolve <summary>";

TEST_CASE("resolve ends the incident, records one event and announces it", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing sev2");
  session.clock.advance(minutes(65));
  const auto result = session.run_full("alice", "resolve rolled back the 10:02 deploy");

  check_posted(result.reply);
  CHECK(result.reply.text == "INC-1 resolved after 1h 05m: rolled back the 10:02 deploy");
  const auto incident = session.incident(1);
  CHECK(incident.status == Status::resolved);
  CHECK(incident.resolved_at == session_start() + minutes(65));
  CHECK(incident.mitigated_at == session_start() + minutes(65));  // monitoring was skipped
  CHECK_FALSE(incident.closed_at);

  const auto event = only_new_event(session, 1, 1);
  CHECK(event.kind == "resolve");
  CHECK(event.actor == "alice");
  CHECK(event.text == "rolled back the 10:02 deploy");
  check_data(event, {{"from", "investigating"}, {"to", "resolved"}});

  REQUIRE(result.queued.size() == 1);
  CHECK(result.queued[0].destination == "C0ANNOUNCE");
  CHECK(result.queued[0].template_name == "resolve");
  CHECK(result.queued[0].fields.at("status") == "resolved");
  CHECK(result.queued[0].fields.at("text") == "rolled back the 10:02 deploy");
  CHECK(session.verify(1).intact);
}

TEST_CASE("resolve after monitoring keeps the earlier mitigated_at", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  session.clock.advance(minutes(10));
  session.run("alice", "status monitoring fix deployed");
  session.clock.advance(minutes(30));
  check_posted(session.run("alice", "resolve stable for 30 minutes"));
  const auto incident = session.incident(1);
  CHECK(incident.mitigated_at == session_start() + minutes(10));
  CHECK(incident.resolved_at == session_start() + minutes(40));
  check_data(session.events(1).back(), {{"from", "monitoring"}, {"to", "resolved"}});
}

TEST_CASE("resolve from another channel posts to the incident and announcement channels",
          "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  const auto result = session.run_full("bob", "resolve INC-1 fixed", "C9");
  check_posted(result.reply);
  CHECK(destinations(result.queued) == std::vector<std::string>{"C1", "C0ANNOUNCE"});
}

TEST_CASE("a resolved incident is still implied in its channel", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  session.run("alice", "resolve fixed");
  check_posted(session.run("alice", "note postmortem on Friday"));
  CHECK(session.events(1).size() == 3);
  CHECK_THAT(check_shown(session, "alice", "show"), Catch::StartsWith("INC-1: Payments failing"));
}

TEST_CASE("resolve refuses bad arguments and changes nothing", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  using Row = std::pair<std::string, std::string>;
  const auto [line, expected] = GENERATE(table<std::string, std::string>({
      Row{"resolve", "resolve: the summary is empty: how was it fixed?"},
      Row{"resolve " + std::string(4001, 's'), "resolve: the summary is too long"},
      Row{"resolve INC-9 fixed", "there is no INC-9"},
  }));
  CAPTURE(line);
  check_refused(session, "alice", line, expected);
  check_refused(session, "alice", line, usage);
}

TEST_CASE("resolve of a resolved incident is refused and changes nothing", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  session.run("alice", "resolve fixed");
  session.clock.advance(minutes(5));
  check_refused(session, "alice", "resolve fixed again", "INC-1 is already resolved");
  CHECK(session.incident(1).resolved_at == session_start());
}

TEST_CASE("resolve in a channel without an incident says so", "[commands]") {
  ChatSession session;
  check_refused(session, "alice", "resolve fixed", "no incident is bound to this channel");
  check_refused(session, "alice", "resolve fixed", usage);
}

}  // namespace
}  // namespace warroom::testing
