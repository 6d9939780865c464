// close: a resolved incident is closed for good; nothing changes on it again.
// Syntax: close
#include <fmt/format.h>

#include "commands/changes.h"
#include "commands/permissions.h"
#include "commands/target.h"

namespace warroom::commands {
namespace {

constexpr std::string_view usage = "close";

Reply run(const Invocation& who, Arguments args, storage::Store& store) {
  if (const auto extra = args.peek_word()) {
    return Reply::refused(fmt::format("close takes nothing more, \"{}\" is extra", *extra), usage);
  }
  auto incident = find_target(who, args, store);
  if (!incident) return Reply::refused(incident.error(), usage);
  if (auto refusal = refuse_without(who, Permission::close, "close " + incident->key())) {
    return *refusal;
  }
  return change_status(who, *incident, storage::Status::closed, storage::EventKind::close, "",
                       store);
}

}  // namespace

extern const Command close{.name = "close",
                           .usage = usage,
                           .summary = "Close a resolved incident; closed is final.",
                           .run = run};

}  // namespace warroom::commands
