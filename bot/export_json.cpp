// Builds the export JSON from the store: incident fields, roles, links (both directions),
// problem records, follow-up actions, updates and the timeline with each event's hash, plus
// whether the hash chain verifies.
#include "bot/export_json.h"

#include <limits>
#include <nlohmann/json.hpp>

#include "bot/incident_links.h"
#include "storage/store.h"

namespace warroom::bot {
namespace {

using nlohmann::json;

json time_or_null(const std::optional<TimePoint>& at) {
  return at ? json(format_utc(*at)) : json(nullptr);
}

json event_json(const storage::Event& event) {
  json data = json::parse(event.data, nullptr, false);
  if (data.is_discarded()) data = event.data;  // keep what is stored, even if not JSON
  return {{"seq", event.seq},   {"at", format_utc(event.at)}, {"actor", event.actor},
          {"kind", event.kind}, {"text", event.text},         {"data", data},
          {"hash", event.hash}};
}

json actions_json(storage::Store& store, std::int64_t incident) {
  json actions = json::array();
  for (const auto& action : store.actions(incident)) {
    actions.push_back({{"number", action.number},
                       {"text", action.text},
                       {"owner", action.owner.empty() ? json(nullptr) : json(action.owner)},
                       {"due", action.due ? json(*action.due) : json(nullptr)},
                       {"created_at", format_utc(action.created_at)},
                       {"done_at", time_or_null(action.done_at)}});
  }
  return actions;
}

// Both directions: INC-3's export shows INC-7 as its "child" when INC-7's parent is INC-3.
json links_json(storage::Store& store, const storage::Incident& incident) {
  json links = json::array();
  for (const auto& linked : linked_incidents(store, incident)) {
    links.push_back({{"relation", linked.relation}, {"key", linked.incident.key()}});
  }
  return links;
}

json problems_json(storage::Store& store, std::int64_t incident) {
  json problems = json::array();
  for (const auto& problem : store.problems_of(incident)) problems.push_back(problem.key());
  return problems;
}

json incident_json(storage::Store& store, const storage::Incident& incident) {
  json roles = {{"commander", incident.owner}};
  for (const auto& role : store.roles(incident.number)) roles[role.role] = role.user;
  json updates = json::array();
  json timeline = json::array();
  for (const auto& event : store.events(incident.number)) {
    if (event.kind == "update") {
      updates.push_back(
          {{"at", format_utc(event.at)}, {"actor", event.actor}, {"text", event.text}});
    }
    timeline.push_back(event_json(event));
  }
  const auto chain = store.verify_chain(incident.number);
  return {
      {"key", incident.key()},
      {"title", incident.title},
      {"severity", to_string(incident.severity)},
      {"status", to_string(incident.status)},
      {"service", incident.service},
      {"impact", incident.impact},
      {"owner", incident.owner},
      {"roles", roles},
      {"channel", incident.channel},
      {"declared_in", incident.declared_in},
      {"created_at", format_utc(incident.created_at)},
      {"acknowledged_at", time_or_null(incident.acknowledged_at)},
      {"mitigated_at", time_or_null(incident.mitigated_at)},
      {"resolved_at", time_or_null(incident.resolved_at)},
      {"closed_at", time_or_null(incident.closed_at)},
      {"parent", incident.parent ? json("INC-" + std::to_string(*incident.parent)) : json(nullptr)},
      {"links", links_json(store, incident)},
      {"problems", problems_json(store, incident.number)},
      {"actions", actions_json(store, incident.number)},
      {"updates", updates},
      {"chain",
       {{"verified", chain.intact},
        {"events", chain.events},
        {"first_broken_seq",
         chain.first_broken_seq ? json(*chain.first_broken_seq) : json(nullptr)}}},
      {"timeline", timeline},
  };
}

std::string dump(const json& document) {
  return document.dump(2, ' ', false, json::error_handler_t::replace);
}

}  // namespace

std::optional<std::string> export_incident(storage::Store& store, std::int64_t number) {
  const auto incident = store.find_incident(number);
  if (!incident) return std::nullopt;
  return dump(incident_json(store, *incident));
}

std::string export_all(storage::Store& store) {
  auto incidents = store.list_incidents(
      storage::IncidentFilter{.limit = std::numeric_limits<std::int32_t>::max()});
  json all = json::array();
  for (auto incident = incidents.rbegin(); incident != incidents.rend(); ++incident) {
    all.push_back(incident_json(store, *incident));
  }
  return dump(json{{"incidents", all}});
}

}  // namespace warroom::bot
