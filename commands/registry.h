// Every command, in the order `help` lists them, and the dispatcher that runs one line.
#pragma once

#include <span>
#include <string_view>

#include "commands/command.h"

namespace warroom::commands {

std::span<const Command* const> all_commands();
// nullptr when no command has that name (ASCII case-insensitive).
const Command* find_command(std::string_view name);

// Runs one command line (`[/incident] [INC-n] <command> [INC-n] <arguments>`) inside the
// caller's transaction. A refused reply changed nothing only if the caller rolls back, which
// it must. Environment failures (storage::Error) propagate to the caller.
Reply dispatch(const Invocation& who, storage::Store& store);

}  // namespace warroom::commands
