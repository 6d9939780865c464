// Tests for `help`: every command's usage in help order, or one command explained; generated
// from the command table, only for the caller, anywhere.
#include <catch2/catch.hpp>

#include "commands/registry.h"
#include "tests/commands/command_checks.h"

namespace warroom::testing {
namespace {

// What `help` must list: every command's usage and summary, in the registry's order.
std::string expected_help() {
  std::string text =
      "warroom commands (`/incident <command>`; name an incident with INC-n, or run them in "
      "its channel):";
  for (const commands::Command* command : commands::all_commands()) {
    text += "\n" + std::string(command->usage) + "  (" + std::string(command->summary) + ")";
  }
  return text;
}

TEST_CASE("help lists every command with its usage in the registry's order", "[commands]") {
  ChatSession session;
  const auto text = check_shown(session, "alice", "help", "C7");
  CHECK(text == expected_help());
  CHECK_THAT(text, Catch::Contains("\ndeclare <title> [sev1|sev2|sev3|sev4] [service:<name>] "
                                   "[impact:\"…\"]  (Open a new incident; you become its owner.)"));
  CHECK_THAT(text, Catch::EndsWith("\nhelp [command]  (List the commands, or explain one.)"));
  CHECK(commands::all_commands().size() == 22);
}

TEST_CASE("help with a command explains that command", "[commands]") {
  ChatSession session;
  CHECK(check_shown(session, "alice", "help sev") ==
        "Set the severity (SEV1 critical to SEV4 minor), with a reason.\n"
        "Usage: sev <1-4> <reason>");
  CHECK(check_shown(session, "alice", "help HANDOVER") ==
        "Hand the incident to a new owner, with a note.\nUsage: handover @user [note]");
}

TEST_CASE("help works in a channel with an incident and writes nothing", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  CHECK_THAT(check_shown(session, "alice", "help declare"),
             Catch::EndsWith("Usage: declare <title> [sev1|sev2|sev3|sev4] [service:<name>] "
                             "[impact:\"…\"]"));
}

TEST_CASE("help for an unknown command is refused with help's usage", "[commands]") {
  ChatSession session;
  check_refused(session, "alice", "help bogus", "help: there is no command \"bogus\"");
  check_refused(session, "alice", "help bogus", "Usage: help [command]");
}

}  // namespace
}  // namespace warroom::testing
