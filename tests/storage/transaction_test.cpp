// Tests for Transaction and Savepoint: rollback leaves nothing (not even a burned INC number),
// commits survive reopening, and a transaction SQLite gave up is never continued.
#include "storage/transaction.h"

#include <sqlite3.h>

#include <catch2/catch.hpp>

#include "storage/database.h"
#include "storage/error.h"
#include "storage/sqlite_store.h"
#include "tests/support/sample_records.h"
#include "tests/support/temp_database.h"

namespace warroom::storage {
namespace {

using testing::sample_event;
using testing::sample_incident;
using testing::sample_time;
using testing::TempDatabase;

OutboxMessage sample_message(std::int64_t incident) {
  OutboxMessage message;
  message.incident = incident;
  message.created_at = sample_time();
  message.destination = "incident:INC-" + std::to_string(incident);
  message.method = "chat.postMessage";
  message.text = "declared";
  return message;
}

TEST_CASE("a transaction that is not committed leaves nothing and burns no number", "[storage]") {
  const TempDatabase temp;
  const auto db = temp.open();
  SqliteStore store(*db);
  {
    Transaction transaction(*db);
    const Incident incident = store.create_incident(sample_incident());
    CHECK(incident.number == 1);
    store.append_event(incident.number, sample_event("declared"));
    store.enqueue(sample_message(incident.number));
  }
  CHECK_FALSE(db->in_transaction());
  CHECK_FALSE(store.find_incident(1).has_value());
  CHECK(store.events(1).empty());
  CHECK(store.outbox_after(0).empty());
  Transaction transaction(*db);
  CHECK(store.create_incident(sample_incident()).number == 1);
}

TEST_CASE("a committed transaction survives closing and reopening the file", "[storage]") {
  const TempDatabase temp;
  {
    const auto db = temp.open();
    SqliteStore store(*db);
    Transaction transaction(*db);
    const Incident incident = store.create_incident(sample_incident("Payments are slow"));
    store.append_event(incident.number, sample_event("declared"));
    transaction.commit();
  }
  const auto reopened = temp.open();
  SqliteStore store(*reopened);
  const auto incident = store.find_incident(1);
  REQUIRE(incident.has_value());
  CHECK(incident->title == "Payments are slow");
  CHECK(incident->head_seq == 1);
  CHECK(store.events(1).size() == 1);
  CHECK(store.verify_chain(1).intact);
}

TEST_CASE("a savepoint that is not released undoes only its own command", "[storage]") {
  const TempDatabase temp;
  const auto db = temp.open();
  SqliteStore store(*db);
  Transaction transaction(*db);
  {
    Savepoint command(*db);
    store.create_incident(sample_incident("kept"));
    command.release();
  }
  {
    Savepoint command(*db);
    store.create_incident(sample_incident("refused"));
  }
  {
    Savepoint command(*db, "third_command");
    CHECK(store.create_incident(sample_incident("also kept")).number == 2);
    command.release();
  }
  transaction.commit();
  CHECK(store.find_incident(1)->title == "kept");
  CHECK(store.find_incident(2)->title == "also kept");
  CHECK_FALSE(store.find_incident(3).has_value());
}

TEST_CASE("transactions and savepoints refuse to be opened in the wrong place", "[storage]") {
  const TempDatabase temp;
  const auto db = temp.open();
  CHECK_THROWS_WITH(Savepoint(*db), Catch::Contains("no transaction is open"));
  CHECK_THROWS_WITH(Savepoint(*db, "x; DROP TABLE events"), Catch::Contains("not an identifier"));
  Transaction transaction(*db);
  CHECK_THROWS_WITH(Transaction(*db), Catch::Contains("already open"));
  transaction.commit();
  CHECK_THROWS_WITH(transaction.commit(), Catch::Contains("already ended"));
}

TEST_CASE("a transaction SQLite rolled back by itself fails loudly and never continues",
          "[storage]") {
  const TempDatabase temp;
  const auto db = temp.open();
  SqliteStore store(*db);
  {
    Transaction transaction(*db);
    Savepoint command(*db);
    store.create_incident(sample_incident());
    // What SQLite does on its own after e.g. SQLITE_FULL: the whole transaction is gone.
    REQUIRE(sqlite3_exec(db->handle(), "ROLLBACK", nullptr, nullptr, nullptr) == SQLITE_OK);
    try {
      store.create_incident(sample_incident("written in autocommit mode?"));
      FAIL("a store write ran after the transaction was lost");
    } catch (const Error& error) {
      CHECK(error.rolled_back);
      CHECK_THAT(error.what(), Catch::Contains("rolled back the whole transaction"));
    }
    CHECK_THROWS_AS(store.find_incident(1), Error);
    CHECK_THROWS_AS(command.release(), Error);
    CHECK_THROWS_AS(transaction.commit(), Error);
  }
  CHECK_FALSE(store.find_incident(1).has_value());
  Transaction next(*db);
  CHECK(store.create_incident(sample_incident()).number == 1);
  next.commit();
}

TEST_CASE("a full database throws an error and leaves no half-written transaction", "[storage]") {
  const TempDatabase temp;
  const auto db = temp.open();
  SqliteStore store(*db);
  const std::string page_count = [&] {
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(db->handle(), "PRAGMA page_count", -1, &statement, nullptr);
    sqlite3_step(statement);
    const auto pages = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    return std::to_string(pages + 2);
  }();
  db->execute("PRAGMA max_page_count = " + page_count);
  {
    Transaction transaction(*db);
    const Incident incident = store.create_incident(sample_incident());
    try {
      for (int i = 0; i < 100; ++i) {
        store.append_event(incident.number, sample_event(std::string(4000, 'x')));
      }
      FAIL("the database never filled up");
    } catch (const Error& error) {
      CHECK((error.code & 0xFF) == SQLITE_FULL);
      // Either SQLite undid only the statement (the transaction goes on and can be rolled
      // back) or it gave the whole transaction up, and then the error must say so.
      CHECK(error.rolled_back == !db->in_transaction());
    }
  }
  CHECK_FALSE(db->in_transaction());
  CHECK_FALSE(store.find_incident(1).has_value());
}

}  // namespace
}  // namespace warroom::storage
