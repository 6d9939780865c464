// Database: the RAII owner of one SQLite connection, configured as DESIGN section 6 requires
// (busy_timeout first, WAL, synchronous=FULL, foreign_keys=ON), with its statement cache.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace warroom::storage {

// One connection is used by one thread at a time (the statement cache is not locked);
// other threads and processes open their own.
class Database {
 public:
  // Opens or creates the file at `path`. Throws Error if it cannot be opened or configured
  // (e.g. WAL is refused). Does not migrate: call migrate() (migrations.h).
  explicit Database(std::string path);
  // Finalizes the cached statements, then closes the connection.
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  Database(Database&&) = delete;
  Database& operator=(Database&&) = delete;

  // Runs one or more statements without parameters (schema, BEGIN, PRAGMA). `name` appears
  // in errors; the SQL's first words are used when it is empty. Throws Error.
  void execute(std::string_view sql, std::string_view name = {});
  sqlite3* handle() const { return db_; }
  // True between BEGIN and COMMIT/ROLLBACK (SQLite is not in autocommit mode).
  bool in_transaction() const;
  std::string path() const { return path_; }

  // Transaction and Savepoint mark the span in which they hold a transaction open. While one
  // is open and SQLite has rolled everything back by itself, every statement throws an Error
  // with `rolled_back` instead of silently running in autocommit mode.
  void enter_transaction_scope() noexcept { ++transaction_scopes_; }
  void leave_transaction_scope() noexcept { --transaction_scopes_; }
  // Throws that Error now if the transaction was lost; `what` names the caller.
  void check_transaction_alive(std::string_view what) const;

  // The statement cache used by Statement: take() prepares on a miss; give_back() resets the
  // statement and keeps it (or finalizes it if the same SQL is already cached).
  sqlite3_stmt* take_statement(std::string_view sql, std::string_view name);
  void give_back_statement(std::string_view sql, sqlite3_stmt* statement) noexcept;

 private:
  void configure();
  std::string switch_to_wal();
  void close() noexcept;

  std::string path_;
  sqlite3* db_ = nullptr;
  int transaction_scopes_ = 0;
  std::chrono::steady_clock::time_point busy_since_;  // when the current wait for a lock began
  // One prepared statement per SQL text, lent out by take_statement and marked in use until
  // given back: looked up by string_view (no copy of the SQL) and never erased, so a command's
  // statements cost no allocation once prepared.
  struct CachedStatement {
    sqlite3_stmt* statement = nullptr;
    bool in_use = false;
  };
  struct SqlHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view sql) const noexcept {
      return std::hash<std::string_view>{}(sql);
    }
  };
  std::unordered_map<std::string, CachedStatement, SqlHash, std::equal_to<>> cached_statements_;
};

}  // namespace warroom::storage
