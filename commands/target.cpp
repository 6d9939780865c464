// Resolves the incident a command is about.
#include "commands/target.h"

#include <fmt/format.h>

#include "commands/lifecycle.h"

namespace warroom::commands {

Expected<storage::Incident> find_target(const Invocation& who, const Arguments& args,
                                        storage::Store& store) {
  if (const auto number = args.incident()) {
    if (auto incident = store.find_incident(*number)) return *incident;
    return unexpected(fmt::format("there is no INC-{}: `list all` shows every incident", *number));
  }
  if (auto incident = store.find_incident_in_channel(who.channel)) return *incident;
  return unexpected(
      "no incident is bound to this channel: name one (like `INC-7 update …`), or `list` to "
      "see the open ones");
}

Expected<storage::Incident> find_changeable(const Invocation& who, const Arguments& args,
                                            storage::Store& store) {
  auto incident = find_target(who, args, store);
  if (!incident) return incident;
  if (auto closed = refuse_if_closed(*incident)) return unexpected(*closed);
  return incident;
}

}  // namespace warroom::commands
