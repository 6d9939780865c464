// Tests for opening and migrating a database: the pragmas of DESIGN section 6, user_version,
// idempotence, refusing a newer schema, and two connections or processes migrating at once.
#include "storage/migrations.h"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <string>
#include <thread>

#include "storage/database.h"
#include "storage/error.h"
#include "tests/support/raw_sqlite.h"
#include "tests/support/temp_database.h"

namespace warroom::storage {
namespace {

using testing::query_text;
using testing::RawSqlite;
using testing::TempDatabase;

std::string count_schema_objects(Database& db) {
  return query_text(db.handle(), "SELECT COUNT(*) FROM sqlite_master");
}

TEST_CASE("migrating an empty file reaches the latest version and creates every table",
          "[storage]") {
  const TempDatabase temp(false);
  Database db(temp.path().string());
  CHECK(schema_version(db) == 0);
  CHECK(migrate(db) == latest_schema_version());
  CHECK(schema_version(db) == latest_schema_version());
  CHECK(query_text(db.handle(), "PRAGMA user_version") == std::to_string(latest_schema_version()));
  for (const std::string name : {"incidents", "events", "roles", "outbox"}) {
    CAPTURE(name);
    CHECK(query_text(db.handle(), "SELECT type FROM sqlite_master WHERE name = '" + name + "'") ==
          "table");
  }
  CHECK(query_text(db.handle(),
                   "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' "
                   "AND tbl_name = 'events'") == "2");
  CHECK_FALSE(db.in_transaction());
}

TEST_CASE("a connection uses WAL with synchronous FULL, foreign keys and a busy timeout",
          "[storage]") {
  const TempDatabase temp;
  const auto db = temp.open();
  CHECK(query_text(db->handle(), "PRAGMA journal_mode") == "wal");
  CHECK(query_text(db->handle(), "PRAGMA synchronous") == "2");
  CHECK(query_text(db->handle(), "PRAGMA foreign_keys") == "1");
  CHECK(db->path() == temp.path().string());
  // The busy timeout (our own handler, so PRAGMA busy_timeout reads 0): a writer waits for
  // another connection's write lock instead of failing at once.
  RawSqlite holder(temp.path());
  holder.execute("BEGIN IMMEDIATE");
  std::thread release([&holder] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // how long the lock is held
    holder.execute("COMMIT");
  });
  CHECK_NOTHROW(db->execute("BEGIN IMMEDIATE"));
  release.join();
  db->execute("ROLLBACK");
}

TEST_CASE("migrating an up-to-date database again changes nothing", "[storage]") {
  const TempDatabase temp;
  const auto db = temp.open();
  const std::string objects = count_schema_objects(*db);
  CHECK(migrate(*db) == latest_schema_version());
  CHECK(migrate(*db) == latest_schema_version());
  CHECK(count_schema_objects(*db) == objects);
  CHECK(schema_version(*db) == latest_schema_version());
}

TEST_CASE("a database from a newer warroom is refused and left as it was", "[storage]") {
  const TempDatabase temp;
  const int newer = latest_schema_version() + 1;
  RawSqlite(temp.path()).execute("PRAGMA user_version = " + std::to_string(newer));
  const auto db = temp.open();
  CHECK_THROWS_WITH(migrate(*db), Catch::Contains("newer than this warroom knows"));
  CHECK(schema_version(*db) == newer);
  CHECK_FALSE(db->in_transaction());
}

TEST_CASE("migration files are numbered from 001 in order without gaps", "[storage]") {
  const auto migrations = known_migrations();
  REQUIRE_FALSE(migrations.empty());
  CHECK(static_cast<int>(migrations.size()) == latest_schema_version());
  for (std::size_t i = 0; i < migrations.size(); ++i) {
    std::string expected = std::to_string(i + 1);
    expected.insert(0, 3 - expected.size(), '0');
    CAPTURE(migrations[i].name);
    CHECK(migrations[i].name.substr(0, 4) == expected + "_");
    CHECK(migrations[i].name.ends_with(".sql"));
  }
}

TEST_CASE("two connections migrating a new file at the same moment both succeed", "[storage]") {
  for (int round = 0; round < 20; ++round) {
    const TempDatabase temp(false);
    std::array<int, 2> versions{-1, -1};
    std::array<std::string, 2> errors;
    const auto start = [&](std::size_t which) {
      return std::thread([&, which] {
        try {
          Database db(temp.path().string());
          versions[which] = migrate(db);
        } catch (const std::exception& error) {
          errors[which] = error.what();
        }
      });
    };
    std::thread first = start(0);
    std::thread second = start(1);
    first.join();
    second.join();
    CAPTURE(round, errors[0], errors[1]);
    CHECK(versions[0] == latest_schema_version());
    CHECK(versions[1] == latest_schema_version());
  }
}

// Forks a process that opens and migrates `path`; its exit status says whether it reached the
// latest version (0) or failed (1, with the error on stderr).
pid_t migrate_in_child(const std::string& path) {
  const pid_t child = fork();
  if (child != 0) return child;
  int status = 1;
  try {
    Database db(path);
    status = migrate(db) == latest_schema_version() ? 0 : 1;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "child migrate: %s\n", error.what());
  }
  _exit(status);  // no atexit handlers: the parent's Catch session is not the child's
}

TEST_CASE("two processes migrating a new file at the same moment both succeed", "[storage]") {
  for (int round = 0; round < 10; ++round) {
    const TempDatabase temp(false);
    const pid_t first = migrate_in_child(temp.path().string());
    const pid_t second = migrate_in_child(temp.path().string());
    REQUIRE(first > 0);
    REQUIRE(second > 0);
    for (const pid_t child : {first, second}) {
      int status = -1;
      REQUIRE(waitpid(child, &status, 0) == child);
      CAPTURE(round, status);
      CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 0));
    }
    const auto db = temp.open();
    CHECK(schema_version(*db) == latest_schema_version());
  }
}

}  // namespace
}  // namespace warroom::storage
