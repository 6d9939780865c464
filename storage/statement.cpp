// Binding, stepping and column access for one prepared statement. Every error names the
// statement and goes through throw_sqlite_error, which detects a lost transaction.
#include "storage/statement.h"

#include <sqlite3.h>

#include "storage/database.h"
#include "storage/error.h"

namespace warroom::storage {

Statement::Statement(Database& db, std::string_view name, std::string_view sql)
    : db_(db), name_(name), sql_(sql), statement_(db.take_statement(sql, name)) {}

Statement::~Statement() {
  db_.give_back_statement(sql_, statement_);
}

void Statement::check_bind(int code) {
  if (code != SQLITE_OK) throw_sqlite_error(db_.handle(), code, name_, false);
}

Statement& Statement::bind_int(int index, std::int64_t value) {
  check_bind(sqlite3_bind_int64(statement_, index, value));
  return *this;
}

Statement& Statement::bind_text(int index, std::string_view value) {
  // A null data pointer would bind SQL NULL; an empty text must stay ''.
  const char* data = value.data() != nullptr ? value.data() : "";
  check_bind(
      sqlite3_bind_text64(statement_, index, data, value.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
  return *this;
}

Statement& Statement::bind_null(int index) {
  check_bind(sqlite3_bind_null(statement_, index));
  return *this;
}

Statement& Statement::bind_optional_int(int index, std::optional<std::int64_t> value) {
  return value ? bind_int(index, *value) : bind_null(index);
}

Statement& Statement::bind_optional_text(int index, const std::optional<std::string>& value) {
  return value ? bind_text(index, *value) : bind_null(index);
}

Statement& Statement::bind_time(int index, TimePoint value) {
  return bind_text(index, format_utc(value));
}

Statement& Statement::bind_optional_time(int index, std::optional<TimePoint> value) {
  return value ? bind_time(index, *value) : bind_null(index);
}

bool Statement::step() {
  db_.check_transaction_alive(name_);
  const bool was_in_transaction = db_.in_transaction();
  const int code = sqlite3_step(statement_);
  if (code == SQLITE_ROW) return true;
  if (code == SQLITE_DONE) return false;
  throw_sqlite_error(db_.handle(), code, name_, was_in_transaction);
}

void Statement::run() {
  while (step()) {
  }
}

void Statement::reset() {
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
}

bool Statement::column_is_null(int index) const {
  return sqlite3_column_type(statement_, index) == SQLITE_NULL;
}

std::int64_t Statement::column_int(int index) const {
  return sqlite3_column_int64(statement_, index);
}

std::optional<std::int64_t> Statement::column_optional_int(int index) const {
  if (column_is_null(index)) return std::nullopt;
  return column_int(index);
}

std::string Statement::column_text(int index) const {
  const auto* text = sqlite3_column_text(statement_, index);
  if (text == nullptr) return {};
  const auto size = static_cast<std::size_t>(sqlite3_column_bytes(statement_, index));
  return {reinterpret_cast<const char*>(text), size};
}

std::optional<std::string> Statement::column_optional_text(int index) const {
  if (column_is_null(index)) return std::nullopt;
  return column_text(index);
}

TimePoint Statement::column_time(int index) const {
  const std::string text = column_text(index);
  const auto parsed = parse_utc(text);
  if (!parsed) {
    throw Error(name_ + ": column " + std::to_string(index) + " holds \"" + text +
                "\", not a time in the form YYYY-MM-DDTHH:MM:SS.mmmZ");
  }
  return *parsed;
}

std::optional<TimePoint> Statement::column_optional_time(int index) const {
  if (column_is_null(index)) return std::nullopt;
  return column_time(index);
}

}  // namespace warroom::storage
