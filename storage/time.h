// Time as warroom stores it: UTC instants with millisecond precision, written as
// `YYYY-MM-DDTHH:MM:SS.mmmZ` (sortable as text, and the form the hash chain covers).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace warroom {

using TimePoint = std::chrono::sys_time<std::chrono::milliseconds>;

// `2026-11-24T05:58:22.123Z`. Always UTC.
std::string format_utc(TimePoint at);

// Parses exactly the form format_utc writes; nullopt for anything else.
std::optional<TimePoint> parse_utc(std::string_view text);

}  // namespace warroom
