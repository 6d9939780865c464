// Tests for roles and the outbox in SqliteStore: rows round-trip with their fields and ids
// grow in order.
#include <catch2/catch.hpp>

#include "storage/database.h"
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

TEST_CASE("an outbox message round-trips with its fields", "[storage]") {
  const TempDatabase temp;
  const auto db = temp.open();
  SqliteStore store(*db);
  CHECK(store.last_outbox_id() == 0);
  Transaction transaction(*db);
  const Incident incident = store.create_incident(sample_incident());
  OutboxMessage message;
  message.incident = incident.number;
  message.created_at = sample_time();
  message.destination = "incident:INC-1";
  message.method = "chat.postMessage";
  message.template_name = "declared";
  message.text = "INC-1 declared: <Checkout> & \"down\"\n";
  message.fields = {{"severity", "SEV2"}, {"title", "Checkout \u2713 {\"x\"}"}, {"empty", ""}};
  message.next_attempt_at = sample_time(5s);
  const std::int64_t first = store.enqueue(message);
  OutboxMessage plain;
  plain.created_at = sample_time(1s);
  plain.destination = "C0GENERAL";
  plain.method = "conversations.create";
  const std::int64_t second = store.enqueue(plain);
  transaction.commit();

  CHECK(second == first + 1);
  CHECK(store.last_outbox_id() == second);
  const auto messages = store.outbox_after(0);
  REQUIRE(messages.size() == 2);
  const OutboxMessage& read = messages[0];
  CHECK(read.id == first);
  CHECK(read.incident == incident.number);
  CHECK(read.created_at == sample_time());
  CHECK(read.destination == message.destination);
  CHECK(read.method == message.method);
  CHECK(read.template_name == "declared");
  CHECK(read.text == message.text);
  CHECK(read.fields == message.fields);
  CHECK(read.state == "pending");
  CHECK(read.attempts == 0);
  CHECK(read.next_attempt_at == sample_time(5s));
  CHECK(read.last_error.empty());
  CHECK_FALSE(messages[1].incident.has_value());
  CHECK(messages[1].fields.empty());
  CHECK_FALSE(messages[1].next_attempt_at.has_value());
  CHECK(store.outbox_after(first).size() == 1);
  CHECK(store.outbox_after(second).empty());
}

TEST_CASE("a role has one holder and assigning it again replaces the holder", "[storage]") {
  const TempDatabase temp;
  const auto db = temp.open();
  SqliteStore store(*db);
  Transaction transaction(*db);
  const Incident incident = store.create_incident(sample_incident());
  store.set_role(incident.number,
                 {.role = "scribe", .user = "U0CAROL", .assigned_at = sample_time()});
  store.set_role(incident.number, {.role = "comms", .user = "U0DAN", .assigned_at = sample_time()});
  store.set_role(incident.number,
                 {.role = "scribe", .user = "U0ERIN", .assigned_at = sample_time(1min)});
  transaction.commit();
  const auto roles = store.roles(incident.number);
  REQUIRE(roles.size() == 2);
  CHECK(roles[0].role == "comms");
  CHECK(roles[1].role == "scribe");
  CHECK(roles[1].user == "U0ERIN");
  CHECK(roles[1].assigned_at == sample_time(1min));
  CHECK(store.roles(incident.number + 1).empty());
}

}  // namespace
}  // namespace warroom::storage
