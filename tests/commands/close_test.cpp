// Tests for `close`: a resolved incident is closed for good and leaves its channel free;
// open incidents, extra words and closed incidents are refused.
#include <catch2/catch.hpp>

#include "tests/commands/command_checks.h"

namespace warroom::testing {
namespace {

using storage::Status;

constexpr std::string_view usage = "Usage: close";

TEST_CASE("close closes a resolved incident and records one close event", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  session.clock.advance(minutes(30));
  session.run("alice", "resolve rolled back");
  session.clock.advance(std::chrono::hours(24));
  const auto result = session.run_full("carol", "close");

  check_posted(result.reply);
  CHECK(result.reply.text == "INC-1 closed. `review` writes the post-incident review.");
  const auto incident = session.incident(1);
  CHECK(incident.status == Status::closed);
  CHECK(incident.closed_at == session_start() + minutes(30) + std::chrono::hours(24));
  CHECK(incident.resolved_at == session_start() + minutes(30));

  const auto event = only_new_event(session, 1, 2);
  CHECK(event.kind == "close");
  CHECK(event.actor == "carol");
  CHECK(event.text.empty());
  check_data(event, {{"from", "resolved"}, {"to", "closed"}});
  CHECK(result.queued.empty());
  CHECK(session.verify(1).intact);

  SECTION("the channel is free again: no incident is implied there") {
    check_refused(session, "alice", "note more", "no incident is bound to this channel");
    check_posted(session.run("alice", "declare Payments failing again"));
    CHECK(session.incident(2).channel == "C1");
  }
}

TEST_CASE("close from another channel is posted to the incident's channel", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  session.run("alice", "resolve rolled back");
  const auto result = session.run_full("bob", "close INC-1", "C9");
  check_posted(result.reply);
  CHECK(destinations(result.queued) == std::vector<std::string>{"C1"});
  CHECK(result.queued[0].template_name == "close");
}

TEST_CASE("close refuses extra words and unresolved incidents and changes nothing", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");

  SECTION("extra words") {
    check_refused(session, "alice", "close now", "close takes nothing more, \"now\" is extra");
    check_refused(session, "alice", "close now", usage);
  }
  SECTION("an incident that is still open") {
    session.run("alice", "status identified");
    check_refused(session, "alice", "close",
                  "INC-1 is still identified: `resolve <summary>` it before closing");
  }
  SECTION("an incident that does not exist") {
    check_refused(session, "alice", "close INC-9", "there is no INC-9");
  }
  SECTION("a channel without an incident") {
    check_refused(session, "alice", "close", "no incident is bound to this channel", "C2");
  }
  SECTION("an incident that is already closed") {
    session.run("alice", "resolve fixed");
    session.run("alice", "close");
    check_refused(session, "alice", "INC-1 close", "INC-1 is closed, and closed is final");
  }
}

}  // namespace
}  // namespace warroom::testing
