// Opens and configures the SQLite connection and keeps its prepared-statement cache; the
// cache is finalized before the connection closes.
#include "storage/database.h"

#include <sqlite3.h>

#include <chrono>
#include <thread>

#include "storage/error.h"
#include "storage/statement.h"

namespace warroom::storage {
namespace {

constexpr int busy_timeout_ms = 10000;

// A short, one-line excerpt of `sql` that names it in an error message.
std::string describe(std::string_view sql) {
  std::string text;
  for (const char c : sql) {
    if (text.size() >= 60) return text + "...";
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space && (text.empty() || text.back() == ' ')) continue;
    text += space ? ' ' : c;
  }
  return text;
}

// The busy timeout, tried every millisecond. SQLite's own handler (sqlite3_busy_timeout)
// sleeps 1, 2, 5 … then 100 ms between tries, so a connection waiting behind a writer of this
// process that commits back to back (the outbox worker draining a backlog after a Slack outage)
// kept missing the short gaps between its transactions: slash commands waited over 300 ms.
int wait_while_busy(void* waiting_since, int tries) {
  auto& since = *static_cast<std::chrono::steady_clock::time_point*>(waiting_since);
  const auto now = std::chrono::steady_clock::now();
  if (tries == 0) since = now;
  if (now - since >= std::chrono::milliseconds(busy_timeout_ms)) return 0;
  std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return 1;
}

}  // namespace

Database::Database(std::string path) : path_(std::move(path)) {
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  const int code = sqlite3_open_v2(path_.c_str(), &db_, flags, nullptr);
  if (code != SQLITE_OK) {
    const std::string message =
        "open " + path_ + ": " + (db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(code));
    close();
    throw Error(message, code);
  }
  try {
    configure();
  } catch (...) {
    close();
    throw;
  }
}

Database::~Database() {
  close();
}

// busy_timeout comes before anything else: switching to WAL already takes a lock that another
// process starting at the same moment may hold.
void Database::configure() {
  sqlite3_busy_handler(db_, wait_while_busy, &busy_since_);
  sqlite3_extended_result_codes(db_, 1);
  const std::string mode = switch_to_wal();
  if (mode != "wal") throw Error("open " + path_ + ": journal_mode is \"" + mode + "\", not wal");
  execute("PRAGMA synchronous=FULL", "set synchronous");
  execute("PRAGMA foreign_keys=ON", "set foreign_keys");
}

// Two connections switching a new file to WAL at the same moment would deadlock upgrading
// their shared locks, so SQLite answers SQLITE_BUSY to one of them without calling the busy
// handler. We retry for as long as busy_timeout would have waited; the mode is persistent,
// so the retry usually just reads "wal".
std::string Database::switch_to_wal() {
  using std::chrono::steady_clock;
  const auto deadline = steady_clock::now() + std::chrono::milliseconds(busy_timeout_ms);
  for (;;) {
    try {
      Statement journal(*this, "set journal_mode", "PRAGMA journal_mode=WAL");
      return journal.step() ? journal.column_text(0) : std::string{};
    } catch (const Error& error) {
      if ((error.code & 0xFF) != SQLITE_BUSY || steady_clock::now() >= deadline) throw;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

void Database::close() noexcept {
  for (auto& [sql, cached] : cached_statements_) sqlite3_finalize(cached.statement);
  cached_statements_.clear();
  if (db_ != nullptr) sqlite3_close_v2(db_);
  db_ = nullptr;
}

void Database::execute(std::string_view sql, std::string_view name) {
  const std::string what = name.empty() ? describe(sql) : std::string{name};
  check_transaction_alive(what);
  const bool was_in_transaction = in_transaction();
  const std::string text{sql};
  const int code = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
  if (code != SQLITE_OK) throw_sqlite_error(db_, code, what, was_in_transaction);
}

bool Database::in_transaction() const {
  return sqlite3_get_autocommit(db_) == 0;
}

void Database::check_transaction_alive(std::string_view what) const {
  if (transaction_scopes_ > 0 && !in_transaction()) {
    throw Error(std::string{what} +
                    ": SQLite already rolled back the whole transaction after an earlier "
                    "error, so none of its changes were saved",
                0, true);
  }
}

sqlite3_stmt* Database::take_statement(std::string_view sql, std::string_view name) {
  const auto found = cached_statements_.find(sql);
  if (found != cached_statements_.end() && !found->second.in_use) {
    found->second.in_use = true;
    return found->second.statement;
  }
  sqlite3_stmt* statement = nullptr;
  const char* tail = nullptr;
  const int code = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &statement, &tail);
  if (code != SQLITE_OK) throw_sqlite_error(db_, code, name, in_transaction());
  const std::string_view rest = sql.substr(static_cast<std::size_t>(tail - sql.data()));
  if (statement == nullptr || rest.find_first_not_of(" \t\r\n;") != std::string_view::npos) {
    sqlite3_finalize(statement);
    throw Error(std::string{name} + ": the SQL text must hold exactly one statement");
  }
  if (found == cached_statements_.end()) {  // else the cached one is in use: lend this one once
    try {
      cached_statements_.emplace(std::string{sql}, CachedStatement{statement, true});
    } catch (...) {  // out of memory: it stays uncached and is finalized when given back
    }
  }
  return statement;
}

void Database::give_back_statement(std::string_view sql, sqlite3_stmt* statement) noexcept {
  sqlite3_reset(statement);
  sqlite3_clear_bindings(statement);
  const auto found = cached_statements_.find(sql);
  if (found != cached_statements_.end() && found->second.statement == statement) {
    found->second.in_use = false;
    return;
  }
  sqlite3_finalize(statement);
}

}  // namespace warroom::storage
