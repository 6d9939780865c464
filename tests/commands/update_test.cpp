// Tests for `update`: a stakeholder update, posted to the incident's channel and the
// announcement channel, newlines kept, controls stripped.
#include <catch2/catch.hpp>

#include "tests/commands/command_checks.h"

namespace warroom::testing {
namespace {

constexpr std::string_view usage = "Usage: update <text>";

TEST_CASE("update records one event and announces it to stakeholders", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing sev2");
  session.clock.advance(minutes(20));
  const auto result =
      session.run_full("alice", "update We are rolling back the deploy.\nNext update in 30m.");

  check_posted(result.reply);
  CHECK(result.reply.text ==
        "INC-1 update (SEV2, investigating, owner @alice):\nWe are rolling back the deploy.\n"
        "Next update in 30m.\nNext update by 2026-11-24 10:20 UTC.");
  const auto event = only_new_event(session, 1, 1);
  CHECK(event.kind == "update");
  CHECK(event.actor == "alice");
  CHECK(event.at == session_start() + minutes(20));
  CHECK(event.text == "We are rolling back the deploy.\nNext update in 30m.");
  check_data(event, {});

  REQUIRE(result.queued.size() == 1);
  CHECK(result.queued[0].destination == "C0ANNOUNCE");
  CHECK(result.queued[0].method == "chat.postMessage");
  CHECK(result.queued[0].template_name == "update");
  CHECK(result.queued[0].fields.at("text") ==
        "We are rolling back the deploy.\nNext update in 30m.");
  CHECK(result.queued[0].fields.at("severity") == "SEV2");
  CHECK(result.queued[0].fields.at("next_update_at") == "2026-11-24 10:20 UTC");  // SEV2: 1h
  CHECK(session.verify(1).intact);
}

TEST_CASE("update says when the next one is due from the severity's cadence", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing sev1");
  CHECK(session.run("alice", "update rolling back").text ==
        "INC-1 update (SEV1, investigating, owner @alice):\nrolling back\n"
        "Next update by 2026-11-24 09:30 UTC.");
  session.run("alice", "sev 4 cosmetic after all");
  CHECK(session.run("alice", "update all good").text ==
        "INC-1 update (SEV4, investigating, owner @alice):\nall good");
  session.run("alice", "resolve fixed");
  CHECK(session.run("alice", "update post-mortem on Friday").text.find("Next update") ==
        std::string::npos);
}

TEST_CASE("update from another channel goes to the incident and announcement channels",
          "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  const auto result = session.run_full("bob", "/incident INC-1 update rollback done", "C9");
  check_posted(result.reply);
  CHECK(destinations(result.queued) == std::vector<std::string>{"C1", "C0ANNOUNCE"});
}

TEST_CASE("update without an announcement channel queues nothing from the incident's channel",
          "[commands]") {
  ChatSession session;
  session.config.announce_channel.clear();
  session.run("alice", "declare Payments failing");
  const auto result = session.run_full("alice", "update rollback done");
  check_posted(result.reply);
  CHECK(result.queued.empty());
  CHECK(session.events(1).size() == 2);
}

TEST_CASE("update strips control characters and ANSI escapes from the text", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  check_posted(session.run("alice", "update \x1B[31mred\x1B[0m alert\x07 \x7F\xC2\x9Bnow"));
  CHECK(session.events(1).back().text == "red alert now");
}

TEST_CASE("update refuses bad arguments and changes nothing", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  using Row = std::pair<std::string, std::string>;
  const auto [line, expected] = GENERATE(table<std::string, std::string>({
      Row{"update", "update: the update is empty: what should stakeholders hear?"},
      Row{"update  \n  ", "update: the update is empty"},
      Row{"update \x1B[0m\x07", "update: the update is empty"},
      Row{"update " + std::string(4001, 'u'),
          "update: the update is too long: 4001 characters, at most 4000"},
      Row{"update INC-9 rollback done", "there is no INC-9"},
  }));
  CAPTURE(line);
  check_refused(session, "alice", line, expected);
  check_refused(session, "alice", line, usage);
}

TEST_CASE("update accepts exactly 4000 characters", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  const std::string text(4000, 'u');
  check_posted(session.run("alice", "update " + text));
  CHECK(session.events(1).back().text == text);
}

TEST_CASE("update in a channel without an incident says so", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  check_refused(session, "bob", "update all good", "no incident is bound to this channel", "C2");
  check_refused(session, "bob", "update all good", usage, "C2");
}

}  // namespace
}  // namespace warroom::testing
