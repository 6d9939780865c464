// Which incidents are linked to one incident, in both directions, as that incident sees them
// (its parent, its children, what it duplicates and what duplicates it, related ones), for
// the export JSON, the incident page and the review. Exports LinkedIncident, linked_incidents.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "storage/records.h"

namespace warroom::storage {
class Store;
}

namespace warroom::bot {

struct LinkedIncident {
  // "this incident's <relation> is `incident`": parent, child, duplicate (this one duplicates
  // it), duplicated_by (it duplicates this one), related.
  std::string relation;
  storage::Incident incident;
};

// The parent first, then the children by number, then duplicate and related links in the
// order they were made. Reads only; a link to an incident that no longer exists is left out.
std::vector<LinkedIncident> linked_incidents(storage::Store& store,
                                             const storage::Incident& incident);

// For people: "Parent", "Child", "Duplicate of", "Duplicated by", "Related".
std::string_view relation_label(std::string_view relation);

}  // namespace warroom::bot
