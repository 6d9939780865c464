// Builds storage::Error from SQLite's state, so every failure names its statement and says
// whether SQLite rolled the whole transaction back on its own (e.g. SQLITE_FULL).
#include "storage/error.h"

#include <sqlite3.h>

namespace warroom::storage {

bool Error::disk_full() const {
  return (code & 0xFF) == SQLITE_FULL;
}

void throw_sqlite_error(sqlite3* db, int code, std::string_view what, bool was_in_transaction) {
  std::string message{what};
  message += ": ";
  message += db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code);
  message += " (SQLite code " + std::to_string(code) + ")";
  const bool rolled_back = was_in_transaction && db != nullptr && sqlite3_get_autocommit(db) != 0;
  if (rolled_back) {
    message += "; SQLite rolled back the whole transaction, so none of its changes were saved";
  }
  throw Error(message, code, rolled_back);
}

}  // namespace warroom::storage
