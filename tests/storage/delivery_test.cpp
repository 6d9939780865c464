// Tests for the outbox worker's storage: which messages are due (per-destination order),
// outcomes, retry times, paused methods, channel binding and delivery-id deduplication.
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

OutboxMessage message_to(std::string destination, std::string method = "chat.postMessage",
                         std::chrono::milliseconds created = {}) {
  OutboxMessage message;
  message.created_at = sample_time(created);
  message.destination = std::move(destination);
  message.method = std::move(method);
  message.text = "hello";
  return message;
}

std::vector<std::int64_t> ids_of(const std::vector<OutboxMessage>& messages) {
  std::vector<std::int64_t> ids;
  ids.reserve(messages.size());
  for (const auto& message : messages) ids.push_back(message.id);
  return ids;
}

TEST_CASE("only the oldest pending message of each destination is due", "[storage][outbox]") {
  const TempDatabase temp;
  const auto db = temp.open();
  SqliteStore store(*db);
  Transaction transaction(*db);
  const auto a1 = store.enqueue(message_to("C0A"));
  const auto b1 = store.enqueue(message_to("C0B"));
  const auto a2 = store.enqueue(message_to("C0A"));
  const auto c1 = store.enqueue(message_to("incident:INC-1", "conversations.create"));
  const auto c2 = store.enqueue(message_to("incident:INC-1"));
  CHECK(ids_of(store.due_messages(sample_time(), 16, "")) == std::vector{a1, b1, c1});
  CHECK(ids_of(store.due_messages(sample_time(), 2, "")) == std::vector{a1, b1});
  CHECK(store.pending_count() == 5);

  store.mark_sent(a1, sample_time(1s));
  store.mark_failed(c1, "invalid_name");
  CHECK(ids_of(store.due_messages(sample_time(), 16, "")) == std::vector{b1, a2, c2});
  CHECK(store.pending_count() == 3);
  transaction.commit();
}

TEST_CASE("a message scheduled for a retry blocks its destination until it is due",
          "[storage][outbox]") {
  const TempDatabase temp;
  const auto db = temp.open();
  SqliteStore store(*db);
  Transaction transaction(*db);
  const auto first = store.enqueue(message_to("C0A"));
  store.enqueue(message_to("C0A"));
  const auto other = store.enqueue(message_to("C0B", "chat.postMessage", 2s));
  store.schedule_retry(first, sample_time(10s), "http 500");

  CHECK(ids_of(store.due_messages(sample_time(5s), 16, "")) == std::vector{other});
  CHECK(store.next_attempt_at() == sample_time(2s));
  store.mark_sent(other, sample_time(5s));
  CHECK(store.next_attempt_at() == sample_time(10s));
  CHECK(ids_of(store.due_messages(sample_time(10s), 16, "")) == std::vector{first});
  transaction.commit();

  const auto read = store.outbox_after(0).front();
  CHECK(read.state == "pending");
  CHECK(read.attempts == 1);
  CHECK(read.next_attempt_at == sample_time(10s));
  CHECK(read.last_error == "http 500");
}

TEST_CASE("outcomes count attempts and keep the error", "[storage][outbox]") {
  const TempDatabase temp;
  const auto db = temp.open();
  SqliteStore store(*db);
  Transaction transaction(*db);
  const auto sent = store.enqueue(message_to("C0A"));
  const auto failed = store.enqueue(message_to("C0B"));
  store.schedule_retry(sent, sample_time(1s), "timeout");
  store.mark_sent(sent, sample_time(2s));
  store.mark_failed(failed, "channel_not_found");
  CHECK_THROWS_AS(store.mark_sent(999, sample_time()), Error);
  transaction.commit();

  const auto messages = store.outbox_after(0);
  REQUIRE(messages.size() == 2);
  CHECK(messages[0].state == "sent");
  CHECK(messages[0].attempts == 2);
  CHECK(messages[0].last_error.empty());
  CHECK_FALSE(messages[0].next_attempt_at.has_value());
  CHECK(messages[1].state == "failed");
  CHECK(messages[1].attempts == 1);
  CHECK(messages[1].last_error == "channel_not_found");
  CHECK(store.pending_count() == 0);
  CHECK_FALSE(store.next_attempt_at().has_value());
  CHECK(store.due_messages(sample_time(1h), 16, "").empty());
}

TEST_CASE("a paused method stays paused after the file is reopened", "[storage][outbox]") {
  const TempDatabase temp;
  {
    const auto db = temp.open();
    SqliteStore store(*db);
    CHECK_FALSE(store.method_paused_until("chat.postMessage").has_value());
    Transaction transaction(*db);
    store.pause_method("chat.postMessage", sample_time(30s));
    store.pause_method("chat.postMessage", sample_time(45s));
    transaction.commit();
  }
  const auto db = temp.open();
  SqliteStore store(*db);
  CHECK(store.method_paused_until("chat.postMessage") == sample_time(45s));
  CHECK_FALSE(store.method_paused_until("pins.add").has_value());
}

TEST_CASE("binding a channel makes the incident findable in it", "[storage][outbox]") {
  const TempDatabase temp;
  const auto db = temp.open();
  SqliteStore store(*db);
  Transaction transaction(*db);
  const auto incident = store.create_incident(sample_incident("Checkout is down", ""));
  store.bind_channel(incident.number, "C0NEW");
  CHECK_THROWS_AS(store.bind_channel(incident.number + 1, "C0X"), Error);
  transaction.commit();
  CHECK(store.find_incident(incident.number)->channel == "C0NEW");
  CHECK(store.find_incident_in_channel("C0NEW")->number == incident.number);
}

TEST_CASE("a delivery id is remembered once and only when committed", "[storage][outbox]") {
  const TempDatabase temp;
  const auto db = temp.open();
  SqliteStore store(*db);
  {
    Transaction rolled_back(*db);
    CHECK(store.remember_delivery("Ev01", sample_time()));
  }
  Transaction transaction(*db);
  CHECK(store.remember_delivery("Ev01", sample_time()));
  CHECK_FALSE(store.remember_delivery("Ev01", sample_time(1s)));
  CHECK(store.remember_delivery("Ev02", sample_time(1s)));
  transaction.commit();
  Transaction again(*db);
  CHECK_FALSE(store.remember_delivery("Ev02", sample_time(2s)));
}

TEST_CASE("delivery writes outside a transaction are refused", "[storage][outbox]") {
  const TempDatabase temp;
  const auto db = temp.open();
  SqliteStore store(*db);
  CHECK_THROWS_AS(store.mark_failed(1, "x"), Error);
  CHECK_THROWS_AS(store.pause_method("pins.add", sample_time()), Error);
  CHECK_THROWS_AS(store.remember_delivery("Ev01", sample_time()), Error);
}

}  // namespace
}  // namespace warroom::storage
