// status: moves the incident through investigating, identified and monitoring (any order);
// `status resolved` is `resolve`. The rules are in lifecycle.cpp.
// Syntax: status <investigating|identified|monitoring|resolved> [note]
#include <fmt/format.h>

#include "commands/changes.h"
#include "commands/target.h"
#include "commands/text.h"

namespace warroom::commands {
namespace {

constexpr std::string_view usage = "status <investigating|identified|monitoring|resolved> [note]";

Reply run(const Invocation& who, Arguments args, storage::Store& store) {
  const auto word = args.take_word();
  if (!word) return Reply::refused("status: which status?", usage);
  const auto to = storage::parse_status(to_lower_ascii(*word));
  if (!to || *to == storage::Status::closed) {
    return Reply::refused(fmt::format("status: expected investigating, identified, monitoring or "
                                      "resolved, got \"{}\"{}",
                                      *word, to ? " (`close` closes a resolved incident)" : ""),
                          usage);
  }
  const bool resolving = *to == storage::Status::resolved;
  auto note = clean_text(args.take_rest(), resolving ? "summary" : "note", resolving);
  if (!note) return Reply::refused("status: " + note.error(), usage);
  auto incident = find_target(who, args, store);
  if (!incident) return Reply::refused(incident.error(), usage);
  if (incident->status == storage::Status::resolved && !resolving) {
    return Reply::refused(fmt::format("{} is resolved: `reopen <reason>` first", incident->key()));
  }
  return change_status(who, *incident, *to,
                       resolving ? storage::EventKind::resolve : storage::EventKind::status, *note,
                       store);
}

}  // namespace

extern const Command status{.name = "status",
                            .usage = usage,
                            .summary =
                                "Move the incident to investigating, identified, monitoring "
                                "or resolved.",
                            .run = run};

}  // namespace warroom::commands
