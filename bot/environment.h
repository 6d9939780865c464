// Settings from the environment (DESIGN section 2): plain variables, and secrets that may
// come from a `*_FILE` path instead.
#pragma once

#include <optional>
#include <string>

#include "commands/config.h"

namespace warroom::bot {

// The variable's value, or nullopt when unset or empty.
std::optional<std::string> environment(const char* name);
// NAME, or the contents of the file NAME_FILE names (one trailing newline dropped).
// Throws std::runtime_error naming the variable (never the value) if the file is unreadable.
std::optional<std::string> secret(const std::string& name);
// What commands read from the environment: WARROOM_ANNOUNCE_CHANNEL and
// WARROOM_INCIDENT_CHANNELS (`on`/`off`; default on when a bot token is set).
commands::Config config_from_environment();

}  // namespace warroom::bot
