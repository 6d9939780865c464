// sev: sets the severity (escalates or de-escalates), with a reason.
// Syntax: sev <1-4> <reason>
#include <fmt/format.h>

#include "commands/changes.h"
#include "commands/target.h"
#include "commands/text.h"

namespace warroom::commands {
namespace {

constexpr std::string_view usage = "sev <1-4> <reason>";

Reply run(const Invocation& who, Arguments args, storage::Store& store) {
  const auto level = args.take_word();
  if (!level) return Reply::refused("sev: which severity, 1 (critical) to 4 (minor)?", usage);
  const auto severity = storage::parse_severity(*level);
  if (!severity) return Reply::refused(fmt::format("sev: expected 1-4, got \"{}\"", *level), usage);
  auto reason = clean_text(args.take_rest(), "reason");
  if (!reason) return Reply::refused("sev: " + reason.error() + ": say why", usage);
  auto incident = find_target(who, args, store);
  if (!incident) return Reply::refused(incident.error(), usage);
  return change_severity(who, *incident, *severity, *reason, store);
}

}  // namespace

extern const Command sev{
    .name = "sev",
    .usage = usage,
    .summary = "Set the severity (SEV1 critical to SEV4 minor), with a reason.",
    .run = run};

}  // namespace warroom::commands
