// Tests for SlackChatApi and WebApi against the fake Slack on loopback: what each method
// sends, and how Slack's answers (429, 5xx, ok:false, name_taken) become delivery outcomes.
#include "bot/slack/chat_api.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "bot/slack/blocks.h"
#include "templates/templates.h"
#include "tests/support/fake_slack.h"

namespace warroom::bot::slack {
namespace {

using namespace std::chrono_literals;
using Outcome = Delivery::Outcome;
using testing::FakeSlack;

constexpr WebApi::Timeouts test_timeouts{.connect = 1s, .read = 2s};

std::string read_fixture(const std::string& name) {
  std::ifstream file(std::string{WARROOM_SHARED_DIR} + "/fixtures/slack/" + name);
  REQUIRE(file.good());
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

storage::OutboxMessage message(std::string method, std::map<std::string, std::string> fields = {},
                               std::string text = "hello") {
  storage::OutboxMessage result;
  result.id = 1;
  result.destination = "C0A";
  result.method = std::move(method);
  result.text = std::move(text);
  result.fields = std::move(fields);
  return result;
}

struct Harness {
  FakeSlack slack;
  templates::Templates templates;
  MessageRenderer renderer{templates, "http://warroom.test"};
  SlackChatApi api{WebApi(slack.base_url(), "xoxb-test-token", test_timeouts), renderer};
};

TEST_CASE("a base URL splits into the origin and a path prefix", "[outbox]") {
  const auto base = BaseUrl::parse("https://slack.com/api/");
  REQUIRE(base);
  CHECK(base->origin == "https://slack.com");
  CHECK(base->path_prefix == "/api/");
  const auto local = BaseUrl::parse("http://127.0.0.1:8089/api");
  REQUIRE(local);
  CHECK(local->origin == "http://127.0.0.1:8089");
  CHECK(local->path_prefix == "/api/");
  CHECK(BaseUrl::parse("http://example.com")->path_prefix == "/");
  for (const char* bad : {"slack.com/api/", "ftp://slack.com/api/", "https:///api/",
                          "https://user@slack.com/api/", "https://slack.com/api/?x=1"}) {
    CAPTURE(bad);
    CHECK_FALSE(BaseUrl::parse(bad).has_value());
  }
  CHECK_THROWS_AS(WebApi("not a url", "xoxb-secret"), std::invalid_argument);
}

TEST_CASE("a post carries the bearer token and JSON under the path prefix", "[outbox]") {
  Harness harness;
  const Delivery delivery = harness.api.deliver(message("chat.postMessage"), "C0A");
  CHECK(delivery.outcome == Outcome::sent);
  CHECK(delivery.ts == "1700000001.000100");
  const auto requests = harness.slack.requests();
  REQUIRE(requests.size() == 1);
  CHECK(requests[0].path == "/api/chat.postMessage");
  CHECK(requests[0].authorization == "Bearer xoxb-test-token");
  CHECK(requests[0].content_type == "application/json; charset=utf-8");
  REQUIRE(requests[0].body.is_object());
  CHECK(requests[0].body["channel"] == "C0A");
  CHECK(requests[0].body["text"] == "hello");
}

TEST_CASE("each method sends the fields Slack expects", "[outbox]") {
  Harness harness;
  auto& api = harness.api;
  CHECK(api.deliver(message("conversations.invite", {{"users", "U1,U2"}}), "C0A").outcome ==
        Outcome::sent);
  CHECK(
      api.deliver(message("conversations.setTopic", {{"topic", "SEV1 checkout"}}), "C0A").outcome ==
      Outcome::sent);
  CHECK(api.deliver(message("chat.postEphemeral", {{"user", "U1"}}, "a < b"), "C0A").outcome ==
        Outcome::sent);
  CHECK(api.deliver(message("pins.add", {{"timestamp", "1.2"}}), "C0A").outcome == Outcome::sent);
  const auto requests = harness.slack.requests();
  REQUIRE(requests.size() == 4);
  CHECK(requests[0].body == nlohmann::json{{"channel", "C0A"}, {"users", "U1,U2"}});
  CHECK(requests[1].body == nlohmann::json{{"channel", "C0A"}, {"topic", "SEV1 checkout"}});
  CHECK(requests[2].body ==
        nlohmann::json{{"channel", "C0A"}, {"user", "U1"}, {"text", "a &lt; b"}});
  CHECK(requests[3].body == nlohmann::json{{"channel", "C0A"}, {"timestamp", "1.2"}});
}

TEST_CASE("a created channel's id comes back and a taken name gets a suffix", "[outbox]") {
  Harness harness;
  const auto create = message("conversations.create", {{"name", "inc-7-checkout"}});
  SECTION("two names taken") {
    harness.slack.answer("conversations.create", FakeSlack::slack_error("name_taken"), 2);
    const Delivery delivery = harness.api.deliver(create, "");
    CHECK(delivery.outcome == Outcome::sent);
    CHECK(delivery.channel == "C1");
    const auto requests = harness.slack.requests();
    REQUIRE(requests.size() == 3);
    CHECK(requests[0].body["name"] == "inc-7-checkout");
    CHECK(requests[1].body["name"] == "inc-7-checkout-2");
    CHECK(requests[2].body["name"] == "inc-7-checkout-3");
  }
  SECTION("every name taken") {
    harness.slack.answer("conversations.create", FakeSlack::slack_error("name_taken"));
    const Delivery delivery = harness.api.deliver(create, "");
    CHECK(delivery.outcome == Outcome::failed);
    CHECK(delivery.error.starts_with("name_taken"));
    CHECK(harness.slack.requests().size() == 9);
    CHECK(harness.slack.requests().back().body["name"] == "inc-7-checkout-9");
  }
}

TEST_CASE("Slack's answers become sent, retry, rate_limited or failed", "[outbox]") {
  struct Case {
    std::string name;
    FakeSlack::Answer answer;
    Outcome outcome;
    std::string error;
    std::chrono::milliseconds retry_after{0};
  };
  const auto fixture = nlohmann::json::parse(read_fixture("web-api-ratelimited-429.json"));
  const FakeSlack::Answer documented_429{
      .status = fixture["status"].get<int>(),
      .body = fixture["body"].get<std::string>(),
      .retry_after_seconds = std::stoi(fixture["headers"]["retry-after"].get<std::string>())};
  const std::vector<Case> cases{
      {"the documented 429", documented_429, Outcome::rate_limited, "ratelimited", 1000ms},
      {"429 with Retry-After 7", FakeSlack::rate_limited(7), Outcome::rate_limited, "ratelimited",
       7000ms},
      {"429 without Retry-After", FakeSlack::rate_limited(std::nullopt), Outcome::rate_limited,
       "ratelimited", 1000ms},
      {"500", FakeSlack::server_error(), Outcome::retry, "HTTP 500"},
      {"internal_error", FakeSlack::slack_error("internal_error"), Outcome::retry,
       "internal_error"},
      {"already_in_channel", FakeSlack::slack_error("already_in_channel"), Outcome::sent,
       "already_in_channel"},
      {"cant_invite_self", FakeSlack::slack_error("cant_invite_self"), Outcome::sent,
       "cant_invite_self"},
      {"already_pinned", FakeSlack::slack_error("already_pinned"), Outcome::sent, "already_pinned"},
      {"channel_not_found", FakeSlack::slack_error("channel_not_found"), Outcome::failed,
       "channel_not_found"},
      {"invalid_auth", FakeSlack::slack_error("invalid_auth"), Outcome::failed, "invalid_auth"},
      {"not JSON", FakeSlack::Answer{.body = "<html>"}, Outcome::failed,
       "the answer is not a JSON object (HTTP 200)"},
      {"the create shape",
       FakeSlack::Answer{.body = read_fixture("web-api-conversations.create-shape.json")},
       Outcome::failed, "HTTP 200 without an error"},
  };
  Harness harness;
  for (const Case& test : cases) {
    CAPTURE(test.name);
    harness.slack.answer("conversations.invite", test.answer, 1);
    const Delivery delivery =
        harness.api.deliver(message("conversations.invite", {{"users", "U1"}}), "C0A");
    CHECK(delivery.outcome == test.outcome);
    CHECK(delivery.error == test.error);
    CHECK(delivery.retry_after == test.retry_after);
  }
}

TEST_CASE("an unreachable Slack is retried and an unknown method fails without a call",
          "[outbox]") {
  Harness harness;
  templates::Templates templates;
  MessageRenderer renderer{templates, "http://warroom.test"};
  SlackChatApi nowhere{WebApi("http://127.0.0.1:1/api/", "xoxb-test-token", test_timeouts),
                       renderer};
  const Delivery refused = nowhere.deliver(message("chat.postMessage"), "C0A");
  CHECK(refused.outcome == Outcome::retry);
  CHECK(refused.error.starts_with("network: "));

  const Delivery unknown = harness.api.deliver(message("chat.teleport"), "C0A");
  CHECK(unknown.outcome == Outcome::failed);
  CHECK(unknown.error == "unknown chat API method chat.teleport");
  CHECK(harness.slack.requests().empty());
}

TEST_CASE("a hanging Slack call gives up at the read timeout and is retried", "[outbox]") {
  FakeSlack slack;
  templates::Templates templates;
  MessageRenderer renderer{templates, "http://warroom.test"};
  SlackChatApi api{WebApi(slack.base_url(), "xoxb-test-token", {.connect = 1s, .read = 1s}),
                   renderer};
  slack.answer("pins.add", FakeSlack::hanging(), 1);
  const auto started = std::chrono::steady_clock::now();
  const Delivery delivery = api.deliver(message("pins.add", {{"timestamp", "1.2"}}), "C0A");
  CHECK(delivery.outcome == Outcome::retry);
  CHECK(std::chrono::steady_clock::now() - started < 5s);
  CHECK(api.deliver(message("pins.add", {{"timestamp", "1.2"}}), "C0A").outcome == Outcome::sent);
}

}  // namespace
}  // namespace warroom::bot::slack
