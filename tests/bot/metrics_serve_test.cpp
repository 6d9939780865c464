// GET /metrics end to end: a real `warroom serve` runs signed slash commands, then the page is
// read over HTTP, checked as Prometheus text (and by promtool when it is installed), and read
// like Prometheus would: counts by command and outcome, gauges, growing histograms, access.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <set>
#include <sstream>
#include <thread>

#include "storage/sqlite_store.h"
#include "tests/support/prometheus_text.h"
#include "tests/support/read_server.h"
#include "tests/support/slack_requests.h"

namespace warroom::testing {
namespace {

constexpr const char* form = "application/x-www-form-urlencoded";
const std::string duration_count = "warroom_http_request_duration_seconds_count";

std::map<std::string, std::string> slack_environment() {
  return {{"SLACK_SIGNING_SECRET", test_signing_secret},
          {"WARROOM_ANNOUNCE_CHANNEL", "C0ANNOUNCE"},
          {"WARROOM_INCIDENT_CHANNELS", "off"}};
}

void command(const ReadServer& server, const std::string& channel, const std::string& text) {
  const auto answer =
      post_signed(server.port(), "/slack/commands", slash_body("U1", channel, text), form);
  REQUIRE(answer);
  REQUIRE(answer->status == 200);
}

std::string problems_of(const PrometheusPage& page) {
  std::string all;
  for (const auto& problem : page.problems) all += problem + "\n";
  return all;
}

// Scrapes until `ready` holds for the page (requests are counted just after their answer
// is written, so a count may trail its request by a moment); fails at the deadline.
PrometheusPage scrape_until(const ReadServer& server,
                            const std::function<bool(const PrometheusPage&)>& ready) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (true) {
    const auto answer = server.get("/metrics");
    REQUIRE(answer->status == 200);
    auto page = check_prometheus_text(answer->body);
    if (ready(page)) return page;
    if (std::chrono::steady_clock::now() > until) {
      FAIL("the metrics page never reached the expected state:\n" << answer->body);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

double requests_to(const PrometheusPage& page, const std::string& group) {
  return page.value(duration_count, {{"path", group}}).value_or(-1);
}

// promtool's path when it is installed (Debian's `prometheus` package), else "".
std::string promtool_path() {
  const char* path = std::getenv("PATH");
  std::istringstream folders(path ? path : "");
  std::string folder;
  while (std::getline(folders, folder, ':')) {
    const std::string candidate = folder + "/promtool";
    if (!folder.empty() && access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return {};
}

}  // namespace

TEST_CASE("GET /metrics counts the commands the server ran by command and outcome",
          "[metrics][e2e]") {
  ReadServer server(slack_environment());
  command(server, "C1", "declare Checkout errors sev1");
  command(server, "C1", "ack");
  command(server, "C1", "update rolling back");
  command(server, "C1", "sev five because");
  command(server, "C2", "frobnicate the thing");
  command(server, "C2", "declare Search slow sev3");
  command(server, "C2", "resolve reindexed");
  command(server, "C2", "help");

  const auto answer = server.get("/metrics");
  REQUIRE(answer->status == 200);
  CHECK(answer->get_header_value("Content-Type") == "text/plain; version=0.0.4");
  CHECK(answer->get_header_value("Cache-Control") == "no-store");
  const auto page = check_prometheus_text(answer->body);
  INFO(answer->body);
  CHECK(problems_of(page).empty());
  const auto commands_run = [&page](const char* name, const char* outcome) {
    return page.value("warroom_commands_total", {{"command", name}, {"outcome", outcome}});
  };
  CHECK(commands_run("declare", "ok") == 2);
  CHECK(commands_run("ack", "ok") == 1);
  CHECK(commands_run("update", "ok") == 1);
  CHECK(commands_run("resolve", "ok") == 1);
  CHECK(commands_run("help", "ok") == 1);
  CHECK(commands_run("sev", "refused") == 1);
  CHECK(commands_run("unknown", "refused") == 1);
  CHECK(commands_run("sev", "ok") == 0);
  CHECK(commands_run("declare", "error") == 0);

  CHECK(page.value("warroom_incidents_open", {{"severity", "SEV1"}}) == 1);
  for (const char* severity : {"SEV2", "SEV3", "SEV4"}) {
    CHECK(page.value("warroom_incidents_open", {{"severity", severity}}) == 0);
  }
  CHECK(page.value("warroom_updates_overdue") == 0);
  const auto db = server.database().open();
  storage::SqliteStore store(*db);
  const auto pending = store.pending_count();
  CHECK(pending > 0);  // no bot token: announcements wait in the outbox
  CHECK(page.value("warroom_outbox_pending") == static_cast<double>(pending));
  CHECK(page.value("warroom_outbox_failures_total") == 0);

  if (const std::string promtool = promtool_path(); !promtool.empty()) {
    const auto checked = run_process({promtool, "check", "metrics"}, answer->body);
    INFO(checked.out << checked.err);
    CHECK(checked.exit_code == 0);
  } else {
    WARN("promtool is not installed: the page was checked by tests/support/prometheus_text only");
  }
}

TEST_CASE("GET /metrics times every request in a histogram by route group", "[metrics][e2e]") {
  ReadServer server(slack_environment());
  command(server, "C1", "declare Checkout errors sev1");
  command(server, "C1", "note checking");
  CHECK(server.get("/status")->status == 200);
  CHECK(server.get("/incidents/INC-1.json")->status == 200);
  CHECK(server.get("/incidents/%22%7D%7Bx/review.md")->status == 404);
  CHECK(server.get("/no/such/%22page%22")->status == 404);

  const auto first = scrape_until(server, [](const PrometheusPage& page) {
    return requests_to(page, "/slack/commands") == 2 && requests_to(page, "/status") == 1 &&
           requests_to(page, "/incidents") == 2 && requests_to(page, "other") == 1;
  });
  CHECK(problems_of(first).empty());
  std::set<std::string> groups;
  for (const auto& sample : first.samples) {
    if (sample.labels.count("path") != 0) groups.insert(sample.labels.at("path"));
  }
  CHECK(groups == std::set<std::string>{"/slack/commands", "/slack/events", "/slack/interactions",
                                        "/healthz", "/readyz", "/metrics", "/status", "/incidents",
                                        "/problems", "other"});
  const double scrapes = requests_to(first, "/metrics");
  const auto later = scrape_until(
      server, [&](const PrometheusPage& page) { return requests_to(page, "/metrics") > scrapes; });
  CHECK(later.value("warroom_http_request_duration_seconds_bucket",
                    {{"path", "/metrics"}, {"le", "+Inf"}}) == requests_to(later, "/metrics"));
  CHECK(later.value("warroom_http_request_duration_seconds_sum", {{"path", "/metrics"}}) > 0);
}

TEST_CASE("GET /metrics obeys the read rule of the other read endpoints", "[metrics][e2e]") {
  SECTION("no read token: loopback only, and never through a proxy") {
    ReadServer server;
    CHECK(server.get("/metrics")->status == 200);
    CHECK(server.get("/metrics", {{"X-Forwarded-For", "203.0.113.7"}})->status == 401);
    CHECK(server.get("/metrics", {{"Forwarded", "for=203.0.113.7"}})->status == 401);
  }
  SECTION("a read token: required on every scrape") {
    ReadServer server(
        std::map<std::string, std::string>{{"WARROOM_READ_TOKEN", "metrics-reader-token"}});
    CHECK(server.get("/metrics")->status == 401);
    CHECK(server.get("/metrics", {{"Authorization", "Bearer wrong"}})->status == 401);
    CHECK(server.get("/metrics", {{"Authorization", "Bearer metrics-reader-token"}})->status ==
          200);
    CHECK(server.get("/metrics?token=metrics-reader-token")->status == 200);
  }
}

}  // namespace warroom::testing
