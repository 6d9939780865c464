// Writes the /metrics page. Label values come from closed sets (severities, command names,
// outcomes, route groups), and are escaped anyway, so a page always parses.
#include "bot/metrics_page.h"

#include <fmt/format.h>

#include <limits>
#include <string_view>
#include <utility>
#include <vector>

#include "bot/status_report.h"
#include "storage/store.h"

namespace warroom::bot {
namespace {

using Labels = std::vector<std::pair<std::string_view, std::string_view>>;

// Text format 0.0.4: in a label value, backslash, double quote and newline are escaped.
std::string escape_label_value(std::string_view value) {
  std::string escaped;
  for (const char c : value) {
    if (c == '\\') {
      escaped += "\\\\";
    } else if (c == '"') {
      escaped += "\\\"";
    } else if (c == '\n') {
      escaped += "\\n";
    } else {
      escaped += c;
    }
  }
  return escaped;
}

void add_family(std::string& page, std::string_view name, std::string_view type,
                std::string_view help) {
  page += fmt::format("# HELP {} {}\n# TYPE {} {}\n", name, help, name, type);
}

void add_sample(std::string& page, std::string_view name, const Labels& labels,
                std::string_view value) {
  page += name;
  if (!labels.empty()) {
    page += '{';
    for (std::size_t i = 0; i < labels.size(); ++i) {
      page += fmt::format("{}{}=\"{}\"", i == 0 ? "" : ",", labels[i].first,
                          escape_label_value(labels[i].second));
    }
    page += '}';
  }
  page += fmt::format(" {}\n", value);
}

void add_sample(std::string& page, std::string_view name, const Labels& labels,
                std::uint64_t value) {
  add_sample(page, name, labels, fmt::format("{}", value));
}

void add_request_durations(std::string& page, const Metrics& metrics) {
  constexpr std::string_view name = "warroom_http_request_duration_seconds";
  add_family(page, name, "histogram",
             "Time from reading a request to writing its answer, by route group.");
  const std::string bucket = std::string(name) + "_bucket";
  for (const auto& group : metrics.request_durations()) {
    for (std::size_t i = 0; i < Metrics::bucket_bounds.size(); ++i) {
      const std::string bound = fmt::format("{}", Metrics::bucket_bounds.at(i));
      add_sample(page, bucket, {{"path", group.path}, {"le", bound}}, group.cumulative.at(i));
    }
    add_sample(page, bucket, {{"path", group.path}, {"le", "+Inf"}}, group.count);
    add_sample(page, std::string(name) + "_sum", {{"path", group.path}},
               fmt::format("{}", group.sum_seconds));
    add_sample(page, std::string(name) + "_count", {{"path", group.path}}, group.count);
  }
}

}  // namespace

DatabaseFigures read_database_figures(storage::Store& store, const commands::Config& config,
                                      TimePoint now) {
  DatabaseFigures figures;
  const auto open =
      store.list_incidents({.open_only = true, .limit = std::numeric_limits<std::size_t>::max()});
  for (const auto& incident : open) {
    ++figures.open_by_severity.at(static_cast<std::size_t>(incident.severity) - 1);
    const auto latest_update = latest_event(store, incident, storage::EventKind::update);
    const auto due_at = next_update_due(incident, latest_update, config);
    if (due_at && *due_at < now) ++figures.updates_overdue;
  }
  figures.outbox_pending = store.pending_count();
  figures.outbox_failures = store.failed_count();
  return figures;
}

std::string render_metrics(const Metrics& metrics, const DatabaseFigures& figures) {
  std::string page;
  add_family(page, "warroom_incidents_open", "gauge",
             "Open incidents (investigating, identified or monitoring) by current severity.");
  for (std::size_t i = 0; i < figures.open_by_severity.size(); ++i) {
    add_sample(page, "warroom_incidents_open",
               {{"severity", storage::to_string(static_cast<storage::Severity>(i + 1))}},
               static_cast<std::uint64_t>(figures.open_by_severity.at(i)));
  }
  add_family(page, "warroom_updates_overdue", "gauge",
             "Open incidents whose next stakeholder update is past due.");
  add_sample(page, "warroom_updates_overdue", {},
             static_cast<std::uint64_t>(figures.updates_overdue));

  add_family(page, "warroom_commands_total", "counter",
             "Chat commands run by this server, by command and outcome (ok, refused, error).");
  for (const auto& count : metrics.command_counts()) {
    add_sample(page, "warroom_commands_total",
               {{"command", count.command}, {"outcome", to_string(count.outcome)}}, count.count);
  }

  add_family(page, "warroom_outbox_pending", "gauge", "Outbound chat calls waiting to be sent.");
  add_sample(page, "warroom_outbox_pending", {},
             static_cast<std::uint64_t>(figures.outbox_pending));
  add_family(page, "warroom_outbox_failures_total", "counter",
             "Outbound chat calls that failed for good (kept in the outbox with their error).");
  add_sample(page, "warroom_outbox_failures_total", {},
             static_cast<std::uint64_t>(figures.outbox_failures));

  add_request_durations(page, metrics);
  return page;
}

}  // namespace warroom::bot
