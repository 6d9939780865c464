// What the stakeholder status page shows, read from the store (DESIGN section 3): every open
// incident with its latest stakeholder update and when the next one is due, and the
// incidents resolved recently. The HTML and JSON renderers are in status_page.h.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "commands/config.h"
#include "storage/records.h"

namespace warroom::storage {
class Store;
}

namespace warroom::bot {

// How far back "recently resolved" reaches, and how many it lists at most.
inline constexpr std::chrono::hours resolved_window{24 * 7};
inline constexpr std::size_t resolved_limit = 10;

// A timeline entry as stakeholders read it: an `update` (or the `resolve` summary).
struct StatusNote {
  std::string text;
  std::string actor;
  TimePoint at{};
};

struct OpenIncident {
  storage::Incident incident;
  std::optional<StatusNote> latest_update;      // nullopt: nothing posted since declaring
  std::optional<TimePoint> next_update_due_at;  // nullopt: this severity has no cadence
  bool overdue = false;                         // next_update_due_at has passed
  int reminders = 0;  // cadence reminders since the latest update: 1 owner, 2 also managers
};

struct ResolvedIncident {
  storage::Incident incident;
  std::optional<StatusNote> summary;  // the latest `resolve` event
};

struct StatusReport {
  TimePoint generated_at{};
  std::vector<OpenIncident> open;          // most severe first, then oldest first
  std::vector<ResolvedIncident> resolved;  // resolved (or closed) within resolved_window,
                                           // latest first, at most resolved_limit
};

// The latest event of `kind` on the incident's timeline; reads only the tail of the timeline
// unless the kind is not there.
std::optional<StatusNote> latest_event(storage::Store& store, const storage::Incident& incident,
                                       storage::EventKind kind);

// When the next stakeholder update is due: the latest update (or the declaration) plus
// config.update_interval(severity). nullopt when the interval is zero or the incident is
// not open.
std::optional<TimePoint> next_update_due(const storage::Incident& incident,
                                         const std::optional<StatusNote>& latest_update,
                                         const commands::Config& config);

// Reads everything the page shows as it stands at `now`. Reads only; no transaction needed,
// though the caller may hold a read snapshot for a consistent view.
StatusReport collect_status(storage::Store& store, const commands::Config& config, TimePoint now);

}  // namespace warroom::bot
