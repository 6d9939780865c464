// Renders the status report as a phone-friendly HTML page and as JSON.
#include "bot/status_page.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "bot/html.h"
#include "commands/format.h"

namespace warroom::bot {
namespace {

using nlohmann::json;

std::string ago(TimePoint at, TimePoint now) {
  return commands::format_duration(now - at) + " ago";
}

std::string next_update_html(const OpenIncident& entry, TimePoint now) {
  if (!entry.next_update_due_at) {
    return fmt::format("<dd>no regular updates for {}</dd>", to_string(entry.incident.severity));
  }
  const TimePoint due = *entry.next_update_due_at;
  if (entry.overdue) {
    const std::string_view reminded = entry.reminders >= 2   ? "; the managers were told"
                                      : entry.reminders == 1 ? "; the owner was reminded"
                                                             : "";
    return fmt::format("<dd class=\"overdue\">overdue by {}: was due {}{}</dd>",
                       commands::format_duration(now - due), time_html(due), reminded);
  }
  return fmt::format("<dd>due {} (in {})</dd>", time_html(due),
                     commands::format_duration(due - now));
}

std::string latest_update_html(const OpenIncident& entry, TimePoint now) {
  if (!entry.latest_update) return "<dd class=\"muted\">no update posted yet</dd>";
  const auto& update = *entry.latest_update;
  return fmt::format("<dd><p class=\"text\">{}</p><small>{} by @{}, {}</small></dd>",
                     escape_html(update.text), ago(update.at, now), escape_html(update.actor),
                     time_html(update.at));
}

std::string open_incident_html(const OpenIncident& entry, TimePoint now,
                               std::string_view link_query) {
  const auto& incident = entry.incident;
  const std::string severity{to_string(incident.severity)};
  return fmt::format(
      "<article class=\"incident {}\" id=\"{}\">\n"
      "<h3><a href=\"/incidents/{}{}\">{}</a> {}</h3>\n"
      "<p><span class=\"badge severity\">{}</span><span class=\"badge status\">{}</span></p>\n"
      "<dl>\n<dt>Owner</dt><dd>@{}</dd>\n<dt>Declared</dt><dd>{} ({})</dd>\n"
      "<dt>Latest update</dt>{}\n<dt>Next update</dt>{}\n</dl>\n</article>\n",
      fmt::format("sev{}", static_cast<int>(incident.severity)), incident.key(), incident.key(),
      link_query, incident.key(), escape_html(incident.title), severity, to_string(incident.status),
      escape_html(incident.owner), ago(incident.created_at, now), time_html(incident.created_at),
      latest_update_html(entry, now), next_update_html(entry, now));
}

std::string resolved_incident_html(const ResolvedIncident& entry, std::string_view link_query) {
  const auto& incident = entry.incident;
  const TimePoint resolved_at = *incident.resolved_at;
  std::string summary;
  if (entry.summary) {
    summary = fmt::format("<p class=\"text\">{}</p>", escape_html(entry.summary->text));
  }
  return fmt::format(
      "<li><a href=\"/incidents/{}{}\">{}</a> {} <span class=\"badge\">{}</span>"
      "<span class=\"badge\">{}</span><br><small>resolved {} after {}, owner @{}</small>{}</li>\n",
      incident.key(), link_query, incident.key(), escape_html(incident.title),
      to_string(incident.severity), to_string(incident.status), time_html(resolved_at),
      commands::format_duration(resolved_at - incident.created_at), escape_html(incident.owner),
      summary);
}

json time_or_null(const std::optional<TimePoint>& at) {
  return at ? json(format_utc(*at)) : json(nullptr);
}

json note_json(const std::optional<StatusNote>& note) {
  if (!note) return nullptr;
  return {{"text", note->text}, {"actor", note->actor}, {"at", format_utc(note->at)}};
}

json incident_fields(const storage::Incident& incident) {
  return {{"key", incident.key()},
          {"title", incident.title},
          {"severity", to_string(incident.severity)},
          {"status", to_string(incident.status)},
          {"owner", incident.owner},
          {"service", incident.service},
          {"impact", incident.impact},
          {"created_at", format_utc(incident.created_at)},
          {"url", "/incidents/" + incident.key()}};
}

}  // namespace

std::string render_status_html(const StatusReport& report, std::string_view link_query) {
  const TimePoint now = report.generated_at;
  std::string body = fmt::format(
      "<header><h1>Incident status</h1><p class=\"muted\">As of {}. This page refreshes "
      "itself every {} s.</p></header>\n<main>\n<section>\n<h2>Open incidents ({})</h2>\n",
      time_html(now), status_refresh_seconds, report.open.size());
  if (report.open.empty()) body += "<p>No open incidents.</p>\n";
  for (const auto& entry : report.open) body += open_incident_html(entry, now, link_query);
  body += "</section>\n<section>\n<h2>Recently resolved</h2>\n";
  if (report.resolved.empty()) {
    body += "<p class=\"muted\">Nothing resolved in the last 7 days.</p>\n";
  } else {
    body += "<ul>\n";
    for (const auto& entry : report.resolved) body += resolved_incident_html(entry, link_query);
    body += "</ul>\n";
  }
  body += "</section>\n</main>\n";
  const std::string title = report.open.empty()
                                ? std::string("Incident status: all clear")
                                : fmt::format("Incident status: {} open", report.open.size());
  return html_document(title, body, status_refresh_seconds);
}

std::string render_status_json(const StatusReport& report) {
  json open = json::array();
  for (const auto& entry : report.open) {
    json item = incident_fields(entry.incident);
    item["open_for_seconds"] = std::chrono::duration_cast<std::chrono::seconds>(
                                   report.generated_at - entry.incident.created_at)
                                   .count();
    item["latest_update"] = note_json(entry.latest_update);
    item["next_update_due_at"] = time_or_null(entry.next_update_due_at);
    item["overdue"] = entry.overdue;
    item["reminders"] = entry.reminders;
    open.push_back(std::move(item));
  }
  json resolved = json::array();
  for (const auto& entry : report.resolved) {
    json item = incident_fields(entry.incident);
    item["resolved_at"] = time_or_null(entry.incident.resolved_at);
    item["closed_at"] = time_or_null(entry.incident.closed_at);
    item["summary"] = note_json(entry.summary);
    resolved.push_back(std::move(item));
  }
  const json document = {{"generated_at", format_utc(report.generated_at)},
                         {"open", open},
                         {"recently_resolved", resolved}};
  return document.dump(2, ' ', false, json::error_handler_t::replace);
}

}  // namespace warroom::bot
