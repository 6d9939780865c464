// Statement: one prepared SQLite statement (RAII), taken from and given back to its
// Database's cache. Binds by 1-based index, steps, and reads columns; failures throw Error.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "storage/time.h"

struct sqlite3_stmt;

namespace warroom::storage {

class Database;

class Statement {
 public:
  // Prepares `sql` (one statement; bound parameters only). `name` appears in every error.
  // The Statement must not outlive `db`.
  Statement(Database& db, std::string_view name, std::string_view sql);
  // Resets the statement and returns it to the cache.
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&&) = delete;
  Statement& operator=(Statement&&) = delete;

  Statement& bind_int(int index, std::int64_t value);
  Statement& bind_text(int index, std::string_view value);  // an empty view binds '' (not NULL)
  Statement& bind_null(int index);
  Statement& bind_optional_int(int index, std::optional<std::int64_t> value);
  Statement& bind_optional_text(int index, const std::optional<std::string>& value);
  Statement& bind_time(int index, TimePoint value);  // as format_utc text
  Statement& bind_optional_time(int index, std::optional<TimePoint> value);

  // True when a row is ready to read, false when the statement has finished. Throws Error,
  // with `rolled_back` set if SQLite gave up the whole enclosing transaction.
  bool step();
  // Steps a statement that returns no rows to completion.
  void run();
  // Rewinds for another execution with new bindings (clears the old ones).
  void reset();

  // Columns are 0-based. Text getters return "" for NULL; the optional ones return nullopt.
  std::int64_t column_int(int index) const;
  std::optional<std::int64_t> column_optional_int(int index) const;
  std::string column_text(int index) const;
  std::optional<std::string> column_optional_text(int index) const;
  // Throws Error when the stored text is not in format_utc's form (a corrupt row).
  TimePoint column_time(int index) const;
  std::optional<TimePoint> column_optional_time(int index) const;

  std::string_view name() const { return name_; }

 private:
  void check_bind(int code);
  bool column_is_null(int index) const;

  Database& db_;
  std::string name_;
  std::string sql_;
  sqlite3_stmt* statement_ = nullptr;
};

}  // namespace warroom::storage
