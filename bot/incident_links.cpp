// Reads an incident's links from both sides and names each from this incident's side.
#include "bot/incident_links.h"

#include "storage/store.h"

namespace warroom::bot {

std::vector<LinkedIncident> linked_incidents(storage::Store& store,
                                             const storage::Incident& incident) {
  std::vector<LinkedIncident> linked;
  if (incident.parent) {
    if (auto parent = store.find_incident(*incident.parent)) {
      linked.push_back(LinkedIncident{.relation = "parent", .incident = std::move(*parent)});
    }
  }
  for (auto& child : store.child_incidents(incident.number)) {
    linked.push_back(LinkedIncident{.relation = "child", .incident = std::move(child)});
  }
  for (const auto& link : store.links(incident.number)) {
    const bool from_here = link.incident == incident.number;
    std::string relation(to_string(link.relation));
    if (link.relation == storage::Relation::duplicate && !from_here) relation = "duplicated_by";
    if (auto other = store.find_incident(from_here ? link.other : link.incident)) {
      linked.push_back(LinkedIncident{.relation = relation, .incident = std::move(*other)});
    }
  }
  return linked;
}

std::string_view relation_label(std::string_view relation) {
  if (relation == "parent") return "Parent";
  if (relation == "child") return "Child";
  if (relation == "duplicate") return "Duplicate of";
  if (relation == "duplicated_by") return "Duplicated by";
  return "Related";
}

}  // namespace warroom::bot
