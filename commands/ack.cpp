// ack: "I am on it". Every ack is an event; the first sets acknowledged_at. The owner stays.
// Syntax: ack [note]
#include <fmt/format.h>

#include "commands/format.h"
#include "commands/record.h"
#include "commands/target.h"
#include "commands/text.h"

namespace warroom::commands {
namespace {

constexpr std::string_view usage = "ack [note]";

Reply run(const Invocation& who, Arguments args, storage::Store& store) {
  auto incident = find_changeable(who, args, store);
  if (!incident) return Reply::refused(incident.error(), usage);
  auto note = clean_text(args.take_rest(), "note", false);
  if (!note) return Reply::refused("ack: " + note.error(), usage);

  std::string message = fmt::format("{} acknowledged {}", mention(who.user), incident->key());
  if (!incident->acknowledged_at) {
    incident->acknowledged_at = who.at;
    store.save_incident(*incident);
    message +=
        fmt::format(", {} after it was declared", format_duration(who.at - incident->created_at));
  }
  if (!note->empty()) message += ": " + *note;
  record(store, who, *incident, storage::EventKind::ack, *note);
  post(store, who, *incident, Audience::incident_channel, "ack", message, {{"text", *note}});
  return Reply::posted(message);
}

}  // namespace

extern const Command ack{.name = "ack",
                         .usage = usage,
                         .summary = "Acknowledge the incident: you are on it.",
                         .run = run};

}  // namespace warroom::commands
