// Schema migrations: the numbered storage/schema/NNN_*.sql files compiled into the binary,
// tracked by PRAGMA user_version. Exports migrate(), schema_version() and the list itself.
#pragma once

#include <span>
#include <string_view>

namespace warroom::storage {

class Database;

struct Migration {
  std::string_view name;  // "001_initial.sql": migration n is the n-th, in file-name order
  std::string_view sql;
};

// Every migration this binary knows, in order; the schema version is their count.
std::span<const Migration> known_migrations();
int latest_schema_version();

// PRAGMA user_version of the open database (0 for a new, empty file).
int schema_version(Database& db);

// Brings the database to latest_schema_version() in one BEGIN IMMEDIATE transaction that
// also reads user_version, so two processes starting at once both succeed (the second finds
// nothing to do). Returns the resulting version. Throws Error, changing nothing, if the file
// comes from a newer warroom (user_version above what this binary knows) or a migration fails.
// Must be called outside a transaction.
int migrate(Database& db);

}  // namespace warroom::storage
