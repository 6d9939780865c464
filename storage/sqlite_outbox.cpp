// SqliteStore, part three: roles and the outbox (writing rows, reading them, and which are
// due). Outbox rows are written in the caller's transaction, so a chat call exists exactly
// when the change that caused it was committed.
#include <nlohmann/json.hpp>

#include "storage/database.h"
#include "storage/error.h"
#include "storage/outbox_heads.h"
#include "storage/sqlite_store.h"
#include "storage/statement.h"

namespace warroom::storage {
namespace {

using Fields = std::map<std::string, std::string>;

std::string to_json_text(const Fields& fields) {
  nlohmann::json object = nlohmann::json::object();
  for (const auto& [key, value] : fields) object[key] = value;
  return object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Only a JSON object of strings is a valid fields column; anything else is a corrupt row.
Fields parse_fields(const std::string& text, std::int64_t id) {
  const auto object = nlohmann::json::parse(text, nullptr, false);
  const auto corrupt = [&] {
    return Error("outbox message " + std::to_string(id) + " has corrupt fields: " + text);
  };
  if (!object.is_object()) throw corrupt();
  Fields fields;
  for (const auto& [key, value] : object.items()) {
    if (!value.is_string()) throw corrupt();
    fields.emplace(key, value.get<std::string>());
  }
  return fields;
}

OutboxMessage read_message(const Statement& row) {
  OutboxMessage message;
  message.id = row.column_int(0);
  message.incident = row.column_optional_int(1);
  message.created_at = row.column_time(2);
  message.destination = row.column_text(3);
  message.method = row.column_text(4);
  message.template_name = row.column_text(5);
  message.text = row.column_text(6);
  message.fields = parse_fields(row.column_text(7), message.id);
  message.state = row.column_text(8);
  message.attempts = row.column_int(9);
  message.next_attempt_at = row.column_optional_time(10);
  message.last_error = row.column_text(11);
  return message;
}

}  // namespace

std::vector<Role> SqliteStore::roles(std::int64_t incident) {
  constexpr std::string_view select_sql =
      "SELECT role, user, assigned_at FROM roles WHERE incident_id = ?1 ORDER BY role";
  Statement select(db_, "roles", select_sql);
  select.bind_int(1, incident);
  std::vector<Role> roles;
  while (select.step()) {
    roles.push_back(Role{.role = select.column_text(0),
                         .user = select.column_text(1),
                         .assigned_at = select.column_time(2)});
  }
  return roles;
}

void SqliteStore::set_role(std::int64_t incident, const Role& role) {
  constexpr std::string_view upsert_sql =
      "INSERT INTO roles (incident_id, role, user, assigned_at) VALUES (?1, ?2, ?3, ?4) "
      "ON CONFLICT (incident_id, role) DO UPDATE SET user = excluded.user, "
      "assigned_at = excluded.assigned_at";
  require_transaction("set_role");
  Statement upsert(db_, "set_role", upsert_sql);
  upsert.bind_int(1, incident)
      .bind_text(2, role.role)
      .bind_text(3, role.user)
      .bind_time(4, role.assigned_at);
  upsert.run();
}

std::int64_t SqliteStore::enqueue(const OutboxMessage& message) {
  constexpr std::string_view insert_sql =
      "INSERT INTO outbox (incident_id, created_at, destination, method, template, text, fields, "
      "state, attempts, next_attempt_at, last_error) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) RETURNING id";
  require_transaction("enqueue");
  Statement insert(db_, "enqueue", insert_sql);
  insert.bind_optional_int(1, message.incident)
      .bind_time(2, message.created_at)
      .bind_text(3, message.destination)
      .bind_text(4, message.method)
      .bind_text(5, message.template_name)
      .bind_text(6, message.text)
      .bind_text(7, to_json_text(message.fields))
      .bind_text(8, message.state)
      .bind_int(9, message.attempts)
      .bind_optional_time(10, message.next_attempt_at)
      .bind_text(11, message.last_error);
  if (!insert.step()) throw Error("enqueue: the insert returned no id");
  const std::int64_t id = insert.column_int(0);
  insert.run();  // step to the end so the statement is not left active
  enqueued_ids_.push_back(id);
  return id;
}

std::vector<OutboxMessage> SqliteStore::outbox_after(std::int64_t after_id) {
  constexpr std::string_view select_sql =
      "SELECT id, incident_id, created_at, destination, method, template, text, fields, state, "
      "attempts, next_attempt_at, last_error FROM outbox WHERE id > ?1 ORDER BY id";
  Statement select(db_, "outbox_after", select_sql);
  select.bind_int(1, after_id);
  std::vector<OutboxMessage> messages;
  while (select.step()) messages.push_back(read_message(select));
  return messages;
}

std::vector<OutboxMessage> SqliteStore::due_messages(TimePoint now, std::size_t limit,
                                                     const std::string& destination_prefix) {
  // Only the oldest pending message of each destination may go (storage/outbox_heads.h).
  constexpr std::string_view select_sql = OUTBOX_HEADS_WITH
      "SELECT id, incident_id, created_at, destination, method, template, text, fields, state, "
      "attempts, next_attempt_at, last_error " OUTBOX_HEADS_FROM
      "WHERE (next_attempt_at IS NULL OR next_attempt_at <= ?1) "
      "AND substr(destination, 1, length(?3)) = ?3 ORDER BY id LIMIT ?2";
  Statement select(db_, "due_messages", select_sql);
  select.bind_time(1, now).bind_int(2, static_cast<std::int64_t>(limit));
  select.bind_text(3, destination_prefix);
  std::vector<OutboxMessage> messages;
  while (select.step()) messages.push_back(read_message(select));
  return messages;
}

std::int64_t SqliteStore::last_outbox_id() {
  constexpr std::string_view select_sql = "SELECT COALESCE(MAX(id), 0) FROM outbox";
  Statement select(db_, "last_outbox_id", select_sql);
  return select.step() ? select.column_int(0) : 0;
}

}  // namespace warroom::storage
