// Transaction (BEGIN IMMEDIATE … COMMIT) and Savepoint (one command inside a group-commit
// batch): RAII scopes that roll back in their destructor unless committed or released.
#pragma once

#include <string>

namespace warroom::storage {

class Database;

// Starts with BEGIN IMMEDIATE, so a read-then-write never fails half-way on a lock. The
// destructor rolls back unless commit() succeeded; it never throws and tolerates a
// transaction SQLite already rolled back by itself (e.g. after SQLITE_FULL). While it is
// open, any statement that finds the transaction gone throws Error with `rolled_back` set.
class Transaction {
 public:
  // Throws Error if another writer holds the lock past busy_timeout, or if a transaction is
  // already open on this connection.
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  Transaction(Transaction&&) = delete;
  Transaction& operator=(Transaction&&) = delete;

  // Throws Error (and leaves the rollback to the destructor) if COMMIT fails, or with
  // `rolled_back` set if SQLite already gave the transaction up. Calling it twice throws.
  void commit();

 private:
  Database& db_;
  bool finished_ = false;
};

// One command's share of a batch: SAVEPOINT name, then RELEASE on success; the destructor
// runs ROLLBACK TO name and RELEASE name unless release() succeeded, undoing only this
// command. Only valid inside an open Transaction.
class Savepoint {
 public:
  // `name` must be an identifier ([A-Za-z_][A-Za-z0-9_]*). Throws Error outside a
  // transaction or when the transaction was already lost.
  explicit Savepoint(Database& db, std::string name = "command");
  ~Savepoint();
  Savepoint(const Savepoint&) = delete;
  Savepoint& operator=(const Savepoint&) = delete;
  Savepoint(Savepoint&&) = delete;
  Savepoint& operator=(Savepoint&&) = delete;

  // Keeps this command's changes in the enclosing transaction (they still need its commit).
  void release();

 private:
  Database& db_;
  std::string name_;
  bool finished_ = false;
};

}  // namespace warroom::storage
