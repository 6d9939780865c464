// timeline: the last n events of the incident (only you see it).
// Syntax: timeline [n]   (default 20, at most 1000)
#include <fmt/format.h>

#include <charconv>

#include "commands/format.h"
#include "commands/target.h"

namespace warroom::commands {
namespace {

constexpr std::string_view usage = "timeline [n]";
constexpr std::size_t default_count = 20;
constexpr std::size_t max_count = 1000;

// What changed, from the event's data: "SEV3 → SEV2", "comms: @a → @b".
std::string change_of(const storage::Event& event) {
  const std::string from = storage::value_of(event.fields, "from");
  const std::string to = storage::value_of(event.fields, "to");
  if (event.kind == "sev" || event.kind == "status") return fmt::format("{} → {}", from, to);
  if (event.kind == "handover") return fmt::format("{} → {}", mention(from), mention(to));
  if (event.kind == "assign") {
    return fmt::format("{}: {} → {}", storage::value_of(event.fields, "role"),
                       from.empty() ? std::string("nobody") : mention(from), mention(to));
  }
  if (event.kind == "escalate") return "brought in " + mention(to);
  if (event.kind == "declare") return storage::value_of(event.fields, "severity");
  return {};
}

std::string describe_event(const storage::Event& event) {
  std::string line = fmt::format("#{} {} {} {}", event.seq, format_time(event.at),
                                 mention(event.actor), event.kind);
  const std::string change = change_of(event);
  if (!change.empty()) line += " " + change;
  if (!event.text.empty() && event.kind != "sev") line += ": " + event.text;
  if (event.kind == "sev") line += ": " + storage::value_of(event.fields, "reason");
  return line;
}

Reply run(const Invocation& who, Arguments args, storage::Store& store) {
  std::size_t count = default_count;
  if (const auto word = args.take_word()) {
    const auto [end, error] = std::from_chars(word->data(), word->data() + word->size(), count);
    if (error != std::errc{} || end != word->data() + word->size() || count == 0 ||
        count > max_count) {
      return Reply::refused(
          fmt::format("timeline: expected a number from 1 to {}, got \"{}\"", max_count, *word),
          usage);
    }
  }
  auto incident = find_target(who, args, store);
  if (!incident) return Reply::refused(incident.error(), usage);
  const auto events = store.events(incident->number, count);
  std::string text = fmt::format("{} timeline (last {} of {}):", incident->key(), events.size(),
                                 incident->head_seq);
  for (const auto& event : events) text += "\n" + describe_event(event);
  return Reply::shown(text);
}

}  // namespace

extern const Command timeline{.name = "timeline",
                              .usage = usage,
                              .summary = "Show the last n timeline events (default 20).",
                              .run = run};

}  // namespace warroom::commands
