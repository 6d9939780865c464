// The command table (help order) and the dispatcher: which command, which incident.
#include "commands/registry.h"

#include <fmt/format.h>

#include <array>

#include "commands/text.h"

namespace warroom::commands {

extern const Command declare, ack, sev, escalate, deescalate, assign, handover, update, status,
    note, action, resolve, reopen, close, show, timeline, list, review, help;

namespace {

constexpr std::array<const Command*, 19> commands = {
    &declare, &ack,      &sev,  &escalate, &deescalate, &assign, &handover,
    &update,  &status,   &note, &action,   &resolve,    &reopen, &close,
    &show,    &timeline, &list, &review,   &help};

// "/incident" (any case) at the start, followed by a space or the end.
std::string_view without_slash_command(std::string_view line) {
  constexpr std::string_view slash = "/incident";
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  if (line.size() >= slash.size() && to_lower_ascii(line.substr(0, slash.size())) == slash &&
      (line.size() == slash.size() || line[slash.size()] == ' ' || line[slash.size()] == '\t' ||
       line[slash.size()] == '\n')) {
    line.remove_prefix(slash.size());
  }
  return line;
}

std::string command_names() {
  std::string names;
  for (const Command* command : commands)
    names += (names.empty() ? "" : ", ") + std::string(command->name);
  return names;
}

}  // namespace

std::span<const Command* const> all_commands() {
  return commands;
}

const Command* find_command(std::string_view name) {
  const std::string lower = to_lower_ascii(name);
  for (const Command* command : commands) {
    if (command->name == lower) return command;
  }
  return nullptr;
}

Reply dispatch(const Invocation& who, storage::Store& store) {
  if (who.text.size() > max_line_bytes) {
    return Reply::refused(too_long_message(who.text.size()));
  }
  Arguments words(std::string(without_slash_command(who.text)));
  auto name = words.take_word();
  std::optional<std::int64_t> incident;
  if (name) incident = parse_incident_key(*name);
  if (incident) name = words.take_word();
  if (!name) return find_command("help")->run(who, Arguments(""), store);

  const Command* command = find_command(*name);
  if (!command) {
    return Reply::refused(
        fmt::format("unknown command \"{}\". Commands: {}. `help <command>` "
                    "explains one",
                    *name, command_names()));
  }
  if (!incident) {
    if (const auto next = words.peek_word()) incident = parse_incident_key(*next);
    if (incident) words.take_word();
  }
  return command->run(who, Arguments(words.take_rest(), incident), store);
}

}  // namespace warroom::commands
