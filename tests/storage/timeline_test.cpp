// Tests for the stored timeline: appends chain from the head in the database, the triggers
// refuse UPDATE and DELETE, and tampering around them is reported at the right seq.
#include <catch2/catch.hpp>

#include "storage/database.h"
#include "storage/error.h"
#include "storage/sqlite_store.h"
#include "storage/transaction.h"
#include "tests/support/raw_sqlite.h"
#include "tests/support/sample_records.h"
#include "tests/support/temp_database.h"

namespace warroom::storage {
namespace {

using testing::RawSqlite;
using testing::sample_event;
using testing::sample_incident;
using testing::TempDatabase;

// Declares INC-1 with `count` notes "note 1"… and commits.
void declare_with_notes(Database& db, int count) {
  SqliteStore store(db);
  Transaction transaction(db);
  const Incident incident = store.create_incident(sample_incident());
  for (int i = 1; i <= count; ++i) {
    store.append_event(incident.number, sample_event("note " + std::to_string(i)));
  }
  transaction.commit();
}

// Runs `sql` on a raw connection after dropping both append-only triggers (a tamperer).
void tamper(const TempDatabase& temp, const std::string& sql) {
  RawSqlite raw(temp.path());
  raw.execute("DROP TRIGGER events_refuse_update");
  raw.execute("DROP TRIGGER events_refuse_delete");
  raw.execute(sql);
}

TEST_CASE("appended events chain from seq 1 and the chain verifies", "[storage]") {
  const TempDatabase temp;
  const auto db = temp.open();
  SqliteStore store(*db);
  Transaction transaction(*db);
  const Incident incident = store.create_incident(sample_incident());
  const Event first = store.append_event(
      incident.number, sample_event("declared", {{"severity", "SEV2"}, {"service", "checkout"}},
                                    EventKind::declare));
  CHECK(first.seq == 1);
  CHECK(first.kind == "declare");
  CHECK(first.data == R"({"service":"checkout","severity":"SEV2"})");
  CHECK(first.hash.size() == 64);
  CHECK(first.fields == EventData{{"service", "checkout"}, {"severity", "SEV2"}});
  Event last = first;
  for (int i = 2; i <= 6; ++i) last = store.append_event(incident.number, sample_event("note"));
  transaction.commit();

  CHECK(last.seq == 6);
  const auto stored = store.find_incident(incident.number);
  REQUIRE(stored.has_value());
  CHECK(stored->head_seq == 6);
  CHECK(stored->head_hash == last.hash);
  const auto events = store.events(incident.number);
  REQUIRE(events.size() == 6);
  CHECK(events.front().hash == first.hash);
  CHECK(events.front().at == first.at);
  CHECK(events.front().fields == first.fields);
  CHECK(events.back().fields.empty());
  const ChainReport report = store.verify_chain(incident.number);
  CHECK(report.intact);
  CHECK(report.events == 6);
}

TEST_CASE("events can be read whole or as the last few in seq order", "[storage]") {
  const TempDatabase temp;
  const auto db = temp.open();
  declare_with_notes(*db, 5);
  SqliteStore store(*db);
  const auto last_two = store.events(1, 2);
  REQUIRE(last_two.size() == 2);
  CHECK(last_two[0].seq == 4);
  CHECK(last_two[1].text == "note 5");
  CHECK(store.events(1, 50).size() == 5);
  CHECK(store.events(2).empty());
}

TEST_CASE("the latest event of a kind is the newest one of that kind only", "[storage]") {
  const TempDatabase temp;
  const auto db = temp.open();
  declare_with_notes(*db, 3);
  SqliteStore store(*db);
  {
    Transaction transaction(*db);
    store.append_event(1, sample_event("first update", {}, EventKind::update));
    store.append_event(1, sample_event("second update", {}, EventKind::update));
    store.append_event(1, sample_event("a later note"));
    transaction.commit();
  }
  const auto update = store.latest_event(1, EventKind::update);
  REQUIRE(update);
  CHECK(update->seq == 5);
  CHECK(update->text == "second update");
  CHECK(store.latest_event(1, EventKind::note)->text == "a later note");
  CHECK_FALSE(store.latest_event(1, EventKind::resolve));
  CHECK_FALSE(store.latest_event(2, EventKind::update));
}

TEST_CASE("the database refuses to update or delete an event", "[storage]") {
  const TempDatabase temp;
  const auto db = temp.open();
  declare_with_notes(*db, 2);
  SECTION("through warroom's own connection") {
    Transaction transaction(*db);
    CHECK_THROWS_WITH(db->execute("UPDATE events SET text = 'rewritten' WHERE seq = 1"),
                      Catch::Contains("events are append-only"));
    CHECK_THROWS_WITH(db->execute("DELETE FROM events WHERE seq = 2"),
                      Catch::Contains("events are append-only"));
  }
  SECTION("through any other connection") {
    RawSqlite raw(temp.path());
    CHECK(raw.try_execute("UPDATE events SET text = 'x'") == "events are append-only");
    CHECK(raw.try_execute("DELETE FROM events") == "events are append-only");
  }
  CHECK(SqliteStore(*db).verify_chain(1).intact);
}

TEST_CASE("an event rewritten behind the triggers is reported at its seq", "[storage]") {
  const TempDatabase temp;
  declare_with_notes(*temp.open(), 5);
  tamper(temp, "UPDATE events SET text = 'nothing happened' WHERE incident_id = 1 AND seq = 3");
  const auto db = temp.open();
  const ChainReport report = SqliteStore(*db).verify_chain(1);
  CHECK_FALSE(report.intact);
  CHECK(report.first_broken_seq == 3);
  CHECK(report.problem == "hash mismatch");
  CHECK(report.events == 5);
}

TEST_CASE("deleting the last event is detected through the head on the incident", "[storage]") {
  const TempDatabase temp;
  declare_with_notes(*temp.open(), 4);
  tamper(temp, "DELETE FROM events WHERE incident_id = 1 AND seq = 4");
  const auto db = temp.open();
  const ChainReport report = SqliteStore(*db).verify_chain(1);
  CHECK_FALSE(report.intact);
  CHECK(report.first_broken_seq == 4);
  CHECK(report.problem == "head does not match the last event");
}

TEST_CASE("deleting an event in the middle is reported as a missing event", "[storage]") {
  const TempDatabase temp;
  declare_with_notes(*temp.open(), 4);
  tamper(temp, "DELETE FROM events WHERE incident_id = 1 AND seq = 2");
  const auto db = temp.open();
  const ChainReport report = SqliteStore(*db).verify_chain(1);
  CHECK(report.first_broken_seq == 2);
  CHECK(report.problem == "missing event");
}

TEST_CASE("an event time that is not a stored time is reported at its seq", "[storage]") {
  const TempDatabase temp;
  declare_with_notes(*temp.open(), 3);
  tamper(temp, "UPDATE events SET at = 'yesterday' WHERE incident_id = 1 AND seq = 2");
  const auto db = temp.open();
  SqliteStore store(*db);
  const ChainReport report = store.verify_chain(1);
  CHECK(report.first_broken_seq == 2);
  CHECK(report.problem == "hash mismatch");
  CHECK(report.events == 3);
  CHECK_THROWS_AS(store.events(1), Error);
}

TEST_CASE("stored data that is not all strings reads back with values as JSON text", "[storage]") {
  const TempDatabase temp;
  declare_with_notes(*temp.open(), 1);
  tamper(temp, R"(UPDATE events SET data = '{"n":3,"s":"x","o":{"a":true}}' WHERE seq = 1)");
  const auto db = temp.open();
  const auto events = SqliteStore(*db).events(1);
  REQUIRE(events.size() == 1);
  CHECK(events[0].fields == EventData{{"n", "3"}, {"o", R"({"a":true})"}, {"s", "x"}});
}

TEST_CASE("appends from two connections extend one chain from the stored head", "[storage]") {
  const TempDatabase temp;
  const auto first_db = temp.open();
  const auto second_db = temp.open();
  declare_with_notes(*first_db, 0);
  SqliteStore first(*first_db);
  SqliteStore second(*second_db);
  for (int i = 1; i <= 4; ++i) {
    Database& db = i % 2 == 0 ? *second_db : *first_db;
    SqliteStore& store = i % 2 == 0 ? second : first;
    Transaction transaction(db);
    CHECK(store.append_event(1, sample_event("from one side")).seq == i);
    transaction.commit();
  }
  CHECK(first.verify_chain(1).intact);
  CHECK(second.verify_chain(1).events == 4);
}

TEST_CASE("an event for an incident that does not exist is refused", "[storage]") {
  const TempDatabase temp;
  const auto db = temp.open();
  SqliteStore store(*db);
  Transaction transaction(*db);
  CHECK_THROWS_WITH(store.append_event(42, sample_event("orphan")), Catch::Contains("INC-42"));
  CHECK_THROWS_WITH(db->execute("INSERT INTO events (incident_id, seq, at, actor, kind, hash) "
                                "VALUES (42, 1, '2026-11-24T06:00:00.000Z', 'U1', 'note', '')"),
                    Catch::Contains("FOREIGN KEY"));
}

}  // namespace
}  // namespace warroom::storage
