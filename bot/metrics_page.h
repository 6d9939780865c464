// GET /metrics: the page in Prometheus text exposition format 0.0.4, from the in-process
// counters (metrics.h) and the figures read from the database on each scrape.
// Exports DatabaseFigures, read_database_figures, render_metrics, metrics_content_type.
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "bot/metrics.h"
#include "commands/config.h"
#include "storage/time.h"

namespace warroom::storage {
class Store;
}

namespace warroom::bot {

inline constexpr const char* metrics_content_type = "text/plain; version=0.0.4";

struct DatabaseFigures {
  std::array<std::int64_t, 4> open_by_severity{};  // SEV1 first
  std::int64_t outbox_pending = 0;
  std::int64_t outbox_failures = 0;  // outbox rows that failed for good
  std::int64_t updates_overdue = 0;  // open incidents whose next update is past due at `now`
};

// Reads the figures as they stand at `now`; the overdue rule is the status page's
// (status_report.h). Reads only; the caller may hold a read snapshot. Throws storage::Error.
DatabaseFigures read_database_figures(storage::Store& store, const commands::Config& config,
                                      TimePoint now);

// The whole page: HELP and TYPE before each family's samples, every severity and every
// command × outcome (zeros included), a histogram per route group; ends with a newline.
std::string render_metrics(const Metrics& metrics, const DatabaseFigures& figures);

}  // namespace warroom::bot
