// The RAII transaction scopes. Rollback paths use sqlite3_exec directly and ignore its
// result: they run in destructors, and "no transaction is active" is an expected answer.
#include "storage/transaction.h"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>

#include "storage/database.h"
#include "storage/error.h"
#include "storage/statement.h"

namespace warroom::storage {
namespace {

bool is_identifier(std::string_view name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name.front())) != 0) return false;
  return std::ranges::all_of(
      name, [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; });
}

// Runs one transaction-control statement prepared once per connection (the statement cache):
// a batch runs BEGIN, a SAVEPOINT and a RELEASE per command and COMMIT, and parsing them
// every time was a measurable share of the writer's work. Errors as Database::execute.
void run_control(Database& db, const std::string& sql) {
  Statement statement(db, sql, sql);
  statement.run();
}

// Runs a rollback statement only if SQLite still has a transaction to roll back.
void roll_back_quietly(Database& db, const std::string& sql) noexcept {
  if (db.in_transaction()) sqlite3_exec(db.handle(), sql.c_str(), nullptr, nullptr, nullptr);
}

}  // namespace

Transaction::Transaction(Database& db) : db_(db) {
  if (db_.in_transaction()) throw Error("BEGIN IMMEDIATE: a transaction is already open");
  run_control(db_, "BEGIN IMMEDIATE");
  db_.enter_transaction_scope();
}

Transaction::~Transaction() {
  if (finished_) return;
  db_.leave_transaction_scope();
  roll_back_quietly(db_, "ROLLBACK");
}

void Transaction::commit() {
  if (finished_) throw Error("COMMIT: the transaction has already ended");
  run_control(db_, "COMMIT");
  finished_ = true;
  db_.leave_transaction_scope();
}

Savepoint::Savepoint(Database& db, std::string name) : db_(db), name_(std::move(name)) {
  if (!is_identifier(name_)) throw Error("SAVEPOINT: \"" + name_ + "\" is not an identifier");
  db_.check_transaction_alive("SAVEPOINT " + name_);
  if (!db_.in_transaction()) throw Error("SAVEPOINT " + name_ + ": no transaction is open");
  run_control(db_, "SAVEPOINT " + name_);
  db_.enter_transaction_scope();
}

Savepoint::~Savepoint() {
  if (finished_) return;
  db_.leave_transaction_scope();
  roll_back_quietly(db_, "ROLLBACK TO " + name_ + "; RELEASE " + name_);
}

void Savepoint::release() {
  if (finished_) throw Error("RELEASE " + name_ + ": the savepoint has already ended");
  run_control(db_, "RELEASE " + name_);
  finished_ = true;
  db_.leave_transaction_scope();
}

}  // namespace warroom::storage
