// Tests for paging webhooks: the outbox worker delivers `page:SEVn` rows as a JSON POST to
// the URL the config holds for that severity (query string kept), retries 5xx, stops on 4xx,
// and, without a chat platform, leaves chat rows waiting. The URL never reaches an error.
#include "bot/pager.h"

#include <catch2/catch.hpp>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "bot/outbox_worker.h"
#include "commands/clock.h"
#include "storage/database.h"
#include "storage/sqlite_store.h"
#include "storage/transaction.h"
#include "tests/support/fake_pager.h"
#include "tests/support/fake_slack.h"
#include "tests/support/temp_database.h"

namespace warroom::bot {
namespace {

using namespace std::chrono_literals;
using testing::FakePager;

storage::OutboxMessage page_row() {
  return {.created_at = commands::SystemClock{}.now(),
          .destination = "page:SEV1",
          .method = "page",
          .template_name = "page",
          .text =
              "INC-4 escalated to SEV1 (was SEV2) by \x1E"
              "bob\x1F: card payments fail",
          .fields = {{"key", "INC-4"},
                     {"title", "Payments failing"},
                     {"severity", "SEV1"},
                     {"status", "investigating"},
                     {"owner", "alice"},
                     {"service", "payments"},
                     {"actor", "bob"}}};
}

struct Harness {
  FakePager pager_service;
  commands::Config config;
  testing::TempDatabase temp;
  std::unique_ptr<storage::Database> db = temp.open();
  storage::SqliteStore store{*db};
  commands::SystemClock clock;
  Pager pager{config, "https://warroom.example.com", {.connect = 1s, .read = 1s}};
  OutboundRouter router{nullptr, pager};
  std::optional<OutboxWorker> worker;

  Harness() { config.severities.at(0).page = pager_service.url(); }
  void start() { worker.emplace(temp.path().string(), router, clock, "page:"); }
  std::int64_t enqueue(const storage::OutboxMessage& message) {
    storage::Transaction transaction(*db);
    const auto id = store.enqueue(message);
    transaction.commit();
    if (worker) worker->notify();
    return id;
  }
  storage::OutboxMessage row(std::int64_t id) { return store.outbox_after(id - 1).at(0); }
};

TEST_CASE("a page row is POSTed as JSON to the severity's webhook", "[pager]") {
  Harness harness;
  harness.start();
  const auto id = harness.enqueue(page_row());
  REQUIRE(testing::wait_for([&] { return harness.row(id).state == "sent"; }));
  REQUIRE(harness.pager_service.bodies().size() == 1);
  CHECK(harness.pager_service.targets().front() == "/hook?key=s3cret");
  const auto body = nlohmann::json::parse(harness.pager_service.bodies().front());
  CHECK(body["event"] == "incident.paged");
  CHECK(body["incident"] == "INC-4");
  CHECK(body["severity"] == "SEV1");
  CHECK(body["owner"] == "alice");
  CHECK(body["service"] == "payments");
  CHECK(body["text"] == "INC-4 escalated to SEV1 (was SEV2) by @bob: card payments fail");
  CHECK(body["url"] == "https://warroom.example.com/incidents/INC-4");
}

TEST_CASE("without a chat platform chat rows wait while pages go out", "[pager]") {
  Harness harness;
  storage::OutboxMessage chat = page_row();
  chat.destination = "C0ANNOUNCE";
  chat.method = "chat.postMessage";
  const auto chat_id = harness.enqueue(chat);
  harness.start();
  const auto page_id = harness.enqueue(page_row());
  REQUIRE(testing::wait_for([&] { return harness.row(page_id).state == "sent"; }));
  std::this_thread::sleep_for(1200ms);  // a whole idle round of the worker
  CHECK(harness.row(chat_id).state == "pending");
  CHECK(harness.row(chat_id).attempts == 0);
}

TEST_CASE("a page answered 500 is retried and 404 fails for good", "[pager]") {
  Harness harness;
  harness.pager_service.answer({500});
  harness.start();
  const auto retried = harness.enqueue(page_row());
  REQUIRE(testing::wait_for([&] { return harness.row(retried).state == "sent"; }));
  CHECK(harness.row(retried).attempts == 2);
  CHECK(harness.pager_service.bodies().size() == 2);

  harness.pager_service.answer({404});
  const auto failed = harness.enqueue(page_row());
  REQUIRE(testing::wait_for([&] { return harness.row(failed).state == "failed"; }));
  const auto row = harness.row(failed);
  CHECK(row.last_error == "paging webhook for SEV1 answered HTTP 404");
  CHECK(row.last_error.find("s3cret") == std::string::npos);
}

TEST_CASE("a page for a severity without a webhook fails and says why", "[pager]") {
  commands::Config config;
  const Pager pager(config, "");
  auto row = page_row();
  row.destination = "page:SEV2";
  const auto delivery = pager.deliver(row);
  CHECK(delivery.outcome == Delivery::Outcome::failed);
  CHECK(delivery.error == "the config has no paging webhook for SEV2");
  row.destination = "page:SEV9";
  CHECK(pager.deliver(row).error == "destination \"page:SEV9\" names no severity");
}

TEST_CASE("a 429 from the pager carries its Retry-After", "[pager]") {
  FakePager service;
  service.answer({429});
  const auto delivery = post_json(service.url(), "{}", "paging webhook");
  CHECK(delivery.outcome == Delivery::Outcome::rate_limited);
  CHECK(delivery.retry_after == 7s);
}

TEST_CASE("UrlParts splits origin and target and refuses what it cannot call", "[pager]") {
  const auto parts = UrlParts::parse("https://pager.example.com:8443/v2/enqueue?routing=abc");
  REQUIRE(parts);
  CHECK(parts->origin == "https://pager.example.com:8443");
  CHECK(parts->target == "/v2/enqueue?routing=abc");
  CHECK(parts->host == "pager.example.com");
  CHECK(UrlParts::parse("http://example.com")->target == "/");
  CHECK(UrlParts::parse("http://example.com?x=1")->target == "/?x=1");
  CHECK_FALSE(UrlParts::parse("ftp://example.com/x"));
  CHECK_FALSE(UrlParts::parse("https://user:pw@example.com/x"));
  CHECK_FALSE(UrlParts::parse("https:///x"));
  CHECK_FALSE(UrlParts::parse("https://example.com/x#frag"));
  CHECK_FALSE(UrlParts::parse("https://example.com/a b"));
  CHECK(UrlParts::parse("http://127.0.0.1:8080/hook")->host == "127.0.0.1");
  CHECK_FALSE(UrlParts::parse("https://example.com:/x"));
  CHECK_FALSE(UrlParts::parse("https://example.com:80a/x"));
  CHECK_FALSE(UrlParts::parse("https://example.com:+443/x"));
}

}  // namespace
}  // namespace warroom::bot
