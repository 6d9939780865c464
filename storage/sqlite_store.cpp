// SqliteStore, part one: incidents (create, save, find, list) and the transaction check all
// writes share. Numbers come from max(id)+1 inside the caller's transaction, never a cache.
#include "storage/sqlite_store.h"

#include <sqlite3.h>

#include <algorithm>
#include <limits>

#include "storage/database.h"
#include "storage/error.h"
#include "storage/statement.h"

namespace warroom::storage {
namespace {

// Reads the 17 columns every incident query selects, in the table's order.
Incident read_incident(const Statement& row) {
  Incident incident;
  incident.number = row.column_int(0);
  incident.title = row.column_text(1);
  const std::int64_t severity = row.column_int(2);
  if (severity < 1 || severity > 4) {
    throw Error(std::string{row.name()} + ": " + incident.key() + " has severity " +
                std::to_string(severity));
  }
  incident.severity = static_cast<Severity>(severity);
  const std::string status = row.column_text(3);
  const auto parsed_status = parse_status(status);
  if (!parsed_status) {
    throw Error(std::string{row.name()} + ": " + incident.key() + " has status \"" + status + "\"");
  }
  incident.status = *parsed_status;
  incident.service = row.column_text(4);
  incident.impact = row.column_text(5);
  incident.channel = row.column_text(6);
  incident.declared_in = row.column_text(7);
  incident.owner = row.column_text(8);
  incident.created_at = row.column_time(9);
  incident.acknowledged_at = row.column_optional_time(10);
  incident.mitigated_at = row.column_optional_time(11);
  incident.resolved_at = row.column_optional_time(12);
  incident.closed_at = row.column_optional_time(13);
  incident.parent = row.column_optional_int(14);
  incident.head_seq = row.column_int(15);
  incident.head_hash = row.column_text(16);
  return incident;
}

// Binds ?1 = number and ?2…?15 = the stored fields, as insert and update both number them.
void bind_incident(Statement& statement, const Incident& incident) {
  statement.bind_int(1, incident.number)
      .bind_text(2, incident.title)
      .bind_int(3, static_cast<std::int64_t>(incident.severity))
      .bind_text(4, to_string(incident.status))
      .bind_text(5, incident.service)
      .bind_text(6, incident.impact)
      .bind_text(7, incident.channel)
      .bind_text(8, incident.declared_in)
      .bind_text(9, incident.owner)
      .bind_time(10, incident.created_at)
      .bind_optional_time(11, incident.acknowledged_at)
      .bind_optional_time(12, incident.mitigated_at)
      .bind_optional_time(13, incident.resolved_at)
      .bind_optional_time(14, incident.closed_at)
      .bind_optional_int(15, incident.parent);
}

std::vector<Incident> read_incidents(Statement& statement) {
  std::vector<Incident> incidents;
  while (statement.step()) incidents.push_back(read_incident(statement));
  return incidents;
}

}  // namespace

void SqliteStore::require_transaction(std::string_view what) const {
  db_.check_transaction_alive(what);
  if (!db_.in_transaction()) {
    throw Error(std::string{what} + ": must run inside a transaction its caller owns");
  }
}

Incident SqliteStore::create_incident(const Incident& incident) {
  constexpr std::string_view next_number_sql = "SELECT COALESCE(MAX(id), 0) + 1 FROM incidents";
  constexpr std::string_view insert_sql =
      "INSERT INTO incidents (id, title, severity, status, service, impact, channel, "
      "declared_in, owner, created_at, acknowledged_at, mitigated_at, resolved_at, closed_at, "
      "parent_id, head_seq, head_hash) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, 0, '')";
  require_transaction("create_incident");
  Incident created = incident;
  {
    Statement next(db_, "create_incident: next number", next_number_sql);
    next.step();
    created.number = next.column_int(0);
  }
  created.head_seq = 0;
  created.head_hash.clear();
  Statement insert(db_, "create_incident: insert", insert_sql);
  bind_incident(insert, created);
  insert.run();
  return created;
}

void SqliteStore::save_incident(const Incident& incident) {
  // ?10 (created_at) is bound but unused: the declaration time never changes.
  constexpr std::string_view update_sql =
      "UPDATE incidents SET title = ?2, severity = ?3, status = ?4, service = ?5, impact = ?6, "
      "channel = ?7, declared_in = ?8, owner = ?9, acknowledged_at = ?11, mitigated_at = ?12, "
      "resolved_at = ?13, closed_at = ?14, parent_id = ?15 WHERE id = ?1";
  require_transaction("save_incident");
  Statement update(db_, "save_incident", update_sql);
  bind_incident(update, incident);
  update.run();
  if (sqlite3_changes(db_.handle()) != 1) {
    throw Error("save_incident: there is no " + incident.key() + " to save");
  }
}

std::optional<Incident> SqliteStore::find_incident(std::int64_t number) {
  constexpr std::string_view select_sql =
      "SELECT id, title, severity, status, service, impact, channel, declared_in, owner, "
      "created_at, acknowledged_at, mitigated_at, resolved_at, closed_at, parent_id, head_seq, "
      "head_hash FROM incidents WHERE id = ?1";
  Statement select(db_, "find_incident", select_sql);
  select.bind_int(1, number);
  if (!select.step()) return std::nullopt;
  return read_incident(select);
}

std::optional<Incident> SqliteStore::find_incident_in_channel(const std::string& channel) {
  constexpr std::string_view select_sql =
      "SELECT id, title, severity, status, service, impact, channel, declared_in, owner, "
      "created_at, acknowledged_at, mitigated_at, resolved_at, closed_at, parent_id, head_seq, "
      "head_hash FROM incidents WHERE channel = ?1 AND status <> 'closed' "
      "ORDER BY id DESC LIMIT 1";
  if (channel.empty()) return std::nullopt;  // "no channel yet" binds nothing
  Statement select(db_, "find_incident_in_channel", select_sql);
  select.bind_text(1, channel);
  if (!select.step()) return std::nullopt;
  return read_incident(select);
}

std::vector<Incident> SqliteStore::list_incidents(const IncidentFilter& filter) {
  constexpr std::string_view select_sql =
      "SELECT id, title, severity, status, service, impact, channel, declared_in, owner, "
      "created_at, acknowledged_at, mitigated_at, resolved_at, closed_at, parent_id, head_seq, "
      "head_hash FROM incidents "
      "WHERE (?1 = 0 OR status IN ('investigating', 'identified', 'monitoring')) "
      "AND (?2 = 1 OR status <> 'closed') ORDER BY id DESC LIMIT ?3";
  constexpr auto max_limit = static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max());
  Statement select(db_, "list_incidents", select_sql);
  select.bind_int(1, filter.open_only ? 1 : 0)
      .bind_int(2, filter.include_closed ? 1 : 0)
      .bind_int(3, static_cast<std::int64_t>(std::min(filter.limit, max_limit)));
  return read_incidents(select);
}

std::vector<Incident> SqliteStore::incidents_declared_since(TimePoint since) {
  // Times are stored as sortable text, so the comparison is a text comparison.
  constexpr std::string_view select_sql =
      "SELECT id, title, severity, status, service, impact, channel, declared_in, owner, "
      "created_at, acknowledged_at, mitigated_at, resolved_at, closed_at, parent_id, head_seq, "
      "head_hash FROM incidents WHERE created_at >= ?1 ORDER BY id";
  Statement select(db_, "incidents_declared_since", select_sql);
  select.bind_time(1, since);
  return read_incidents(select);
}

}  // namespace warroom::storage
