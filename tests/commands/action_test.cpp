// Tests for `action`: follow-up actions numbered per incident, options anywhere after the
// text, done once, listed only for the caller; every change is exactly one action event.
#include <catch2/catch.hpp>

#include "tests/commands/command_checks.h"

namespace warroom::testing {
namespace {

constexpr std::string_view usage =
    "Usage: action <text> [@owner] [due:YYYY-MM-DD]  |  action done <n>  |  action list";

TEST_CASE("action adds a numbered action and records one action event", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  session.clock.advance(minutes(3));
  const auto result = session.run_full("alice", "action add @bob an alert due:2026-12-01 on 5xx");

  check_posted(result.reply);
  CHECK(result.reply.text == "INC-1 action #1 add an alert on 5xx · @bob · due 2026-12-01");
  CHECK(result.queued.empty());
  const auto event = only_new_event(session, 1, 1);
  CHECK(event.kind == "action");
  CHECK(event.actor == "alice");
  CHECK(event.at == session_start() + minutes(3));
  CHECK(event.text == "add an alert on 5xx");
  check_data(event, {{"done", "false"}, {"due", "2026-12-01"}, {"number", "1"}, {"owner", "bob"}});
  CHECK(session.verify(1).intact);
}

TEST_CASE("action keeps the text's newlines and needs neither owner nor due date", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  session.run("alice", "action first one");
  const auto reply =
      session.run("alice", "action write the runbook\n@carol DUE:2027-01-31\nfor payments");
  check_posted(reply);
  CHECK(reply.text == "INC-1 action #2 write the runbook\nfor payments · @carol · due 2027-01-31");
  const auto event = only_new_event(session, 1, 2);
  check_data(event,
             {{"done", "false"}, {"due", "2027-01-31"}, {"number", "2"}, {"owner", "carol"}});
  CHECK(session.events(1)[1].fields.at("owner").empty());
}

TEST_CASE("action numbers count per incident", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  session.run("alice", "declare Search slow", "C2");
  session.run("alice", "action one");
  CHECK(session.run("alice", "action two").text == "INC-1 action #2 two");
  CHECK(session.run("alice", "action other", "C2").text == "INC-2 action #1 other");
}

TEST_CASE("action done completes an action once and records one event", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  session.run("alice", "action add an alert @bob");
  session.clock.advance(minutes(30));
  const auto result = session.run_full("bob", "action done 1");
  check_posted(result.reply);
  CHECK(result.reply.text == "INC-1 action #1 add an alert · @bob · done 2026-11-24 09:30 UTC");
  const auto event = only_new_event(session, 1, 2);
  CHECK(event.actor == "bob");
  CHECK(event.text == "add an alert");
  check_data(event, {{"done", "true"}, {"due", ""}, {"number", "1"}, {"owner", "bob"}});

  check_refused(session, "bob", "action done 1",
                "INC-1 action #1 is already done (2026-11-24 09:30 UTC)");
}

TEST_CASE("action refuses bad arguments and changes nothing", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  session.run("alice", "action add an alert");
  using Row = std::pair<std::string, std::string>;
  const auto [line, expected] = GENERATE(table<std::string, std::string>({
      Row{"action", "action: what needs doing?"},
      Row{"action @bob", "action: the action is empty"},
      Row{"action fix due:2026-02-30",
          "due: expected a date like due:2026-12-01, got \"due:2026-02-30\""},
      Row{"action fix due:2026-13-01", "got \"due:2026-13-01\""},
      Row{"action fix due:26-1-1", "got \"due:26-1-1\""},
      Row{"action fix due:", "got \"due:\""},
      Row{"action fix @bob @carol", "one owner per action, \"@carol\" is a second one"},
      Row{"action fix due:2026-12-01 due:2026-12-02", "one due date per action"},
      Row{"action " + std::string(4001, 'a'), "the action is too long: 4001 characters"},
      Row{"action done", "action done: expected an action number, got \"\""},
      Row{"action done one", "action done: expected an action number, got \"one\""},
      Row{"action done 0", "expected an action number, got \"0\""},
      Row{"action done 1 2", "action done: \"2\" is extra"},
      Row{"action done 7", "INC-1 has no action #7: `action list` shows them"},
      Row{"action list all", "action list: \"all\" is extra"},
      Row{"action INC-9 fix", "there is no INC-9"},
  }));
  CAPTURE(line);
  check_refused(session, "bob", line, expected);
}

TEST_CASE("action refuses changes to a closed incident", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  session.run("alice", "action add an alert");
  session.run("alice", "resolve fixed");
  session.run("alice", "close");
  check_refused(session, "alice", "INC-1 action more", "closed is final");
  check_refused(session, "alice", "action INC-1 done 1", "closed is final");
  CHECK_THAT(check_shown(session, "alice", "INC-1 action list"),
             Catch::Contains("#1 add an alert"));
}

TEST_CASE("action list shows every action only to the caller", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  CHECK(check_shown(session, "alice", "action list") ==
        "INC-1 has no actions yet: `action <text> [@owner] [due:YYYY-MM-DD]` adds one");
  session.run("alice", "action add an alert @bob due:2026-12-01");
  session.run("alice", "action write the runbook");
  session.run("alice", "action done 2");
  CHECK(check_shown(session, "carol", "INC-1 action LIST", "C9") ==
        "INC-1 actions (1 open of 2):\n#1 add an alert · @bob · due 2026-12-01\n"
        "#2 write the runbook · done 2026-11-24 09:00 UTC");
}

TEST_CASE("action usage is the whole syntax", "[commands]") {
  ChatSession session;
  check_refused(session, "alice", "action", usage);
}

}  // namespace
}  // namespace warroom::testing
