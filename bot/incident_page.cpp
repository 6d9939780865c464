// Renders one incident's HTML page from the store.
#include "bot/incident_page.h"

#include <fmt/format.h>

#include "bot/html.h"
#include "bot/incident_links.h"
#include "bot/status_page.h"
#include "bot/status_report.h"
#include "commands/format.h"
#include "storage/store.h"

namespace warroom::bot {
namespace {

// What changed, from the event's data: "SEV2 → SEV1", "comms: @bob (was @al)".
std::string change_summary(const storage::Event& event) {
  const std::string from = storage::value_of(event.fields, "from");
  const std::string to = storage::value_of(event.fields, "to");
  if (event.kind == "assign") {
    std::string text = storage::value_of(event.fields, "role") + ": @" + to;
    return from.empty() ? text : text + " (was @" + from + ")";
  }
  if (event.kind == "handover") return "owner @" + from + " → @" + to;
  if ((event.kind == "sev" || event.kind == "status") && !from.empty()) return from + " → " + to;
  return {};
}

std::string timeline_html(const std::vector<storage::Event>& events, TimePoint declared_at) {
  std::string items;
  for (const auto& event : events) {
    const std::string summary = change_summary(event);
    items += fmt::format(
        "<li>{} <small>T+{}</small> <b>@{}</b> <span class=\"badge\">{}</span>{}{}</li>\n",
        time_html(event.at), commands::format_duration(event.at - declared_at),
        escape_html(event.actor), escape_html(event.kind),
        summary.empty() ? std::string() : " " + escape_html(summary),
        event.text.empty() ? std::string()
                           : "<p class=\"text\">" + escape_html(event.text) + "</p>");
  }
  return "<ol class=\"timeline\">\n" + items + "</ol>\n";
}

std::string optional_row(std::string_view label, const std::optional<TimePoint>& at) {
  return at ? fmt::format("<dt>{}</dt><dd>{}</dd>\n", label, time_html(*at)) : std::string();
}

std::string facts_html(const storage::Incident& incident, TimePoint now) {
  std::string rows = fmt::format("<dt>Owner</dt><dd>@{}</dd>\n", escape_html(incident.owner));
  if (!incident.service.empty()) {
    rows += fmt::format("<dt>Service</dt><dd>{}</dd>\n", escape_html(incident.service));
  }
  if (!incident.impact.empty()) {
    rows +=
        fmt::format("<dt>Impact</dt><dd class=\"text\">{}</dd>\n", escape_html(incident.impact));
  }
  rows += fmt::format("<dt>Declared</dt><dd>{} ({} ago)</dd>\n", time_html(incident.created_at),
                      commands::format_duration(now - incident.created_at));
  rows += optional_row("Acknowledged", incident.acknowledged_at);
  rows += optional_row("Mitigated", incident.mitigated_at);
  rows += optional_row("Resolved", incident.resolved_at);
  rows += optional_row("Closed", incident.closed_at);
  return "<dl>\n" + rows + "</dl>\n";
}

std::string people_html(storage::Store& store, const storage::Incident& incident) {
  std::string items = fmt::format("<li>commander (owner): @{}</li>\n", escape_html(incident.owner));
  for (const auto& role : store.roles(incident.number)) {
    items += fmt::format("<li>{}: @{} <small>since {}</small></li>\n", escape_html(role.role),
                         escape_html(role.user), time_html(role.assigned_at));
  }
  return "<h2>People</h2>\n<ul>\n" + items + "</ul>\n";
}

// Parent, children, duplicates and related incidents, then problem records; nothing when
// the incident has none of them.
std::string links_html(storage::Store& store, const storage::Incident& incident,
                       std::string_view query) {
  std::string html;
  std::string items;
  for (const auto& linked : linked_incidents(store, incident)) {
    const auto& other = linked.incident;
    items += fmt::format(
        "<li>{}: <a href=\"/incidents/{}{}\">{}</a> {} <span class=\"badge\">{}</span>"
        "<span class=\"badge\">{}</span></li>\n",
        relation_label(linked.relation), other.key(), query, other.key(), escape_html(other.title),
        to_string(other.severity), to_string(other.status));
  }
  if (!items.empty()) html += "<h2>Linked incidents</h2>\n<ul>\n" + items + "</ul>\n";
  items.clear();
  for (const auto& problem : store.problems_of(incident.number)) {
    items += fmt::format(
        "<li><a href=\"/problems.json{}\">{}</a> {} <span class=\"badge\">{}</span>{}</li>\n",
        query, problem.key(), escape_html(problem.title), to_string(problem.status),
        problem.workaround.empty()
            ? std::string()
            : "<p class=\"text\">Workaround: " + escape_html(problem.workaround) + "</p>");
  }
  if (!items.empty()) html += "<h2>Problem records</h2>\n<ul>\n" + items + "</ul>\n";
  return html;
}

std::string update_html(const std::optional<StatusNote>& update,
                        const std::optional<TimePoint>& due, TimePoint now) {
  std::string html = "<h2>Latest update</h2>\n";
  if (!update) html += "<p class=\"muted\">No update posted yet.</p>\n";
  if (update) {
    html += fmt::format("<p class=\"text\">{}</p>\n<p><small>{} ago by @{}, {}</small></p>\n",
                        escape_html(update->text), commands::format_duration(now - update->at),
                        escape_html(update->actor), time_html(update->at));
  }
  if (due && *due < now) {
    html += fmt::format("<p class=\"overdue\">Next update overdue by {}: was due {}.</p>\n",
                        commands::format_duration(now - *due), time_html(*due));
  } else if (due) {
    html += fmt::format("<p>Next update due {} (in {}).</p>\n", time_html(*due),
                        commands::format_duration(*due - now));
  }
  return html;
}

}  // namespace

std::optional<std::string> render_incident_html(storage::Store& store, std::int64_t number,
                                                const commands::Config& config, TimePoint now,
                                                std::string_view link_query) {
  const auto incident = store.find_incident(number);
  if (!incident) return std::nullopt;
  const std::string key = incident->key();
  const auto update = latest_event(store, *incident, storage::EventKind::update);
  const auto events = store.events(number);
  const auto chain = store.verify_chain(number);
  std::string body = fmt::format(
      "<header><p><a href=\"/status{1}\">All incidents</a> · <a href=\"/incidents/{0}/"
      "review.html{1}\">Post-incident review</a> · <a href=\"/incidents/{0}.json{1}\">JSON</a>"
      "</p>\n<h1>{0}: {2}</h1>\n<p><span class=\"badge\">{3}</span><span class=\"badge\">{4}"
      "</span></p></header>\n<main class=\"incident sev{5}\">\n",
      key, link_query, escape_html(incident->title), to_string(incident->severity),
      to_string(incident->status), static_cast<int>(incident->severity));
  body += facts_html(*incident, now);
  body += people_html(store, *incident);
  body += links_html(store, *incident, link_query);
  body += update_html(update, next_update_due(*incident, update, config), now);
  body += fmt::format(
      "<h2>Timeline ({} events)</h2>\n<p class=\"{}\">{}</p>\n", events.size(),
      chain.intact ? "muted" : "overdue",
      chain.intact ? "The timeline's hash chain verifies."
                   : fmt::format("The timeline's hash chain is broken at event {}: {}.",
                                 chain.first_broken_seq.value_or(0), escape_html(chain.problem)));
  body += timeline_html(events, incident->created_at) + "</main>\n";
  const int refresh = storage::is_open(incident->status) ? status_refresh_seconds : 0;
  return html_document(key + ": " + incident->title, body, refresh);
}

}  // namespace warroom::bot
