// Tests for `assign`: one person per role, the previous holder recorded; no role (or
// commander) is a hand-over of the incident itself.
#include <catch2/catch.hpp>

#include "tests/commands/command_checks.h"

namespace warroom::testing {
namespace {

constexpr std::string_view usage = "Usage: assign @user [role]";

TEST_CASE("assign gives a role and records one assign event", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  const auto result = session.run_full("alice", "assign @bob comms");

  check_posted(result.reply);
  CHECK(result.reply.text == "@bob is now comms for INC-1");
  CHECK(session.incident(1).owner == "alice");
  const auto event = only_new_event(session, 1, 1);
  CHECK(event.kind == "assign");
  CHECK(event.actor == "alice");
  CHECK(event.text.empty());
  check_data(event, {{"from", ""}, {"role", "comms"}, {"to", "bob"}});
  CHECK(result.queued.empty());
  CHECK_THAT(check_shown(session, "alice", "show"), Catch::Contains("\ncomms: @bob"));
  CHECK(session.verify(1).intact);
}

TEST_CASE("assign replaces the holder of a role and records who held it", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  session.run("alice", "assign @bob scribe");
  const auto reply = session.run("alice", "assign @carol SCRIBE");

  check_posted(reply);
  CHECK(reply.text == "@carol is now scribe for INC-1 (was @bob)");
  const auto event = only_new_event(session, 1, 2);
  check_data(event, {{"from", "bob"}, {"role", "scribe"}, {"to", "carol"}});
  const auto shown = check_shown(session, "alice", "show");
  CHECK_THAT(shown, Catch::Contains("\nscribe: @carol"));
  CHECK_THAT(shown, !Catch::Contains("@bob"));
}

TEST_CASE("assign without a role or as commander hands the incident over", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  session.clock.advance(minutes(4));
  const auto line = GENERATE(as<std::string>{}, "assign @bob", "assign @bob commander",
                             "assign @bob Owner", "assign @bob ic", "assign @bob lead");
  CAPTURE(line);
  const auto reply = session.run("alice", line);

  check_posted(reply);
  CHECK(reply.text == "@alice handed INC-1 over to @bob, the new owner");
  CHECK(session.incident(1).owner == "bob");
  CHECK(session.incident(1).acknowledged_at == session_start() + minutes(4));
  const auto event = only_new_event(session, 1, 1);
  CHECK(event.kind == "handover");
  check_data(event, {{"from", "alice"}, {"note", ""}, {"to", "bob"}});
}

TEST_CASE("assign from another channel is posted to the incident's channel", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  const auto result = session.run_full("alice", "INC-1 assign @bob ops", "C9");
  check_posted(result.reply);
  REQUIRE(result.queued.size() == 1);
  CHECK(result.queued[0].destination == "C1");
  CHECK(result.queued[0].template_name == "assign");
  CHECK(result.queued[0].fields.at("role") == "ops");
  CHECK(result.queued[0].fields.at("to") == "bob");
}

TEST_CASE("assign refuses bad arguments and changes nothing", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  session.run("alice", "assign @bob comms");
  using Row = std::pair<std::string, std::string>;
  const auto [line, expected] = GENERATE(table<std::string, std::string>({
      Row{"assign", "assign: whom? mention someone, like @bob"},
      Row{"assign bob comms", "assign: whom?"},
      Row{"assign @ comms", "assign: whom?"},
      Row{"assign @bob comms scribe", "assign: one role at a time, \"scribe\" is extra"},
      Row{"assign @bob co$ms", "assign: a role is one word"},
      Row{"assign @bob 1st", "assign: a role is one word"},
      Row{"assign @bob " + std::string(33, 'r'), "assign: a role is one word"},
      Row{"assign INC-9 @bob comms", "there is no INC-9"},
  }));
  CAPTURE(line);
  check_refused(session, "alice", line, expected);
  check_refused(session, "alice", line, usage);
}

TEST_CASE("assign to the current holder or owner is refused and changes nothing", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  session.run("alice", "assign @bob comms");
  check_refused(session, "alice", "assign @bob comms", "@bob is already comms for INC-1");
  check_refused(session, "alice", "assign @alice", "@alice already owns INC-1");
  check_refused(session, "alice", "assign @alice commander", "@alice already owns INC-1");
}

TEST_CASE("assign in a channel without an incident says so", "[commands]") {
  ChatSession session;
  check_refused(session, "alice", "assign @bob comms", "no incident is bound to this channel");
  check_refused(session, "alice", "assign @bob comms", usage);
}

}  // namespace
}  // namespace warroom::testing
