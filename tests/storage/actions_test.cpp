// Tests for follow-up actions in SqliteStore: numbering per incident, reading back every field,
// completing once, durability across a reopen, and refusing writes outside a transaction.
#include <catch2/catch.hpp>

#include "storage/database.h"
#include "storage/error.h"
#include "storage/sqlite_store.h"
#include "storage/transaction.h"
#include "tests/support/sample_records.h"
#include "tests/support/temp_database.h"

namespace warroom::storage {
namespace {

using namespace std::chrono_literals;
using testing::sample_incident;
using testing::sample_time;
using testing::TempDatabase;

Action sample_action(std::string text, std::string owner = {},
                     std::optional<std::string> due = std::nullopt) {
  return Action{.number = 42,  // ignored: the store numbers actions
                .text = std::move(text),
                .owner = std::move(owner),
                .due = std::move(due),
                .created_at = sample_time(5min)};
}

TEST_CASE("actions are numbered per incident from 1 and read back as added", "[storage]") {
  const TempDatabase temp;
  const auto db = temp.open();
  SqliteStore store(*db);
  Transaction transaction(*db);
  const auto first = store.create_incident(sample_incident("one")).number;
  const auto second = store.create_incident(sample_incident("two")).number;

  CHECK(store.add_action(first, sample_action("add an alert", "U0BOB", "2026-12-01")).number == 1);
  CHECK(store.add_action(first, sample_action("write a runbook")).number == 2);
  CHECK(store.add_action(second, sample_action("other incident")).number == 1);

  const auto actions = store.actions(first);
  REQUIRE(actions.size() == 2);
  CHECK(actions[0].number == 1);
  CHECK(actions[0].text == "add an alert");
  CHECK(actions[0].owner == "U0BOB");
  CHECK(actions[0].due == "2026-12-01");
  CHECK(actions[0].created_at == sample_time(5min));
  CHECK_FALSE(actions[0].done_at);
  CHECK(actions[1].owner.empty());
  CHECK_FALSE(actions[1].due);
  CHECK(store.actions(second).size() == 1);
  CHECK(store.actions(99).empty());
}

TEST_CASE("an action is completed once and stays completed after a reopen", "[storage]") {
  const TempDatabase temp;
  {
    const auto db = temp.open();
    SqliteStore store(*db);
    Transaction transaction(*db);
    const auto incident = store.create_incident(sample_incident()).number;
    store.add_action(incident, sample_action("add an alert"));
    store.complete_action(incident, 1, sample_time(1h));
    CHECK_THROWS_AS(store.complete_action(incident, 1, sample_time(2h)), Error);
    CHECK_THROWS_AS(store.complete_action(incident, 2, sample_time(2h)), Error);
    transaction.commit();
  }
  const auto db = temp.open();
  const auto actions = SqliteStore(*db).actions(1);
  REQUIRE(actions.size() == 1);
  CHECK(actions[0].done_at == sample_time(1h));
}

TEST_CASE("a rolled-back action burns no number", "[storage]") {
  const TempDatabase temp;
  const auto db = temp.open();
  SqliteStore store(*db);
  {
    Transaction transaction(*db);
    store.create_incident(sample_incident());
    transaction.commit();
  }
  {
    Transaction transaction(*db);
    store.add_action(1, sample_action("rolled back"));
  }
  Transaction transaction(*db);
  CHECK(store.add_action(1, sample_action("kept")).number == 1);
}

TEST_CASE("action writes outside a transaction are refused", "[storage]") {
  const TempDatabase temp;
  const auto db = temp.open();
  SqliteStore store(*db);
  {
    Transaction transaction(*db);
    store.create_incident(sample_incident());
    transaction.commit();
  }
  CHECK_THROWS_AS(store.add_action(1, sample_action("no transaction")), Error);
  CHECK_THROWS_AS(store.complete_action(1, 1, sample_time()), Error);
}

}  // namespace
}  // namespace warroom::storage
