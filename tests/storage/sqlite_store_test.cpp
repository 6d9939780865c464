// Tests for incidents in SqliteStore: numbering, saving every field, channel lookup, listing
// filters, and refusing writes outside a transaction.
#include "storage/sqlite_store.h"

#include <catch2/catch.hpp>

#include "storage/database.h"
#include "storage/error.h"
#include "storage/transaction.h"
#include "tests/support/sample_records.h"
#include "tests/support/temp_database.h"

namespace warroom::storage {
namespace {

using namespace std::chrono_literals;
using testing::sample_incident;
using testing::sample_time;
using testing::TempDatabase;

// Creates one committed incident per (title, channel, status) and returns their numbers.
void create_committed(Database& db, const std::vector<std::pair<std::string, Status>>& rows) {
  SqliteStore store(db);
  Transaction transaction(db);
  for (const auto& [channel, status] : rows) {
    Incident incident = sample_incident("in " + channel, channel);
    incident.status = status;
    store.create_incident(incident);
  }
  transaction.commit();
}

TEST_CASE("incidents are numbered from 1 and read back as created", "[storage]") {
  const TempDatabase temp;
  const auto db = temp.open();
  SqliteStore store(*db);
  Transaction transaction(*db);
  Incident incident = sample_incident();
  incident.number = 99;   // ignored: the store picks the number
  incident.head_seq = 7;  // ignored: a new incident has no events
  const Incident first = store.create_incident(incident);
  const Incident second = store.create_incident(sample_incident("Search is down"));
  transaction.commit();
  CHECK(first.number == 1);
  CHECK(first.key() == "INC-1");
  CHECK(first.head_seq == 0);
  CHECK(second.number == 2);
  const auto found = store.find_incident(1);
  REQUIRE(found.has_value());
  CHECK(found->title == "Checkout is down");
  CHECK(found->severity == Severity::sev2);
  CHECK(found->status == Status::investigating);
  CHECK(found->service == "checkout");
  CHECK(found->impact == "Customers cannot pay");
  CHECK(found->channel == "C0CHECKOUT");
  CHECK(found->declared_in == "C0GENERAL");
  CHECK(found->owner == "U0ALICE");
  CHECK(found->created_at == sample_time());
  CHECK_FALSE(found->acknowledged_at.has_value());
  CHECK_FALSE(found->parent.has_value());
  CHECK(found->head_hash.empty());
  CHECK_FALSE(store.find_incident(3).has_value());
}

TEST_CASE("saving an incident writes every mutable field", "[storage]") {
  const TempDatabase temp;
  const auto db = temp.open();
  SqliteStore store(*db);
  Transaction transaction(*db);
  const Incident parent = store.create_incident(sample_incident("parent"));
  Incident incident = store.create_incident(sample_incident());
  incident.title = "Checkout is slow";
  incident.severity = Severity::sev1;
  incident.status = Status::resolved;
  incident.service = "payments";
  incident.impact = "Some payments fail\nin the EU";
  incident.channel = "C0NEW";
  incident.owner = "U0BOB";
  incident.acknowledged_at = sample_time(1min);
  incident.mitigated_at = sample_time(2min);
  incident.resolved_at = sample_time(3min);
  incident.closed_at = sample_time(4min);
  incident.parent = parent.number;
  store.save_incident(incident);
  transaction.commit();
  const auto saved = store.find_incident(incident.number);
  REQUIRE(saved.has_value());
  CHECK(saved->title == incident.title);
  CHECK(saved->severity == Severity::sev1);
  CHECK(saved->status == Status::resolved);
  CHECK(saved->service == "payments");
  CHECK(saved->impact == incident.impact);
  CHECK(saved->channel == "C0NEW");
  CHECK(saved->owner == "U0BOB");
  CHECK(saved->acknowledged_at == sample_time(1min));
  CHECK(saved->mitigated_at == sample_time(2min));
  CHECK(saved->resolved_at == sample_time(3min));
  CHECK(saved->closed_at == sample_time(4min));
  CHECK(saved->parent == parent.number);
}

TEST_CASE("saving an incident that does not exist is an error", "[storage]") {
  const TempDatabase temp;
  const auto db = temp.open();
  SqliteStore store(*db);
  Transaction transaction(*db);
  Incident ghost = sample_incident();
  ghost.number = 7;
  CHECK_THROWS_WITH(store.save_incident(ghost), Catch::Contains("INC-7"));
}

TEST_CASE("a channel finds its newest incident that is not closed", "[storage]") {
  const TempDatabase temp;
  const auto db = temp.open();
  create_committed(*db, {{"C1", Status::resolved},
                         {"C1", Status::investigating},
                         {"C1", Status::closed},
                         {"C2", Status::closed},
                         {"", Status::investigating}});
  SqliteStore store(*db);
  const auto in_c1 = store.find_incident_in_channel("C1");
  REQUIRE(in_c1.has_value());
  CHECK(in_c1->number == 2);
  CHECK_FALSE(store.find_incident_in_channel("C2").has_value());
  CHECK_FALSE(store.find_incident_in_channel("").has_value());
  CHECK_FALSE(store.find_incident_in_channel("C3").has_value());
}

TEST_CASE("listing incidents is newest first and honours the filter", "[storage]") {
  const TempDatabase temp;
  const auto db = temp.open();
  create_committed(*db, {{"C1", Status::investigating},
                         {"C2", Status::resolved},
                         {"C3", Status::closed},
                         {"C4", Status::monitoring}});
  SqliteStore store(*db);
  const auto numbers = [&](const IncidentFilter& filter) {
    std::vector<std::int64_t> result;
    for (const Incident& incident : store.list_incidents(filter)) result.push_back(incident.number);
    return result;
  };
  CHECK(numbers({}) == std::vector<std::int64_t>{4, 3, 2, 1});
  CHECK(numbers({.open_only = true}) == std::vector<std::int64_t>{4, 1});
  CHECK(numbers({.include_closed = false}) == std::vector<std::int64_t>{4, 2, 1});
  CHECK(numbers({.limit = 2}) == std::vector<std::int64_t>{4, 3});
}

TEST_CASE("writes outside a transaction are refused", "[storage]") {
  const TempDatabase temp;
  const auto db = temp.open();
  SqliteStore store(*db);
  CHECK_THROWS_WITH(store.create_incident(sample_incident()),
                    Catch::Contains("must run inside a transaction"));
  CHECK_THROWS_AS(store.set_role(1, Role{.role = "scribe", .user = "U1", .assigned_at = {}}),
                  Error);
  CHECK_FALSE(store.find_incident(1).has_value());
}

}  // namespace
}  // namespace warroom::storage
