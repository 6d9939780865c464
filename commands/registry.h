// Every command, in the order `help` lists them, and the dispatcher that runs one line.
#pragma once

#include <span>
#include <string_view>

#include "commands/command.h"

namespace warroom::commands {

std::span<const Command* const> all_commands();
// nullptr when no command has that name (ASCII case-insensitive).
const Command* find_command(std::string_view name);

// The name of the command `line` would run (as dispatch resolves it): "help" for an empty
// line, "unknown" when no command has that name. Always one of a closed set, so it is safe
// as a metric label.
std::string_view command_name(std::string_view line);

// Runs one command line (`[/incident] [INC-n] <command> [INC-n] <arguments>`) inside the
// caller's transaction. A refused reply changed nothing only if the caller rolls back, which
// it must. Environment failures (storage::Error) propagate to the caller.
Reply dispatch(const Invocation& who, storage::Store& store);

}  // namespace warroom::commands
