// Tests for `ack`: every ack is an event, the first sets acknowledged_at, the owner stays.
#include <catch2/catch.hpp>

#include "tests/commands/command_checks.h"

namespace warroom::testing {
namespace {

constexpr std::string_view usage = "Usage: ack [note]";

TEST_CASE("the first ack sets acknowledged_at and keeps the owner", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  session.clock.advance(minutes(5));
  const auto result = session.run_full("bob", "ack on it, checking the gateway");

  check_posted(result.reply);
  CHECK(result.reply.text ==
        "@bob acknowledged INC-1, 5m after it was declared: on it, checking the gateway");
  const auto incident = session.incident(1);
  CHECK(incident.acknowledged_at == session_start() + minutes(5));
  CHECK(incident.owner == "alice");
  CHECK(incident.status == storage::Status::investigating);

  const auto event = only_new_event(session, 1, 1);
  CHECK(event.kind == "ack");
  CHECK(event.actor == "bob");
  CHECK(event.text == "on it, checking the gateway");
  CHECK(event.at == session_start() + minutes(5));
  check_data(event, {});
  CHECK(result.queued.empty());  // the reply already shows it in the incident's channel
  CHECK(session.verify(1).intact);
}

TEST_CASE("a later ack is recorded but does not move acknowledged_at", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  session.clock.advance(minutes(2));
  session.run("bob", "ack");
  session.clock.advance(minutes(10));
  const auto reply = session.run("carol", "ack");

  check_posted(reply);
  CHECK(reply.text == "@carol acknowledged INC-1");
  CHECK(session.incident(1).acknowledged_at == session_start() + minutes(2));
  const auto event = only_new_event(session, 1, 2);
  CHECK(event.kind == "ack");
  CHECK(event.actor == "carol");
  CHECK(event.text.empty());
  CHECK(session.verify(1).intact);
}

TEST_CASE("an ack from another channel is posted to the incident's channel", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");

  SECTION("named before the command") {
    const auto result = session.run_full("bob", "INC-1 ack on my way", "C9");
    check_posted(result.reply);
    REQUIRE(result.queued.size() == 1);
    CHECK(result.queued[0].destination == "C1");
    CHECK(result.queued[0].template_name == "ack");
    CHECK(result.queued[0].fields.at("text") == "on my way");
  }
  SECTION("named right after the command") {
    const auto result = session.run_full("bob", "ack INC-1 on my way", "C9");
    check_posted(result.reply);
    CHECK(destinations(result.queued) == std::vector<std::string>{"C1"});
    CHECK(session.events(1).back().text == "on my way");
  }
  CHECK(session.incident(1).acknowledged_at == session_start());
}

TEST_CASE("ack refuses without an incident and changes nothing", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");

  SECTION("no incident bound to the channel") {
    check_refused(session, "bob", "ack", "no incident is bound to this channel", "C2");
    check_refused(session, "bob", "ack", usage, "C2");
  }
  SECTION("an incident that does not exist") {
    check_refused(session, "bob", "ack INC-9", "there is no INC-9");
  }
  SECTION("a note that is too long") {
    check_refused(session, "bob", "ack " + std::string(4001, 'n'),
                  "ack: the note is too long: 4001 characters, at most 4000");
  }
  CHECK_FALSE(session.incident(1).acknowledged_at);
}

}  // namespace
}  // namespace warroom::testing
