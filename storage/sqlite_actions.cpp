// SqliteStore, part five: follow-up actions. Numbers are per incident (highest + 1, read in the
// caller's transaction, so a rolled-back action burns no number); done is set once.
#include <sqlite3.h>

#include "storage/database.h"
#include "storage/error.h"
#include "storage/sqlite_store.h"
#include "storage/statement.h"

namespace warroom::storage {

Action SqliteStore::add_action(std::int64_t incident, const Action& action) {
  constexpr std::string_view next_sql =
      "SELECT COALESCE(MAX(number), 0) + 1 FROM actions WHERE incident_id = ?1";
  constexpr std::string_view insert_sql =
      "INSERT INTO actions (incident_id, number, text, owner, due, created_at, done_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
  require_transaction("add_action");
  Action stored = action;
  {
    Statement next(db_, "add_action: next number", next_sql);
    next.bind_int(1, incident);
    stored.number = next.step() ? next.column_int(0) : 1;
  }
  Statement insert(db_, "add_action: insert", insert_sql);
  insert.bind_int(1, incident)
      .bind_int(2, stored.number)
      .bind_text(3, stored.text)
      .bind_text(4, stored.owner)
      .bind_optional_text(5, stored.due)
      .bind_time(6, stored.created_at)
      .bind_optional_time(7, stored.done_at);
  insert.run();
  return stored;
}

void SqliteStore::complete_action(std::int64_t incident, std::int64_t number, TimePoint at) {
  constexpr std::string_view update_sql =
      "UPDATE actions SET done_at = ?3 WHERE incident_id = ?1 AND number = ?2 AND done_at IS NULL";
  require_transaction("complete_action");
  Statement update(db_, "complete_action", update_sql);
  update.bind_int(1, incident).bind_int(2, number).bind_time(3, at);
  update.run();
  if (sqlite3_changes(db_.handle()) != 1) {
    throw Error("complete_action: INC-" + std::to_string(incident) + " has no open action #" +
                std::to_string(number));
  }
}

std::vector<Action> SqliteStore::actions(std::int64_t incident) {
  constexpr std::string_view select_sql =
      "SELECT number, text, owner, due, created_at, done_at FROM actions WHERE incident_id = ?1 "
      "ORDER BY number";
  Statement select(db_, "actions", select_sql);
  select.bind_int(1, incident);
  std::vector<Action> actions;
  while (select.step()) {
    actions.push_back(Action{.number = select.column_int(0),
                             .text = select.column_text(1),
                             .owner = select.column_text(2),
                             .due = select.column_optional_text(3),
                             .created_at = select.column_time(4),
                             .done_at = select.column_optional_time(5)});
  }
  return actions;
}

}  // namespace warroom::storage
