// The figures of `stats` (chat) and `warroom stats` (CLI) over the incidents declared in a
// window: counts by severity and service, time to acknowledge, mitigate and resolve, and
// stakeholder updates on time or late. Exports Stats, collect_stats, render_stats_text.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "commands/config.h"
#include "storage/store.h"

namespace warroom::commands {

using Days = std::chrono::duration<std::int64_t, std::ratio<86400>>;

// The longest window `stats` accepts (a century: "any Nd", without overflowing a TimePoint).
inline constexpr std::int64_t max_stats_days = 36500;

// `30d` (any case): a whole number of days from 1 to max_stats_days; nullopt for anything
// else (no unit, another unit, zero, a sign, too many days).
std::optional<Days> parse_stats_window(std::string_view text);

// One "time to X" figure: mean and median from created_at, over the incidents that have
// the time (`counted`); mean and median are zero when counted is zero.
struct TimeFigure {
  std::int64_t counted = 0;
  std::chrono::milliseconds mean{0};
  std::chrono::milliseconds median{0};  // of an even count: the mean of the middle two
};

struct Stats {
  Days window{30};
  TimePoint since{};  // now - window: incidents with created_at >= since count
  TimePoint until{};  // now
  std::int64_t incidents = 0;
  std::array<std::int64_t, 4> by_severity{};       // current severity, SEV1 first
  std::map<std::string, std::int64_t> by_service;  // "(none)" for no service
  TimeFigure time_to_acknowledge;
  TimeFigure time_to_mitigate;
  TimeFigure time_to_resolve;
  // Stakeholder updates: within the update interval of the severity the incident had at
  // that moment, after the previous update (or the declaration); late otherwise. An update
  // at a severity with no cadence (zero interval) is neither, and counted apart.
  std::int64_t updates_on_time = 0;
  std::int64_t updates_late = 0;
  std::int64_t updates_without_cadence = 0;
};

inline constexpr std::string_view no_service = "(none)";

// Reads the window's incidents and their declare, sev and update events in two queries
// (whatever the number of incidents). Storage failures throw storage::Error.
Stats collect_stats(storage::Store& store, const Config& config, TimePoint now, Days window);

// The figures as a chat reply or terminal text, e.g. "Time to acknowledge: mean 3m 05s,
// median 4m 10s over 12".
std::string render_stats_text(const Stats& stats);

}  // namespace warroom::commands
