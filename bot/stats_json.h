// `warroom stats --json`: the stats figures (commands/stats.h) as one JSON object, for
// scripts. Times are ISO 8601 UTC; durations are seconds (with milliseconds).
#pragma once

#include <string>

#include "commands/stats.h"

namespace warroom::bot {

// {"window_days", "since", "until", "incidents", "by_severity": {"SEV1": n…},
// "by_service": {name: n, "(none)": n}, "time_to_acknowledge" / "time_to_mitigate" /
// "time_to_resolve": {"counted", "mean_seconds", "median_seconds"} (null means when none was
// counted), "updates": {"on_time", "late", "without_cadence"}}.
std::string render_stats_json(const commands::Stats& stats);

}  // namespace warroom::bot
