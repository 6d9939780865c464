// storage::Error: thrown when the environment fails or an invariant breaks (disk full, I/O
// error, a corrupt row). Exports Error and throw_sqlite_error, which builds one from SQLite.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;

namespace warroom::storage {

struct Error : std::runtime_error {
  explicit Error(const std::string& message, int sqlite_code = 0,
                 bool transaction_rolled_back = false)
      : std::runtime_error(message), code(sqlite_code), rolled_back(transaction_rolled_back) {}

  int code;          // SQLite's extended result code, 0 when the failure is not SQLite's
  bool rolled_back;  // SQLite already rolled the whole transaction back: nothing of it stays

  // SQLITE_FULL: the disk (or max_page_count) left no room for the write.
  bool disk_full() const;
};

// Throws an Error naming `what` (the statement or operation) with sqlite3_errmsg. When
// `was_in_transaction` and SQLite has since returned to autocommit, the message says that
// the whole transaction was rolled back and `rolled_back` is set.
[[noreturn]] void throw_sqlite_error(sqlite3* db, int code, std::string_view what,
                                     bool was_in_transaction);

}  // namespace warroom::storage
