// update: a stakeholder update, posted to the incident and announcement channels.
// Syntax: update <text>
#include <fmt/format.h>

#include "commands/format.h"
#include "commands/record.h"
#include "commands/target.h"
#include "commands/text.h"

namespace warroom::commands {
namespace {

constexpr std::string_view usage = "update <text>";

Reply run(const Invocation& who, Arguments args, storage::Store& store) {
  auto text = clean_text(args.take_rest(), "update");
  if (!text)
    return Reply::refused("update: " + text.error() + ": what should stakeholders hear?", usage);
  auto incident = find_changeable(who, args, store);
  if (!incident) return Reply::refused(incident.error(), usage);
  record(store, who, *incident, storage::EventKind::update, *text);
  std::string message = fmt::format("{} update ({}, {}, owner {}):\n{}", incident->key(),
                                    to_string(incident->severity), to_string(incident->status),
                                    mention(incident->owner), *text);
  std::string next_update_at;
  const auto interval = who.config->update_interval(incident->severity);
  if (interval.count() > 0 && is_open(incident->status)) {
    next_update_at = format_time(who.at + interval);
    message += fmt::format("\nNext update by {}.", next_update_at);
  }
  post(store, who, *incident, Audience::stakeholders, "update", message,
       {{"text", *text}, {"next_update_at", next_update_at}});
  return Reply::posted(message);
}

}  // namespace

extern const Command update{
    .name = "update",
    .usage = usage,
    .summary = "Post a stakeholder update to the incident and announcements.",
    .run = run};

}  // namespace warroom::commands
