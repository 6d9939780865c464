// The stats figures as JSON, built with nlohmann/json (service names are user text).
#include "bot/stats_json.h"

#include <nlohmann/json.hpp>

namespace warroom::bot {
namespace {

using nlohmann::json;

json seconds(std::chrono::milliseconds duration) {
  return static_cast<double>(duration.count()) / 1000.0;
}

json time_figure(const commands::TimeFigure& figure) {
  const bool none = figure.counted == 0;
  return {{"counted", figure.counted},
          {"mean_seconds", none ? json(nullptr) : seconds(figure.mean)},
          {"median_seconds", none ? json(nullptr) : seconds(figure.median)}};
}

}  // namespace

std::string render_stats_json(const commands::Stats& stats) {
  json by_severity = json::object();
  for (std::size_t i = 0; i < stats.by_severity.size(); ++i) {
    by_severity[std::string(storage::to_string(static_cast<storage::Severity>(i + 1)))] =
        stats.by_severity.at(i);
  }
  json by_service = json::object();
  for (const auto& [service, count] : stats.by_service) by_service[service] = count;
  const json document = {{"window_days", stats.window.count()},
                         {"since", format_utc(stats.since)},
                         {"until", format_utc(stats.until)},
                         {"incidents", stats.incidents},
                         {"by_severity", by_severity},
                         {"by_service", by_service},
                         {"time_to_acknowledge", time_figure(stats.time_to_acknowledge)},
                         {"time_to_mitigate", time_figure(stats.time_to_mitigate)},
                         {"time_to_resolve", time_figure(stats.time_to_resolve)},
                         {"updates",
                          {{"on_time", stats.updates_on_time},
                           {"late", stats.updates_late},
                           {"without_cadence", stats.updates_without_cadence}}}};
  return document.dump(2, ' ', false, json::error_handler_t::replace);
}

}  // namespace warroom::bot
