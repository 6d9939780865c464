// Settings from the environment (DESIGN section 2): plain variables, and secrets that may
// come from a `*_FILE` path instead.
#pragma once

#include <optional>
#include <string>

#include "bot/server.h"
#include "commands/config.h"

namespace warroom::bot {

// The variable's value, or nullopt when unset or empty.
std::optional<std::string> environment(const char* name);
// NAME, or the contents of the file NAME_FILE names (one trailing newline dropped).
// Throws std::runtime_error naming the variable (never the value) if the file is unreadable.
std::optional<std::string> secret(const std::string& name);
// The Config a verb runs with: built-in defaults, then the JSON file `config_flag` names
// (`--config`), or else WARROOM_CONFIG's, then WARROOM_ANNOUNCE_CHANNEL (beats
// channels.announce) and WARROOM_INCIDENT_CHANNELS (`on`/`off`; default on when a bot token
// is set). No flag and no variable: no file. Throws ConfigError (bot/config_file.h), one line
// naming the file, the key's path and the problem, when the file is unreadable or wrong.
commands::Config load_config(const std::optional<std::string>& config_flag);
// What `serve` takes from the environment beyond flags: the Slack secrets (or their _FILE),
// WARROOM_SLACK_API_URL, WARROOM_SLACK_HOOKS_HOSTS, WARROOM_PUBLIC_URL, WARROOM_TEMPLATES,
// WARROOM_READ_TOKEN (or _FILE).
void read_serve_environment(ServeOptions& options);

}  // namespace warroom::bot
