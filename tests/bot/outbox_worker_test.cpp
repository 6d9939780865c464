// Tests for OutboxWorker with a real database file, the real SlackChatApi and the fake Slack:
// order per destination, exactly once (across a restart too), retries, 429 pauses, failures
// on the timeline, incident channels, pins.
#include "bot/outbox_worker.h"

#include <catch2/catch.hpp>

#include "bot/slack/blocks.h"
#include "bot/slack/chat_api.h"
#include "commands/clock.h"
#include "storage/database.h"
#include "storage/sqlite_store.h"
#include "storage/transaction.h"
#include "templates/templates.h"
#include "tests/support/fake_slack.h"
#include "tests/support/raw_sqlite.h"
#include "tests/support/sample_records.h"
#include "tests/support/temp_database.h"

namespace warroom::bot {
namespace {

using namespace std::chrono_literals;
using storage::OutboxMessage;
using testing::FakeSlack;
using testing::wait_for;

OutboxMessage to(std::string destination, std::string method, std::string text = "",
                 std::map<std::string, std::string> fields = {}) {
  return OutboxMessage{.created_at = commands::SystemClock{}.now(),
                       .destination = std::move(destination),
                       .method = std::move(method),
                       .text = std::move(text),
                       .fields = std::move(fields)};
}

std::vector<std::string> post_texts(const std::vector<FakeSlack::Request>& requests,
                                    const std::string& channel) {
  std::vector<std::string> texts;
  for (const auto& request : requests) {
    if (request.method == "chat.postMessage" && request.body["channel"] == channel) {
      texts.push_back(request.body["text"].get<std::string>());
    }
  }
  return texts;
}

// A database, the fake Slack, the real Slack client pointed at it, and a worker on demand.
struct Harness {
  testing::TempDatabase temp;
  std::unique_ptr<storage::Database> db = temp.open();
  storage::SqliteStore store{*db};
  FakeSlack slack;
  templates::Templates templates;
  slack::MessageRenderer renderer{templates, "http://warroom.test"};
  slack::SlackChatApi api{slack::WebApi(slack.base_url(), "xoxb-test", {.connect = 1s, .read = 1s}),
                          renderer};
  commands::SystemClock clock;
  std::optional<OutboxWorker> worker;  // last: stopped before everything it uses

  void start() { worker.emplace(temp.path().string(), api, clock); }

  std::int64_t enqueue(const OutboxMessage& message) {
    storage::Transaction transaction(*db);
    const std::int64_t id = store.enqueue(message);
    transaction.commit();
    if (worker) worker->notify();
    return id;
  }

  std::int64_t create_incident(std::string channel) {
    storage::Transaction transaction(*db);
    const auto incident =
        store.create_incident(testing::sample_incident("Checkout is down", std::move(channel)));
    transaction.commit();
    return incident.number;
  }

  OutboxMessage row(std::int64_t id) { return store.outbox_after(id - 1).at(0); }
  bool all_done() { return store.pending_count() == 0; }
};

TEST_CASE("retry delays double from one second up to five minutes with jitter", "[outbox]") {
  CHECK(retry_delay(1, 0.0) == 1000ms);
  CHECK(retry_delay(2, 0.0) == 2000ms);
  CHECK(retry_delay(3, 0.0) == 4000ms);
  CHECK(retry_delay(9, 0.0) == 256s);
  CHECK(retry_delay(10, 0.0) == 5min);
  CHECK(retry_delay(1000, 0.0) == 5min);
  CHECK(retry_delay(1, 1.0) == 1200ms);
  CHECK(retry_delay(1, -1.0) == 800ms);
  CHECK(retry_delay(10, 1.0) == 6min);
}

TEST_CASE("messages are delivered in order per destination and each exactly once", "[outbox]") {
  Harness harness;
  for (const char* text : {"a1", "b1", "a2", "a3", "b2", "a4", "b3"}) {
    harness.enqueue(to(text[0] == 'a' ? "C0A" : "C0B", "chat.postMessage", text));
  }
  harness.slack.answer("chat.postMessage", FakeSlack::server_error(), 1);  // a1's first try
  harness.start();
  REQUIRE(wait_for([&] { return harness.all_done(); }));
  harness.worker.reset();

  const auto requests = harness.slack.requests();
  CHECK(post_texts(requests, "C0A") == std::vector<std::string>{"a1", "a1", "a2", "a3", "a4"});
  CHECK(post_texts(requests, "C0B") == std::vector<std::string>{"b1", "b2", "b3"});
  CHECK(requests.size() == 8);
  for (const auto& message : harness.store.outbox_after(0)) CHECK(message.state == "sent");
}

TEST_CASE("a 429 pauses that method until Retry-After has passed", "[outbox]") {
  Harness harness;
  const auto first = harness.enqueue(to("C0A", "chat.postMessage", "first"));
  harness.enqueue(to("C0B", "chat.postMessage", "second"));
  harness.enqueue(to("C0C", "conversations.invite", "", {{"users", "U0BOB"}}));
  harness.slack.answer("chat.postMessage", FakeSlack::rate_limited(1), 1);
  harness.start();
  REQUIRE(wait_for([&] { return harness.all_done(); }));

  const auto posts = harness.slack.requests("chat.postMessage");
  REQUIRE(posts.size() == 3);
  for (std::size_t i = 1; i < posts.size(); ++i) {
    CAPTURE(i);
    CHECK(posts[i].at - posts[0].at >= 950ms);  // Retry-After: 1, with a margin for clocks
  }
  const auto invites = harness.slack.requests("conversations.invite");
  REQUIRE(invites.size() == 1);
  CHECK(invites[0].at < posts[1].at);  // other methods are not paused
  CHECK(harness.row(first).attempts == 2);
  CHECK(harness.store.method_paused_until("chat.postMessage").has_value());
  CHECK_FALSE(harness.store.method_paused_until("conversations.invite").has_value());
}

TEST_CASE("a 500 or a hanging call is retried later and delivered once Slack recovers",
          "[outbox]") {
  Harness harness;
  SECTION("500") {
    harness.slack.answer("chat.postMessage", FakeSlack::server_error(), 1);
  }
  SECTION("hang") {
    harness.slack.answer("chat.postMessage", FakeSlack::hanging(), 1);
  }
  const auto id = harness.enqueue(to("C0A", "chat.postMessage", "hello"));
  harness.start();
  REQUIRE(wait_for([&] { return harness.all_done(); }));

  const auto posts = harness.slack.requests("chat.postMessage");
  REQUIRE(posts.size() == 2);
  CHECK(posts[1].at - posts[0].at >= 750ms);  // at least the first backoff, 1 s minus jitter
  const auto row = harness.row(id);
  CHECK(row.state == "sent");
  CHECK(row.attempts == 2);
}

TEST_CASE("channel_not_found fails the message and writes delivery_failed on the timeline",
          "[outbox]") {
  Harness harness;
  const auto incident = harness.create_incident("C0GONE");
  OutboxMessage post = to("C0GONE", "chat.postMessage", "update");
  post.incident = incident;
  const auto id = harness.enqueue(post);
  harness.enqueue(to("C0GONE", "conversations.setTopic", "", {{"topic", "SEV2"}}));
  harness.slack.answer("chat.postMessage", FakeSlack::slack_error("channel_not_found"));
  harness.start();
  REQUIRE(wait_for([&] { return harness.all_done(); }));

  const auto row = harness.row(id);
  CHECK(row.state == "failed");
  CHECK(row.last_error == "channel_not_found");
  CHECK(harness.slack.requests("chat.postMessage").size() == 1);
  CHECK(harness.slack.requests("conversations.setTopic").size() == 1);  // the next one still goes
  const auto events = harness.store.events(incident);
  REQUIRE(events.size() == 1);
  CHECK(events[0].kind == "delivery_failed");
  CHECK(events[0].actor == "warroom");
  CHECK(events[0].text == "could not deliver chat.postMessage: channel_not_found");
  CHECK(events[0].fields == storage::EventData{{"method", "chat.postMessage"},
                                               {"error", "channel_not_found"},
                                               {"message_id", std::to_string(id)}});
  CHECK(harness.store.verify_chain(incident).intact);
}

TEST_CASE("incident messages wait for conversations.create and go to the new channel", "[outbox]") {
  Harness harness;
  const auto incident = harness.create_incident("");
  const std::string destination = "incident:INC-" + std::to_string(incident);
  OutboxMessage create =
      to(destination, "conversations.create", "inc-1-checkout", {{"name", "inc-1-checkout"}});
  create.incident = incident;
  harness.enqueue(create);
  harness.enqueue(to(destination, "chat.postMessage", "declared"));
  harness.enqueue(to(destination, "conversations.setTopic", "", {{"topic", "SEV2"}}));
  harness.enqueue(to(destination, "conversations.invite", "", {{"users", "U0ALICE"}}));
  harness.slack.answer("conversations.create", FakeSlack::server_error(), 1);
  harness.start();
  REQUIRE(wait_for([&] { return harness.all_done(); }));

  CHECK(harness.store.find_incident(incident)->channel == "C1");
  const auto requests = harness.slack.requests();
  REQUIRE(requests.size() == 5);                        // in queue order, each once
  CHECK(requests[0].method == "conversations.create");  // the 500
  CHECK(requests[1].method == "conversations.create");
  CHECK(requests[1].body["name"] == "inc-1-checkout");
  CHECK(requests[2].method == "chat.postMessage");
  CHECK(requests[3].method == "conversations.setTopic");
  CHECK(requests[4].method == "conversations.invite");
  CHECK(requests[4].body["users"] == "U0ALICE");
  for (std::size_t i = 2; i < requests.size(); ++i) {
    CAPTURE(i);
    CHECK(requests[i].body["channel"] == "C1");
  }
}

TEST_CASE("a post marked pin leads to pins.add with the timestamp Slack returned", "[outbox]") {
  Harness harness;
  harness.enqueue(to("C0A", "chat.postMessage", "declared", {{"pin", "true"}}));
  harness.enqueue(to("C0B", "chat.postMessage", "not pinned"));
  harness.start();
  REQUIRE(wait_for([&] { return harness.all_done(); }));

  const auto posts = harness.slack.requests("chat.postMessage");
  REQUIRE(posts.size() == 2);
  const auto pins = harness.slack.requests("pins.add");
  REQUIRE(pins.size() == 1);
  CHECK(pins[0].body["channel"] == "C0A");
  CHECK(pins[0].body["timestamp"] == "1700000001.000100");  // the fake's first ts
}

TEST_CASE("a new worker on the same file delivers the rest without sending anything twice",
          "[outbox]") {
  Harness harness;
  const auto m1 = harness.enqueue(to("C0A", "chat.postMessage", "m1"));
  const auto m2 = harness.enqueue(to("C0A", "conversations.setTopic", "", {{"topic", "m2"}}));
  harness.enqueue(to("C0A", "chat.postMessage", "m3"));
  const auto m4 = harness.enqueue(to("C0B", "chat.postMessage", "m4"));
  harness.slack.answer("conversations.setTopic", FakeSlack::server_error());
  harness.start();
  REQUIRE(wait_for([&] {
    return harness.row(m1).state == "sent" && harness.row(m4).state == "sent" &&
           harness.row(m2).attempts >= 1;
  }));
  harness.worker.reset();
  CHECK(harness.slack.requests("chat.postMessage").size() == 2);

  harness.slack.answer_normally("conversations.setTopic");
  harness.start();
  REQUIRE(wait_for([&] { return harness.all_done(); }));
  harness.worker.reset();
  const auto requests = harness.slack.requests();
  CHECK(post_texts(requests, "C0A") == std::vector<std::string>{"m1", "m3"});
  CHECK(post_texts(requests, "C0B") == std::vector<std::string>{"m4"});
  CHECK(harness.row(m2).state == "sent");
}

TEST_CASE("a storage error in the worker is logged and retried, not fatal", "[outbox]") {
  Harness harness;
  const auto id = harness.enqueue(to("C0A", "chat.postMessage", "after the repair"));
  testing::RawSqlite raw(harness.temp.path());
  raw.execute("UPDATE outbox SET fields = 'not json' WHERE id = " + std::to_string(id));
  harness.start();
  // The worker's rounds throw while the row is corrupt; it must keep going, sending nothing.
  CHECK_FALSE(wait_for([&] { return !harness.slack.requests().empty(); }, 300ms));

  raw.execute("UPDATE outbox SET fields = '{}' WHERE id = " + std::to_string(id));
  REQUIRE(wait_for([&] { return harness.all_done(); }));
  CHECK(harness.slack.requests("chat.postMessage").size() == 1);
}

TEST_CASE("an announcement that links the incident channel waits for it and links it", "[outbox]") {
  Harness harness;
  const auto incident = harness.create_incident("");
  const std::string destination = "incident:INC-" + std::to_string(incident);
  OutboxMessage announcement = to("C0ANNOUNCE", "chat.postMessage", "declared",
                                  {{"wait_for_channel", "true"}, {"key", "INC-1"}});
  announcement.template_name = "declared";
  announcement.incident = incident;
  harness.enqueue(announcement);  // queued first, but it must wait for the channel
  OutboxMessage create = to(destination, "conversations.create", "", {{"name", "inc-1-x"}});
  create.incident = incident;
  harness.enqueue(create);
  harness.start();
  REQUIRE(wait_for([&] { return harness.all_done(); }));

  const auto requests = harness.slack.requests();
  REQUIRE(requests.size() == 2);
  CHECK(requests[0].method == "conversations.create");
  CHECK(requests[1].body["channel"] == "C0ANNOUNCE");
  CHECK(requests[1].body["blocks"].back()["elements"][0]["url"] ==
        "https://slack.com/app_redirect?channel=C1");
}

TEST_CASE("when the incident channel cannot be created the incident stays where it was declared",
          "[outbox]") {
  Harness harness;
  const auto incident = harness.create_incident("");
  const std::string destination = "incident:INC-" + std::to_string(incident);
  OutboxMessage create = to(destination, "conversations.create", "", {{"name", "inc-1-x"}});
  create.incident = incident;
  harness.enqueue(create);
  harness.enqueue(to(destination, "conversations.setTopic", "", {{"topic", "INC-1"}}));
  OutboxMessage announcement = to("C0ANNOUNCE", "chat.postMessage", "declared",
                                  {{"wait_for_channel", "true"}, {"key", "INC-1"}});
  announcement.template_name = "declared";
  announcement.incident = incident;
  harness.enqueue(announcement);
  harness.slack.answer("conversations.create", FakeSlack::slack_error("missing_scope"));
  harness.start();
  REQUIRE(wait_for([&] { return harness.all_done(); }));

  CHECK(harness.store.find_incident(incident)->channel == "C0GENERAL");
  CHECK(harness.slack.requests("conversations.setTopic").empty());  // not the general topic
  const auto posts = harness.slack.requests("chat.postMessage");
  REQUIRE(posts.size() == 1);
  CHECK(posts[0].body["channel"] == "C0ANNOUNCE");
  CHECK(posts[0].body["blocks"].back()["elements"][0]["url"] ==
        "https://slack.com/app_redirect?channel=C0GENERAL");
  const auto rows = harness.store.outbox_after(0);
  CHECK(rows[1].state == "failed");
  CHECK(rows[1].last_error == "the incident channel could not be created: missing_scope");
}

}  // namespace
}  // namespace warroom::bot
