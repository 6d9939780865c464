// A bare sqlite3 connection and a one-value query helper, for tests only.
#include "tests/support/raw_sqlite.h"

#include <sqlite3.h>

#include <stdexcept>

namespace warroom::testing {

RawSqlite::RawSqlite(const std::filesystem::path& path) {
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    const std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close_v2(db_);
    throw std::runtime_error("open " + path.string() + ": " + message);
  }
  sqlite3_busy_timeout(db_, 10000);
}

RawSqlite::~RawSqlite() {
  sqlite3_close_v2(db_);
}

std::string RawSqlite::try_execute(std::string_view sql) {
  const std::string text{sql};
  char* error = nullptr;
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error) == SQLITE_OK) return {};
  std::string message = error != nullptr ? error : "unknown error";
  sqlite3_free(error);
  return message;
}

void RawSqlite::execute(std::string_view sql) {
  const std::string message = try_execute(sql);
  if (!message.empty()) throw std::runtime_error(std::string{sql} + ": " + message);
}

std::string query_text(sqlite3* db, std::string_view sql) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &statement, nullptr) !=
      SQLITE_OK) {
    throw std::runtime_error(std::string{sql} + ": " + sqlite3_errmsg(db));
  }
  std::string value;
  if (sqlite3_step(statement) == SQLITE_ROW && sqlite3_column_text(statement, 0) != nullptr) {
    value = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
  }
  sqlite3_finalize(statement);
  return value;
}

}  // namespace warroom::testing
