// The command table (help order) and the dispatcher: which command, which incident.
#include "commands/registry.h"

#include <fmt/format.h>

#include <array>

#include "commands/text.h"

namespace warroom::commands {

extern const Command declare, ack, sev, escalate, deescalate, assign, handover, update, status,
    note, action, link, problem, resolve, reopen, close, show, timeline, list, review, stats, help;

namespace {

constexpr std::array<const Command*, 22> commands = {
    &declare, &ack,      &sev,    &escalate, &deescalate, &assign,  &handover, &update,
    &status,  &note,     &action, &link,     &problem,    &resolve, &reopen,   &close,
    &show,    &timeline, &list,   &review,   &stats,      &help};

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

// A command line's words as the dispatcher reads them. Control characters never reach a
// command, nor an echo of the line in a refusal: mention markers are control characters, so
// user text must not carry one (newlines stay).
Arguments command_words(std::string_view line) {
  return Arguments(std::string(without_slash_command(strip_controls(line, true))));
}

// The start of a line after `/incident`: an optional INC-n, then the command's name
// (nullopt for an empty line).
struct CommandWord {
  std::optional<std::string> name;
  std::optional<std::int64_t> incident;
};

// Consumes the INC-n prefix and the command word from `words`.
CommandWord take_command_word(Arguments& words) {
  CommandWord word{.name = words.take_word()};
  if (word.name) word.incident = parse_incident_key(*word.name);
  if (word.incident) word.name = words.take_word();
  return word;
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

std::string_view command_name(std::string_view line) {
  Arguments words = command_words(line);
  const auto name = take_command_word(words).name;
  if (!name) return "help";
  const Command* command = find_command(*name);
  return command != nullptr ? command->name : "unknown";
}

Reply dispatch(const Invocation& who, storage::Store& store) {
  if (who.text.size() > max_line_bytes) {
    return Reply::refused(too_long_message(who.text.size()));
  }
  Arguments words = command_words(who.text);
  auto [name, incident] = take_command_word(words);
  if (!name) return find_command("help")->run(who, Arguments(""), store);

  const Command* command = find_command(*name);
  if (!command) {
    return Reply::refused(
        fmt::format("unknown command \"{}\". Commands: {}. `help <command>` "
                    "explains one",
                    *name, command_names()));
  }
  if (!incident && !command->takes_incident_argument) {
    if (const auto next = words.peek_word()) incident = parse_incident_key(*next);
    if (incident) words.take_word();
  }
  return command->run(who, Arguments(words.take_rest(), incident), store);
}

}  // namespace warroom::commands
