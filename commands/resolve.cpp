// resolve: the incident is over for customers; the summary goes to stakeholders.
// Syntax: resolve <summary>
#include "commands/changes.h"
#include "commands/target.h"
#include "commands/text.h"

namespace warroom::commands {
namespace {

constexpr std::string_view usage = "resolve <summary>";

Reply run(const Invocation& who, Arguments args, storage::Store& store) {
  auto summary = clean_text(args.take_rest(), "summary");
  if (!summary) return Reply::refused("resolve: " + summary.error() + ": how was it fixed?", usage);
  auto incident = find_target(who, args, store);
  if (!incident) return Reply::refused(incident.error(), usage);
  return change_status(who, *incident, storage::Status::resolved, storage::EventKind::resolve,
                       *summary, store);
}

}  // namespace

extern const Command resolve{.name = "resolve",
                             .usage = usage,
                             .summary = "Resolve the incident, with a summary for stakeholders.",
                             .run = run};

}  // namespace warroom::commands
