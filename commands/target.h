// Which incident a command is about: the one the user named (`INC-7`), otherwise the newest
// incident bound to the channel that is not closed.
#pragma once

#include "commands/command.h"
#include "commands/expected.h"

namespace warroom::commands {

// The error says what to do: name an incident, or which one does not exist.
Expected<storage::Incident> find_target(const Invocation& who, const Arguments& args,
                                        storage::Store& store);
// As find_target, and refuses a closed incident (closed is final).
Expected<storage::Incident> find_changeable(const Invocation& who, const Arguments& args,
                                            storage::Store& store);

}  // namespace warroom::commands
