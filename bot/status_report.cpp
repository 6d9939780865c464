// Collects the status page's data: open incidents with their latest update and the next
// update's due time, then the incidents resolved recently.
#include "bot/status_report.h"

#include <algorithm>
#include <limits>

#include "commands/cadence.h"
#include "storage/store.h"

namespace warroom::bot {
namespace {

// Incidents looked at for "recently resolved" (newest first).
constexpr std::size_t scanned_incidents = 1000;

bool more_urgent(const OpenIncident& a, const OpenIncident& b) {
  if (a.incident.severity != b.incident.severity) return a.incident.severity < b.incident.severity;
  return a.incident.created_at < b.incident.created_at;
}

}  // namespace

std::optional<StatusNote> latest_event(storage::Store& store, const storage::Incident& incident,
                                       storage::EventKind kind) {
  const auto event = store.latest_event(incident.number, kind);
  if (!event) return std::nullopt;
  return StatusNote{.text = event->text, .actor = event->actor, .at = event->at};
}

std::optional<TimePoint> next_update_due(const storage::Incident& incident,
                                         const std::optional<StatusNote>& latest_update,
                                         const commands::Config& config) {
  const auto interval = config.update_interval(incident.severity);
  if (interval.count() <= 0 || !storage::is_open(incident.status)) return std::nullopt;
  const TimePoint since = latest_update ? latest_update->at : incident.created_at;
  return since + interval;
}

StatusReport collect_status(storage::Store& store, const commands::Config& config, TimePoint now) {
  StatusReport report{.generated_at = now};
  const auto open =
      store.list_incidents({.open_only = true, .limit = std::numeric_limits<std::size_t>::max()});
  for (const auto& incident : open) {
    OpenIncident entry{.incident = incident,
                       .latest_update = latest_event(store, incident, storage::EventKind::update)};
    const auto cadence = commands::cadence_state(store, config, incident, now);
    entry.next_update_due_at = cadence.due_at;
    entry.overdue = cadence.overdue;
    entry.reminders = cadence.reminders;
    report.open.push_back(std::move(entry));
  }
  std::sort(report.open.begin(), report.open.end(), more_urgent);

  for (const auto& incident : store.list_incidents({.limit = scanned_incidents})) {
    const bool done =
        incident.status == storage::Status::resolved || incident.status == storage::Status::closed;
    if (!done || !incident.resolved_at || *incident.resolved_at < now - resolved_window) continue;
    report.resolved.push_back({.incident = incident});
  }
  std::sort(report.resolved.begin(), report.resolved.end(), [](const auto& a, const auto& b) {
    return *a.incident.resolved_at > *b.incident.resolved_at;
  });
  if (report.resolved.size() > resolved_limit) report.resolved.resize(resolved_limit);
  for (auto& entry : report.resolved) {
    entry.summary = latest_event(store, entry.incident, storage::EventKind::resolve);
  }
  return report;
}

}  // namespace warroom::bot
