// deescalate: one severity step less critical, with a reason.
// Syntax: deescalate <reason>
#include <fmt/format.h>

#include "commands/changes.h"
#include "commands/lifecycle.h"
#include "commands/target.h"
#include "commands/text.h"

namespace warroom::commands {
namespace {

constexpr std::string_view usage = "deescalate <reason>";

Reply run(const Invocation& who, Arguments args, storage::Store& store) {
  auto reason = clean_text(args.take_rest(), "reason");
  if (!reason) return Reply::refused("deescalate: " + reason.error() + ": say why", usage);
  auto incident = find_target(who, args, store);
  if (!incident) return Reply::refused(incident.error(), usage);
  const auto lower = less_critical(incident->severity);
  if (!lower) {
    return Reply::refused(fmt::format("{} is already SEV4, the least critical", incident->key()));
  }
  return change_severity(who, *incident, *lower, *reason, store);
}

}  // namespace

extern const Command deescalate{.name = "deescalate",
                                .usage = usage,
                                .summary = "Lower the severity one step, with a reason.",
                                .run = run};

}  // namespace warroom::commands
