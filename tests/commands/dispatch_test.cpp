// Tests for the dispatcher: the optional `/incident` prefix, naming an incident before or
// right after the command, unknown commands, empty and overlong lines, and which incident a
// channel implies.
#include <catch2/catch.hpp>

#include "commands/registry.h"
#include "tests/commands/command_checks.h"

namespace warroom::testing {
namespace {

constexpr std::string_view no_incident =
    "no incident is bound to this channel: name one (like `INC-7 update …`), or `list` to see "
    "the open ones";

TEST_CASE("the /incident prefix is optional and any case", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  const auto line =
      GENERATE(as<std::string>{}, "note checked", "/incident note checked",
               "/INCIDENT note checked", "/Incident NOTE checked", "  /incident   note checked",
               "/incident\tnote checked", "\t/incident note   checked  ");
  CAPTURE(line);
  const auto reply = session.run("bob", line);
  check_posted(reply);
  CHECK(reply.text == "INC-1 note #2 by @bob: checked");
  CHECK(session.events(1).back().text == "checked");
}

TEST_CASE("the prefix must be a whole word", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  check_refused(session, "bob", "/incidentnote checked", "unknown command \"/incidentnote\"");
}

TEST_CASE("an incident may be named before or right after the command, any case", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing", "C1");
  session.run("bob", "declare Search slow", "C2");
  const auto line = GENERATE(as<std::string>{}, "INC-1 note checked", "inc-1 note checked",
                             "/incident INC-1 note checked", "/incident note INC-1 checked",
                             "note inc-1 checked", "note INC-1   checked");
  CAPTURE(line);
  const auto result = session.run_full("carol", line, "C2");
  check_posted(result.reply);
  CHECK(result.reply.text == "INC-1 note #2 by @carol: checked");
  CHECK(session.events(1).size() == 2);
  CHECK(session.events(2).size() == 1);
}

TEST_CASE("an incident key later in the line is ordinary text", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing", "C1");
  session.run("bob", "declare Search slow", "C2");
  check_posted(session.run("bob", "note same cause as INC-1", "C2"));
  CHECK(session.events(2).back().text == "same cause as INC-1");
  CHECK(session.events(1).size() == 1);
}

TEST_CASE("naming an incident that does not exist is refused with the usage", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  check_refused(session, "bob", "INC-42 note checked",
                "there is no INC-42: `list all` shows every incident. Usage: note <text>");
  check_refused(session, "bob", "update INC-42 all good",
                "there is no INC-42: `list all` shows every incident. Usage: update <text>");
}

TEST_CASE("an unknown command is refused with the list of commands", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  const auto line = GENERATE(as<std::string>{}, "frobnicate now", "/incident frobnicate",
                             "INC-1 frobnicate", "INC-0 note checked", "inc-1x note checked");
  CAPTURE(line);
  const auto reply = check_refused(session, "bob", line, "unknown command \"");
  CHECK_THAT(reply.text,
             Catch::EndsWith("Commands: declare, ack, sev, escalate, deescalate, assign, "
                             "handover, update, status, note, action, link, problem, resolve, "
                             "reopen, close, show, timeline, list, review, stats, help. `help "
                             "<command>` explains one"));
}

TEST_CASE("an empty line shows the help", "[commands]") {
  ChatSession session;
  const auto line = GENERATE(as<std::string>{}, "", "   ", "/incident", "/INCIDENT  ");
  CAPTURE(line);
  const auto text = check_shown(session, "alice", line);
  CHECK_THAT(text, Catch::StartsWith("warroom commands"));
  CHECK(text == check_shown(session, "alice", "help"));
}

TEST_CASE("a 100 KB line is refused as too long and writes nothing", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  const std::string filler(100'000, 'x');
  const auto prefix =
      GENERATE(as<std::string>{}, "note ", "update ", "declare ", "/incident INC-1 resolve ");
  CAPTURE(prefix);
  const std::string line = prefix + filler;
  const auto reply = check_refused(session, "bob", line, "too long");
  CHECK(reply.text ==
        "that command is too long: " + std::to_string(line.size()) + " bytes, at most 20000");
  CHECK(session.incident_count() == 1);
}

TEST_CASE("a text of 4000 emoji fits in a line and one more is too long", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  std::string emoji;
  for (int i = 0; i < 4000; ++i) emoji += "🔥";
  check_posted(session.run("bob", "note " + emoji));
  CHECK(session.events(1).back().text == emoji);
  check_refused(session, "bob", "note " + emoji + "🔥",
                "note: the note is too long: 4001 characters, at most 4000");
}

TEST_CASE("every incident command says so when no incident is bound to the channel", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing", "C1");
  const auto line =
      GENERATE(as<std::string>{}, "ack", "sev 2 worse", "escalate worse", "escalate to @bob help",
               "deescalate calmer", "assign @bob comms", "handover @bob", "update all good",
               "status identified", "note checked", "resolve fixed", "reopen again", "close",
               "show", "timeline");
  CAPTURE(line);
  const auto reply = check_refused(session, "bob", line, no_incident, "C2");
  CHECK_THAT(reply.text, Catch::Contains(". Usage: "));
}

TEST_CASE("incidents in different channels are independent", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing", "C1");
  session.run("bob", "declare Search slow sev4", "C2");

  check_posted(session.run("alice", "sev 1 all regions", "C1"));
  check_posted(session.run("bob", "handover @carol", "C2"));
  check_posted(session.run("alice", "resolve rolled back", "C1"));
  check_posted(session.run("carol", "note reindexing", "C2"));

  const auto payments = session.incident(1);
  const auto search = session.incident(2);
  CHECK(payments.severity == storage::Severity::sev1);
  CHECK(payments.status == storage::Status::resolved);
  CHECK(payments.owner == "alice");
  CHECK(search.severity == storage::Severity::sev4);
  CHECK(search.status == storage::Status::investigating);
  CHECK(search.owner == "carol");
  CHECK(session.events(1).size() == 3);
  CHECK(session.events(2).size() == 3);
  CHECK(session.verify(1).intact);
  CHECK(session.verify(2).intact);
}

TEST_CASE("find_command matches names in any case and nothing else", "[commands]") {
  using Row = std::pair<std::string, std::string>;
  const auto [name, found] = GENERATE(table<std::string, std::string>(
      {Row{"declare", "declare"}, Row{"DECLARE", "declare"}, Row{"Help", "help"},
       Row{"timeline", "timeline"}, Row{"", ""}, Row{"declar", ""}, Row{"declare ", ""},
       Row{"review", "review"}, Row{"reviews", ""}}));
  CAPTURE(name);
  const commands::Command* command = commands::find_command(name);
  CHECK((command ? std::string(command->name) : std::string()) == found);
}

}  // namespace
}  // namespace warroom::testing
