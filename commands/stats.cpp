// Computes and writes the `stats` figures. The update cadence is replayed from each
// incident's timeline: its severity starts as declared and follows every `sev` event, and
// each `update` is measured against the interval of the severity in force when it came.
#include "commands/stats.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <numeric>
#include <span>
#include <utility>
#include <vector>

#include "commands/format.h"

namespace warroom::commands {
namespace {

using std::chrono::milliseconds;

TimeFigure figure_of(std::vector<milliseconds> durations) {
  TimeFigure figure{.counted = std::ssize(durations)};
  if (durations.empty()) return figure;
  std::sort(durations.begin(), durations.end());
  const milliseconds total = std::accumulate(durations.begin(), durations.end(), milliseconds{0});
  figure.mean = total / figure.counted;
  const std::size_t middle = durations.size() / 2;
  figure.median = durations.size() % 2 == 1 ? durations[middle]
                                            : (durations[middle - 1] + durations[middle]) / 2;
  return figure;
}

// The severity the incident was declared with: the declaration's data, else the first
// change's `from`, else (an incomplete timeline) its severity now.
storage::Severity declared_severity(const storage::Incident& incident,
                                    std::span<const storage::IncidentEvent> events) {
  for (const auto& entry : events) {
    const storage::Event& event = entry.event;
    if (event.kind == "declare") {
      if (auto severity = storage::parse_severity(storage::value_of(event.fields, "severity"))) {
        return *severity;
      }
    } else if (event.kind == "sev") {
      if (auto from = storage::parse_severity(storage::value_of(event.fields, "from"))) {
        return *from;
      }
    }
  }
  return incident.severity;
}

// Replays one incident's declare, sev and update events (seq order) into the update counts.
void count_updates(Stats& stats, const Config& config, const storage::Incident& incident,
                   std::span<const storage::IncidentEvent> events) {
  storage::Severity severity = declared_severity(incident, events);
  TimePoint previous = incident.created_at;  // the previous update, or the declaration
  for (const auto& entry : events) {
    const storage::Event& event = entry.event;
    if (event.kind == "sev") {
      if (auto to = storage::parse_severity(storage::value_of(event.fields, "to"))) severity = *to;
    } else if (event.kind == "update") {
      const auto interval = config.update_interval(severity);
      if (interval.count() <= 0) {
        ++stats.updates_without_cadence;
      } else if (event.at - previous <= interval) {
        ++stats.updates_on_time;
      } else {
        ++stats.updates_late;
      }
      previous = event.at;
    }
  }
}

// "45s", "4m 10s", "1h 05m 10s", "2d 3h 05m": to the second below a day.
std::string format_figure(milliseconds duration) {
  const auto seconds =
      std::max<std::int64_t>(0, std::chrono::duration_cast<std::chrono::seconds>(duration).count());
  const auto days = seconds / 86400;
  const auto hours = seconds % 86400 / 3600;
  const auto minutes = seconds % 3600 / 60;
  const auto rest = seconds % 60;
  if (days > 0) return fmt::format("{}d {}h {:02}m", days, hours, minutes);
  if (hours > 0) return fmt::format("{}h {:02}m {:02}s", hours, minutes, rest);
  if (minutes > 0) return fmt::format("{}m {:02}s", minutes, rest);
  return fmt::format("{}s", rest);
}

std::string time_line(std::string_view label, const TimeFigure& figure) {
  if (figure.counted == 0) return fmt::format("\n{}: no incident has one yet", label);
  return fmt::format("\n{}: mean {}, median {} over {}", label, format_figure(figure.mean),
                     format_figure(figure.median), figure.counted);
}

std::string services_line(const Stats& stats) {
  std::vector<std::pair<std::string, std::int64_t>> services(stats.by_service.begin(),
                                                             stats.by_service.end());
  std::stable_sort(services.begin(), services.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string line = "\nBy service:";
  for (std::size_t i = 0; i < services.size(); ++i) {
    line += fmt::format("{} {} {}", i == 0 ? "" : " ·", services[i].first, services[i].second);
  }
  return line;
}

std::string updates_line(const Stats& stats) {
  const std::int64_t measured = stats.updates_on_time + stats.updates_late;
  std::string line = "\nStakeholder updates: ";
  if (measured == 0 && stats.updates_without_cadence == 0) return line + "none";
  line += fmt::format("{} on time, {} late", stats.updates_on_time, stats.updates_late);
  if (measured > 0) {
    line +=
        fmt::format(" ({}% on time)", (stats.updates_on_time * 200 + measured) / (2 * measured));
  }
  if (stats.updates_without_cadence > 0) {
    line +=
        fmt::format(", {} at a severity without an update cadence", stats.updates_without_cadence);
  }
  return line;
}

}  // namespace

std::optional<Days> parse_stats_window(std::string_view text) {
  if (text.size() < 2 || (text.back() != 'd' && text.back() != 'D')) return std::nullopt;
  const std::string_view digits = text.substr(0, text.size() - 1);
  if (digits.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
  std::int64_t days = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), days);
  if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  if (days < 1 || days > max_stats_days) return std::nullopt;
  return Days{days};
}

Stats collect_stats(storage::Store& store, const Config& config, TimePoint now, Days window) {
  Stats stats{.window = window, .since = now - window, .until = now};
  const auto incidents = store.incidents_declared_since(stats.since);
  std::vector<milliseconds> acknowledge;
  std::vector<milliseconds> mitigate;
  std::vector<milliseconds> resolve;
  for (const auto& incident : incidents) {
    ++stats.incidents;
    ++stats.by_severity.at(static_cast<std::size_t>(incident.severity) - 1);
    ++stats.by_service[incident.service.empty() ? std::string(no_service) : incident.service];
    if (incident.acknowledged_at)
      acknowledge.push_back(*incident.acknowledged_at - incident.created_at);
    if (incident.mitigated_at) mitigate.push_back(*incident.mitigated_at - incident.created_at);
    if (incident.resolved_at) resolve.push_back(*incident.resolved_at - incident.created_at);
  }
  stats.time_to_acknowledge = figure_of(std::move(acknowledge));
  stats.time_to_mitigate = figure_of(std::move(mitigate));
  stats.time_to_resolve = figure_of(std::move(resolve));

  // Both lists are in incident number order: walk them side by side. Events of an incident
  // declared between the two reads (no snapshot) have no incident here and are skipped.
  const auto events = store.events_of_incidents_declared_since(
      stats.since,
      {storage::EventKind::declare, storage::EventKind::sev, storage::EventKind::update});
  const std::span<const storage::IncidentEvent> all(events);
  std::size_t next = 0;
  for (const auto& incident : incidents) {
    while (next < all.size() && all[next].incident < incident.number) ++next;
    const std::size_t first = next;
    while (next < all.size() && all[next].incident == incident.number) ++next;
    count_updates(stats, config, incident, all.subspan(first, next - first));
  }
  return stats;
}

std::string render_stats_text(const Stats& stats) {
  const std::string window =
      fmt::format("the last {}d (since {})", stats.window.count(), format_time(stats.since));
  if (stats.incidents == 0) return fmt::format("No incidents declared in {}.", window);
  std::string text = fmt::format("Incidents declared in {}: {}", window, stats.incidents);
  text += "\nBy severity:";
  for (std::size_t i = 0; i < stats.by_severity.size(); ++i) {
    text += fmt::format("{} {} {}", i == 0 ? "" : " ·",
                        storage::to_string(static_cast<storage::Severity>(i + 1)),
                        stats.by_severity.at(i));
  }
  text += services_line(stats);
  text += time_line("Time to acknowledge", stats.time_to_acknowledge);
  text += time_line("Time to mitigate", stats.time_to_mitigate);
  text += time_line("Time to resolve", stats.time_to_resolve);
  text += updates_line(stats);
  return text;
}

}  // namespace warroom::commands
