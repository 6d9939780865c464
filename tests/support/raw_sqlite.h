// RawSqlite: a plain sqlite3 connection for tests that must go around warroom's storage
// layer (tampering with the timeline, reading pragmas, planting a newer schema version).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

struct sqlite3;

namespace warroom::testing {

class RawSqlite {
 public:
  explicit RawSqlite(const std::filesystem::path& path);
  ~RawSqlite();
  RawSqlite(const RawSqlite&) = delete;
  RawSqlite& operator=(const RawSqlite&) = delete;
  RawSqlite(RawSqlite&&) = delete;
  RawSqlite& operator=(RawSqlite&&) = delete;

  // Runs `sql`; returns SQLite's error message, or "" on success.
  std::string try_execute(std::string_view sql);
  // Runs `sql` and throws std::runtime_error with SQLite's message if it fails.
  void execute(std::string_view sql);
  sqlite3* handle() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

// The first column of the first row of `sql` as text ("" when there is no row).
std::string query_text(sqlite3* db, std::string_view sql);

}  // namespace warroom::testing
