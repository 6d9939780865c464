// SqliteStore, part six: links between incidents. Duplicate and related links are rows of
// `links`; parent and child are incidents.parent_id, so children are read from there.
#include "storage/database.h"
#include "storage/error.h"
#include "storage/sqlite_store.h"
#include "storage/statement.h"

namespace warroom::storage {

void SqliteStore::add_link(const Link& link) {
  constexpr std::string_view insert_sql =
      "INSERT INTO links (incident_id, other_id, relation, created_at) VALUES (?1, ?2, ?3, ?4)";
  require_transaction("add_link");
  if (link.relation != Relation::duplicate && link.relation != Relation::related) {
    throw Error("add_link: " + std::string(to_string(link.relation)) +
                " is the incident's parent, not a link row");
  }
  Statement insert(db_, "add_link", insert_sql);
  insert.bind_int(1, link.incident)
      .bind_int(2, link.other)
      .bind_text(3, to_string(link.relation))
      .bind_time(4, link.created_at);
  insert.run();
}

std::vector<Link> SqliteStore::links(std::int64_t incident) {
  constexpr std::string_view select_sql =
      "SELECT incident_id, other_id, relation, created_at FROM links "
      "WHERE incident_id = ?1 OR other_id = ?1 ORDER BY created_at, rowid";
  Statement select(db_, "links", select_sql);
  select.bind_int(1, incident);
  std::vector<Link> links;
  while (select.step()) {
    const std::string relation = select.column_text(2);
    const auto parsed = parse_relation(relation);
    if (!parsed) {
      throw Error("links: INC-" + std::to_string(incident) + " has a link \"" + relation + "\"");
    }
    links.push_back(Link{.incident = select.column_int(0),
                         .other = select.column_int(1),
                         .relation = *parsed,
                         .created_at = select.column_time(3)});
  }
  return links;
}

std::vector<Incident> SqliteStore::child_incidents(std::int64_t incident) {
  constexpr std::string_view select_sql =
      "SELECT id FROM incidents WHERE parent_id = ?1 ORDER BY id";
  std::vector<std::int64_t> numbers;
  {
    Statement select(db_, "child_incidents", select_sql);
    select.bind_int(1, incident);
    while (select.step()) numbers.push_back(select.column_int(0));
  }
  std::vector<Incident> children;
  for (const std::int64_t number : numbers) {
    if (auto child = find_incident(number)) children.push_back(std::move(*child));
  }
  return children;
}

}  // namespace warroom::storage
