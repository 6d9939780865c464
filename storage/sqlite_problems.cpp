// SqliteStore, part seven: problem records and the incidents attached to them. Numbers are
// the highest PRB + 1, read in the caller's transaction, so a rolled-back `problem new` burns
// no number.
#include <sqlite3.h>

#include "storage/database.h"
#include "storage/error.h"
#include "storage/sqlite_store.h"
#include "storage/statement.h"

namespace warroom::storage {
namespace {

// Reads id, title, status, workaround, created_at, created_by (every problem query selects
// these, in this order); the incidents are filled in by attached_incidents.
Problem read_problem(const Statement& row) {
  Problem problem{.number = row.column_int(0),
                  .title = row.column_text(1),
                  .workaround = row.column_text(3),
                  .created_at = row.column_time(4),
                  .created_by = row.column_text(5)};
  const std::string status = row.column_text(2);
  const auto parsed = parse_problem_status(status);
  if (!parsed) {
    throw Error(std::string{row.name()} + ": " + problem.key() + " has status \"" + status + "\"");
  }
  problem.status = *parsed;
  return problem;
}

// The incidents attached to `problem`, in the order they were attached.
std::vector<std::int64_t> attached_incidents(Database& db, std::int64_t problem) {
  constexpr std::string_view select_sql =
      "SELECT incident_id FROM problem_incidents WHERE problem_id = ?1 "
      "ORDER BY linked_at, incident_id";
  Statement select(db, "attached_incidents", select_sql);
  select.bind_int(1, problem);
  std::vector<std::int64_t> incidents;
  while (select.step()) incidents.push_back(select.column_int(0));
  return incidents;
}

}  // namespace

Problem SqliteStore::create_problem(const Problem& problem) {
  constexpr std::string_view next_sql = "SELECT COALESCE(MAX(id), 0) + 1 FROM problems";
  constexpr std::string_view insert_sql =
      "INSERT INTO problems (id, title, status, workaround, created_at, created_by) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
  require_transaction("create_problem");
  Problem stored = problem;
  stored.incidents.clear();
  {
    Statement next(db_, "create_problem: next number", next_sql);
    next.step();
    stored.number = next.column_int(0);
  }
  Statement insert(db_, "create_problem: insert", insert_sql);
  insert.bind_int(1, stored.number)
      .bind_text(2, stored.title)
      .bind_text(3, to_string(stored.status))
      .bind_text(4, stored.workaround)
      .bind_time(5, stored.created_at)
      .bind_text(6, stored.created_by);
  insert.run();
  return stored;
}

void SqliteStore::save_problem(const Problem& problem) {
  constexpr std::string_view update_sql =
      "UPDATE problems SET title = ?2, status = ?3, workaround = ?4 WHERE id = ?1";
  require_transaction("save_problem");
  Statement update(db_, "save_problem", update_sql);
  update.bind_int(1, problem.number)
      .bind_text(2, problem.title)
      .bind_text(3, to_string(problem.status))
      .bind_text(4, problem.workaround);
  update.run();
  if (sqlite3_changes(db_.handle()) != 1) {
    throw Error("save_problem: there is no " + problem.key() + " to save");
  }
}

void SqliteStore::attach_problem(std::int64_t problem, std::int64_t incident, TimePoint at) {
  constexpr std::string_view insert_sql =
      "INSERT INTO problem_incidents (problem_id, incident_id, linked_at) VALUES (?1, ?2, ?3)";
  require_transaction("attach_problem");
  Statement insert(db_, "attach_problem", insert_sql);
  insert.bind_int(1, problem).bind_int(2, incident).bind_time(3, at);
  insert.run();
}

std::optional<Problem> SqliteStore::find_problem(std::int64_t number) {
  constexpr std::string_view select_sql =
      "SELECT id, title, status, workaround, created_at, created_by FROM problems WHERE id = ?1";
  std::optional<Problem> problem;
  {
    Statement select(db_, "find_problem", select_sql);
    select.bind_int(1, number);
    if (select.step()) problem = read_problem(select);
  }
  if (problem) problem->incidents = attached_incidents(db_, problem->number);
  return problem;
}

std::vector<Problem> SqliteStore::problems() {
  constexpr std::string_view select_sql =
      "SELECT id, title, status, workaround, created_at, created_by FROM problems ORDER BY id";
  std::vector<Problem> problems;
  {
    Statement select(db_, "problems", select_sql);
    while (select.step()) problems.push_back(read_problem(select));
  }
  for (auto& problem : problems) problem.incidents = attached_incidents(db_, problem.number);
  return problems;
}

std::vector<Problem> SqliteStore::problems_of(std::int64_t incident) {
  constexpr std::string_view select_sql =
      "SELECT p.id, p.title, p.status, p.workaround, p.created_at, p.created_by "
      "FROM problems p JOIN problem_incidents a ON a.problem_id = p.id "
      "WHERE a.incident_id = ?1 ORDER BY a.linked_at, p.id";
  std::vector<Problem> problems;
  {
    Statement select(db_, "problems_of", select_sql);
    select.bind_int(1, incident);
    while (select.step()) problems.push_back(read_problem(select));
  }
  for (auto& problem : problems) problem.incidents = attached_incidents(db_, problem.number);
  return problems;
}

}  // namespace warroom::storage
