// action: follow-up actions of an incident, numbered per incident, for the review.
// Syntax: action <text> [@owner] [due:YYYY-MM-DD]  |  action done <n>  |  action list
// `@owner` and `due:` are options wherever they stand; the remaining words are the text.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <chrono>

#include "commands/format.h"
#include "commands/record.h"
#include "commands/target.h"
#include "commands/text.h"

namespace warroom::commands {
namespace {

constexpr std::string_view usage =
    "action <text> [@owner] [due:YYYY-MM-DD]  |  action done <n>  |  action list";

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// `YYYY-MM-DD` naming a real calendar day.
bool is_calendar_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  const auto number = [&](std::size_t at, std::size_t length) {
    int value = -1;
    const char* end = text.data() + at + length;
    const auto parsed = std::from_chars(text.data() + at, end, value);
    return parsed.ec == std::errc{} && parsed.ptr == end ? value : -1;
  };
  const int year = number(0, 4);
  const int month = number(5, 2);
  const int day = number(8, 2);
  if (year < 0 || month < 0 || day < 0) return false;
  return std::chrono::year_month_day{std::chrono::year{year},
                                     std::chrono::month{static_cast<unsigned>(month)},
                                     std::chrono::day{static_cast<unsigned>(day)}}
      .ok();
}

struct NewAction {
  std::string text;
  std::string owner;
  std::optional<std::string> due;
};

// Records `token` in `action` when it is an option (`@owner` or `due:YYYY-MM-DD`): true when it
// was one, an error when it repeats or names no real date, false for a word of the text.
Expected<bool> take_option(std::string_view token, NewAction& action) {
  if (token.size() > 1 && token.front() == '@' && is_valid_user_id(token.substr(1))) {
    if (!action.owner.empty()) {
      return unexpected(fmt::format("one owner per action, \"{}\" is a second one", token));
    }
    action.owner = std::string(token.substr(1));
    return true;
  }
  if (token.size() < 4 || to_lower_ascii(token.substr(0, 4)) != "due:") return false;
  if (action.due) {
    return unexpected(fmt::format("one due date per action, \"{}\" is a second one", token));
  }
  if (!is_calendar_date(token.substr(4))) {
    return unexpected(fmt::format("due: expected a date like due:2026-12-01, got \"{}\"", token));
  }
  action.due = std::string(token.substr(4));
  return true;
}

// Takes the options out of `line`; what stays, with its own spacing and newlines, is the
// text. A line break before a removed option is kept for the next word.
Expected<NewAction> parse_new_action(const std::string& line) {
  NewAction action;
  std::string text;
  bool carry_newline = false;
  std::size_t at = 0;
  while (at < line.size()) {
    std::size_t start = at;
    while (start < line.size() && is_space(line[start])) ++start;
    std::size_t end = start;
    while (end < line.size() && !is_space(line[end])) ++end;
    const std::string_view blank(line.data() + at, start - at);
    const std::string_view token(line.data() + start, end - start);
    at = end;
    const bool has_newline = blank.find('\n') != std::string_view::npos;
    const auto option = take_option(token, action);
    if (!option) return unexpected(option.error());
    if (*option) {
      carry_newline = carry_newline || has_newline;
      continue;
    }
    text.append(carry_newline && !has_newline ? std::string_view("\n") : blank).append(token);
    carry_newline = false;
  }
  auto cleaned = clean_text(text, "action");
  if (!cleaned) return unexpected(cleaned.error());
  action.text = std::move(*cleaned);
  return action;
}

storage::EventData event_data(const storage::Action& action) {
  return {{"number", std::to_string(action.number)},
          {"owner", action.owner},
          {"due", action.due.value_or("")},
          {"done", action.done_at ? "true" : "false"}};
}

// "#2 restart the canary · @bob · due 2026-12-01" (with "done …" once done).
std::string describe_action(const storage::Action& action) {
  std::string line = fmt::format("#{} {}", action.number, action.text);
  if (!action.owner.empty()) line += " · " + mention(action.owner);
  if (action.due) line += " · due " + *action.due;
  if (action.done_at) line += " · done " + format_time(*action.done_at);
  return line;
}

Reply add(const Invocation& who, Arguments& args, storage::Store& store) {
  auto parsed = parse_new_action(args.take_rest());
  if (!parsed) return Reply::refused("action: " + parsed.error(), usage);
  auto incident = find_changeable(who, args, store);
  if (!incident) return Reply::refused(incident.error(), usage);
  const auto action = store.add_action(
      incident->number,
      storage::Action{
          .text = parsed->text, .owner = parsed->owner, .due = parsed->due, .created_at = who.at});
  record(store, who, *incident, storage::EventKind::action, action.text, event_data(action));
  return Reply::posted(fmt::format("{} action {}", incident->key(), describe_action(action)));
}

Reply complete(const Invocation& who, Arguments& args, storage::Store& store) {
  const std::string word = args.take_word().value_or("");
  std::int64_t number = 0;
  const auto parsed = std::from_chars(word.data(), word.data() + word.size(), number);
  if (word.empty() || parsed.ec != std::errc{} || parsed.ptr != word.data() + word.size() ||
      number < 1) {
    return Reply::refused(fmt::format("action done: expected an action number, got \"{}\"", word),
                          usage);
  }
  if (const auto extra = args.peek_word()) {
    return Reply::refused(fmt::format("action done: \"{}\" is extra", *extra), usage);
  }
  auto incident = find_changeable(who, args, store);
  if (!incident) return Reply::refused(incident.error(), usage);
  for (auto action : store.actions(incident->number)) {
    if (action.number != number) continue;
    if (action.done_at) {
      return Reply::refused(fmt::format("{} action #{} is already done ({})", incident->key(),
                                        number, format_time(*action.done_at)));
    }
    store.complete_action(incident->number, number, who.at);
    action.done_at = who.at;
    record(store, who, *incident, storage::EventKind::action, action.text, event_data(action));
    return Reply::posted(fmt::format("{} action {}", incident->key(), describe_action(action)));
  }
  return Reply::refused(
      fmt::format("{} has no action #{}: `action list` shows them", incident->key(), number),
      usage);
}

Reply list(const Invocation& who, const Arguments& args, storage::Store& store) {
  auto incident = find_target(who, args, store);
  if (!incident) return Reply::refused(incident.error(), usage);
  const auto actions = store.actions(incident->number);
  if (actions.empty()) {
    return Reply::shown(
        fmt::format("{} has no actions yet: `action <text> [@owner] [due:YYYY-MM-DD]` adds one",
                    incident->key()));
  }
  const auto open = std::count_if(actions.begin(), actions.end(),
                                  [](const storage::Action& action) { return !action.done_at; });
  std::string text =
      fmt::format("{} actions ({} open of {}):", incident->key(), open, actions.size());
  for (const auto& action : actions) text += "\n" + describe_action(action);
  return Reply::shown(text);
}

Reply run(const Invocation& who, Arguments args, storage::Store& store) {
  const auto first = to_lower_ascii(args.peek_word().value_or(""));
  if (first.empty()) return Reply::refused("action: what needs doing?", usage);
  if (first == "done") {
    args.take_word();
    return complete(who, args, store);
  }
  if (first == "list") {
    args.take_word();
    if (const auto extra = args.peek_word()) {
      return Reply::refused(fmt::format("action list: \"{}\" is extra", *extra), usage);
    }
    return list(who, args, store);
  }
  return add(who, args, store);
}

}  // namespace

extern const Command action{.name = "action",
                            .usage = usage,
                            .summary = "Add a follow-up action, mark one done, or list them.",
                            .run = run};

}  // namespace warroom::commands
