// SqliteStore, part four: delivery bookkeeping for the outbox worker (outcomes, retry times,
// methods paused by a 429), channel binding, and the platform delivery ids seen before.
#include "storage/database.h"
#include "storage/error.h"
#include "storage/outbox_heads.h"
#include "storage/sqlite_store.h"
#include "storage/statement.h"

namespace warroom::storage {
namespace {

// Runs an UPDATE … RETURNING id and throws when no row matched (the caller named a row it
// read itself, so a miss is a broken invariant).
void update_one(Statement& update, const std::string& what) {
  if (!update.step()) throw Error(std::string{update.name()} + ": there is no " + what);
  update.run();
}

}  // namespace

void SqliteStore::bind_channel(std::int64_t incident, const std::string& channel) {
  constexpr std::string_view update_sql =
      "UPDATE incidents SET channel = ?2 WHERE id = ?1 RETURNING id";
  require_transaction("bind_channel");
  Statement update(db_, "bind_channel", update_sql);
  update.bind_int(1, incident).bind_text(2, channel);
  update_one(update, "INC-" + std::to_string(incident));
}

bool SqliteStore::remember_delivery(const std::string& id, TimePoint at) {
  constexpr std::string_view insert_sql =
      "INSERT INTO deliveries (id, received_at) VALUES (?1, ?2) "
      "ON CONFLICT (id) DO NOTHING RETURNING id";
  require_transaction("remember_delivery");
  Statement insert(db_, "remember_delivery", insert_sql);
  insert.bind_text(1, id).bind_time(2, at);
  const bool first_time = insert.step();
  if (first_time) insert.run();
  return first_time;
}

std::optional<TimePoint> SqliteStore::next_attempt_at() {
  // The heads due_messages considers: a message behind another in its destination cannot go
  // before it, so its own time says nothing about when to wake up.
  constexpr std::string_view select_sql =
      OUTBOX_HEADS_WITH "SELECT MIN(COALESCE(next_attempt_at, created_at)) " OUTBOX_HEADS_FROM;
  Statement select(db_, "next_attempt_at", select_sql);
  return select.step() ? select.column_optional_time(0) : std::nullopt;
}

std::int64_t SqliteStore::pending_count() {
  constexpr std::string_view select_sql = "SELECT COUNT(*) FROM outbox WHERE state = 'pending'";
  Statement select(db_, "pending_count", select_sql);
  return select.step() ? select.column_int(0) : 0;
}

std::int64_t SqliteStore::failed_count() {
  constexpr std::string_view select_sql = "SELECT COUNT(*) FROM outbox WHERE state = 'failed'";
  Statement select(db_, "failed_count", select_sql);
  return select.step() ? select.column_int(0) : 0;
}

void SqliteStore::mark_sent(std::int64_t id, TimePoint at) {
  constexpr std::string_view update_sql =
      "UPDATE outbox SET state = 'sent', sent_at = ?2, attempts = attempts + 1, "
      "next_attempt_at = NULL, last_error = '' WHERE id = ?1 RETURNING id";
  require_transaction("mark_sent");
  Statement update(db_, "mark_sent", update_sql);
  update.bind_int(1, id).bind_time(2, at);
  update_one(update, "outbox message " + std::to_string(id));
}

void SqliteStore::schedule_retry(std::int64_t id, TimePoint next_attempt_at,
                                 const std::string& error) {
  constexpr std::string_view update_sql =
      "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?2, last_error = ?3 "
      "WHERE id = ?1 RETURNING id";
  require_transaction("schedule_retry");
  Statement update(db_, "schedule_retry", update_sql);
  update.bind_int(1, id).bind_time(2, next_attempt_at).bind_text(3, error);
  update_one(update, "outbox message " + std::to_string(id));
}

std::int64_t SqliteStore::fail_pending(const std::string& destination, const std::string& error) {
  constexpr std::string_view update_sql =
      "UPDATE outbox SET state = 'failed', next_attempt_at = NULL, last_error = ?2 "
      "WHERE destination = ?1 AND state = 'pending' RETURNING id";
  require_transaction("fail_pending");
  Statement update(db_, "fail_pending", update_sql);
  update.bind_text(1, destination).bind_text(2, error);
  std::int64_t failed = 0;
  while (update.step()) ++failed;
  return failed;
}

void SqliteStore::mark_failed(std::int64_t id, const std::string& error) {
  constexpr std::string_view update_sql =
      "UPDATE outbox SET state = 'failed', attempts = attempts + 1, next_attempt_at = NULL, "
      "last_error = ?2 WHERE id = ?1 RETURNING id";
  require_transaction("mark_failed");
  Statement update(db_, "mark_failed", update_sql);
  update.bind_int(1, id).bind_text(2, error);
  update_one(update, "outbox message " + std::to_string(id));
}

void SqliteStore::pause_method(const std::string& method, TimePoint until) {
  constexpr std::string_view upsert_sql =
      "INSERT INTO paused_methods (method, until) VALUES (?1, ?2) "
      "ON CONFLICT (method) DO UPDATE SET until = excluded.until";
  require_transaction("pause_method");
  Statement upsert(db_, "pause_method", upsert_sql);
  upsert.bind_text(1, method).bind_time(2, until);
  upsert.run();
}

std::optional<TimePoint> SqliteStore::method_paused_until(const std::string& method) {
  constexpr std::string_view select_sql = "SELECT until FROM paused_methods WHERE method = ?1";
  Statement select(db_, "method_paused_until", select_sql);
  select.bind_text(1, method);
  return select.step() ? select.column_optional_time(0) : std::nullopt;
}

}  // namespace warroom::storage
