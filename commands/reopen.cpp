// reopen: a resolved incident goes back to investigating (closed is final).
// Syntax: reopen <reason>
#include <fmt/format.h>

#include "commands/changes.h"
#include "commands/permissions.h"
#include "commands/target.h"
#include "commands/text.h"

namespace warroom::commands {
namespace {

constexpr std::string_view usage = "reopen <reason>";

Reply run(const Invocation& who, Arguments args, storage::Store& store) {
  auto reason = clean_text(args.take_rest(), "reason");
  if (!reason) return Reply::refused("reopen: " + reason.error() + ": say why", usage);
  auto incident = find_target(who, args, store);
  if (!incident) return Reply::refused(incident.error(), usage);
  if (auto refusal = refuse_without(who, Permission::reopen, "reopen " + incident->key())) {
    return *refusal;
  }
  if (is_open(incident->status)) {
    return Reply::refused(fmt::format("{} is still open ({}): there is nothing to reopen",
                                      incident->key(), to_string(incident->status)));
  }
  return change_status(who, *incident, storage::Status::investigating, storage::EventKind::reopen,
                       *reason, store);
}

}  // namespace

extern const Command reopen{.name = "reopen",
                            .usage = usage,
                            .summary = "Reopen a resolved incident, with a reason.",
                            .run = run};

}  // namespace warroom::commands
