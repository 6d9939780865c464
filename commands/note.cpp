// note: a plain timeline entry, for the record and the review.
// Syntax: note <text>
#include <fmt/format.h>

#include "commands/format.h"
#include "commands/record.h"
#include "commands/target.h"
#include "commands/text.h"

namespace warroom::commands {
namespace {

constexpr std::string_view usage = "note <text>";

Reply run(const Invocation& who, Arguments args, storage::Store& store) {
  auto text = clean_text(args.take_rest(), "note");
  if (!text) return Reply::refused("note: " + text.error(), usage);
  auto incident = find_changeable(who, args, store);
  if (!incident) return Reply::refused(incident.error(), usage);
  const auto event = record(store, who, *incident, storage::EventKind::note, *text);
  return Reply::posted(
      fmt::format("{} note #{} by {}: {}", incident->key(), event.seq, mention(who.user), *text));
}

}  // namespace

extern const Command note{
    .name = "note", .usage = usage, .summary = "Add an entry to the timeline.", .run = run};

}  // namespace warroom::commands
