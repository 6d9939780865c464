// handover: the owner changes; the incident is never without an owner. Anyone may hand over.
// Syntax: handover @user [note]
#include "commands/changes.h"
#include "commands/target.h"
#include "commands/text.h"

namespace warroom::commands {
namespace {

constexpr std::string_view usage = "handover @user [note]";

Reply run(const Invocation& who, Arguments args, storage::Store& store) {
  const auto new_owner = args.take_mention();
  if (!new_owner)
    return Reply::refused("handover: to whom? mention the new owner, like @bob", usage);
  auto note = clean_text(args.take_rest(), "note", false);
  if (!note) return Reply::refused("handover: " + note.error(), usage);
  auto incident = find_target(who, args, store);
  if (!incident) return Reply::refused(incident.error(), usage);
  return hand_over(who, *incident, *new_owner, *note, store);
}

}  // namespace

extern const Command handover{.name = "handover",
                              .usage = usage,
                              .summary = "Hand the incident to a new owner, with a note.",
                              .run = run};

}  // namespace warroom::commands
