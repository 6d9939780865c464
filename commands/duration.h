// Durations as users write them in the config file and in `stats`: a whole number and one
// unit, `10s`, `30m`, `2h` or `1d`.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

namespace warroom::commands {

// nullopt for anything else (no unit, another unit, a sign, a fraction, overflow past a year).
std::optional<std::chrono::seconds> parse_duration(std::string_view text);

}  // namespace warroom::commands
