// The JSON config file (DESIGN section 2): groups, channels, severities, permissions and
// services, applied over a base Config. Exports ConfigError, load_config_file and
// apply_config_text; docs/configuration.md describes the keys.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "commands/config.h"

namespace warroom::bot {

// A config file that cannot be read, is not JSON, or says something warroom does not accept.
// what() is one line: the file, the key's path and the problem, e.g.
// `warroom.json: severities.SEV1.update_every: expected a duration like 10s, 30m, 2h or 1d,
// got "5x"`.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// `base` with the file at `path` applied: every key is optional; a severity in the file
// changes only the keys it gives (the others keep base's values); a group, permission or
// service in the file replaces base's entry of that name. JSON comments (`//`, `/* */`) are
// allowed. Throws ConfigError when the file cannot be read (or is over 1 MiB), is not JSON,
// names a key twice in one object, has an unknown key or a value of the wrong type or form,
// or refers to an undefined group; `base` is never half-changed.
commands::Config load_config_file(const std::string& path, commands::Config base);

// The same for text already in memory; `source` names it in messages (normally the path).
commands::Config apply_config_text(std::string_view text, const std::string& source,
                                   commands::Config base);

}  // namespace warroom::bot
