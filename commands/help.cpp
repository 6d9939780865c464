// help: every command with its usage, or one command in detail. Generated from the Command
// fields, never retyped.
// Syntax: help [command]
#include <fmt/format.h>

#include "commands/registry.h"

namespace warroom::commands {
namespace {

constexpr std::string_view usage = "help [command]";

Reply run(const Invocation& /*who*/, Arguments args, storage::Store& /*store*/) {
  if (const auto name = args.take_word()) {
    const Command* command = find_command(*name);
    if (!command) {
      return Reply::refused(fmt::format("help: there is no command \"{}\"", *name), usage);
    }
    return Reply::shown(fmt::format("{}\nUsage: {}", command->summary, command->usage));
  }
  std::string text =
      "warroom commands (`/incident <command>`; name an incident with INC-n, or run them in "
      "its channel):";
  for (const Command* command : all_commands()) {
    text += fmt::format("\n{}  ({})", command->usage, command->summary);
  }
  return Reply::shown(text);
}

}  // namespace

extern const Command help{
    .name = "help", .usage = usage, .summary = "List the commands, or explain one.", .run = run};

}  // namespace warroom::commands
