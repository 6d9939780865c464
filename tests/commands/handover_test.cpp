// Tests for `handover`: the owner changes (anyone may hand over), one `handover` event with
// from, to and note; the first hand-over acknowledges the incident.
#include <catch2/catch.hpp>

#include "tests/commands/command_checks.h"

namespace warroom::testing {
namespace {

constexpr std::string_view usage = "Usage: handover @user [note]";

TEST_CASE("handover to someone else changes the owner and records one event", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  session.clock.advance(minutes(30));
  const auto result = session.run_full("alice", "handover @bob going off shift, see the notes");

  check_posted(result.reply);
  CHECK(result.reply.text ==
        "@alice handed INC-1 over to @bob, the new owner: going off shift, see the notes");
  const auto incident = session.incident(1);
  CHECK(incident.owner == "bob");
  CHECK(incident.acknowledged_at == session_start() + minutes(30));

  const auto event = only_new_event(session, 1, 1);
  CHECK(event.kind == "handover");
  CHECK(event.actor == "alice");
  CHECK(event.text == "going off shift, see the notes");
  check_data(event, {{"from", "alice"}, {"note", "going off shift, see the notes"}, {"to", "bob"}});
  CHECK(result.queued.empty());
  CHECK(session.verify(1).intact);
}

TEST_CASE("anyone may hand over, and the reply names the previous owner", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  const auto reply = session.run("carol", "handover @bob");
  check_posted(reply);
  CHECK(reply.text == "@carol handed INC-1 from @alice to @bob, the new owner");
  CHECK(session.incident(1).owner == "bob");
  const auto event = only_new_event(session, 1, 1);
  CHECK(event.actor == "carol");
  CHECK(event.text.empty());
  check_data(event, {{"from", "alice"}, {"note", ""}, {"to", "bob"}});

  SECTION("and the new owner may hand it on") {
    check_posted(session.run("bob", "handover @dave nights"));
    CHECK(session.incident(1).owner == "dave");
    check_data(session.events(1).back(), {{"from", "bob"}, {"note", "nights"}, {"to", "dave"}});
    CHECK(session.verify(1).intact);
  }
}

TEST_CASE("handover from another channel is posted to the incident's channel", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  const auto result = session.run_full("alice", "handover INC-1 @bob", "C9");
  check_posted(result.reply);
  REQUIRE(result.queued.size() == 1);
  CHECK(result.queued[0].destination == "C1");
  CHECK(result.queued[0].template_name == "handover");
  CHECK(result.queued[0].fields.at("from") == "alice");
  CHECK(result.queued[0].fields.at("owner") == "bob");
}

TEST_CASE("handover refuses bad arguments and changes nothing", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  using Row = std::pair<std::string, std::string>;
  const auto [line, expected] = GENERATE(table<std::string, std::string>({
      Row{"handover", "handover: to whom? mention the new owner, like @bob"},
      Row{"handover bob", "handover: to whom?"},
      Row{"handover @bob:x note", "handover: to whom?"},
      Row{"handover @bob " + std::string(4001, 'n'), "handover: the note is too long"},
      Row{"handover INC-9 @bob", "there is no INC-9"},
  }));
  CAPTURE(line);
  check_refused(session, "alice", line, expected);
  check_refused(session, "alice", line, usage);
}

TEST_CASE("handover to the current owner is refused and changes nothing", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  check_refused(session, "bob", "handover @alice", "@alice already owns INC-1");
  CHECK_FALSE(session.incident(1).acknowledged_at);
}

TEST_CASE("handover in a channel without an incident says so", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  check_refused(session, "alice", "handover @bob", "no incident is bound to this channel", "C2");
  check_refused(session, "alice", "handover @bob", usage, "C2");
}

}  // namespace
}  // namespace warroom::testing
