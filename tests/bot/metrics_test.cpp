// The /metrics page in process: the counters (bot/metrics.h), the database figures and the
// page (bot/metrics_page.h), checked by the Prometheus text checker, which is itself checked
// here against pages that break each rule.
#include "bot/metrics.h"

#include <catch2/catch.hpp>
#include <stdexcept>
#include <thread>
#include <vector>

#include "bot/command_writer.h"
#include "bot/metrics_page.h"
#include "storage/sqlite_store.h"
#include "tests/support/chat_session.h"
#include "tests/support/prometheus_text.h"

namespace warroom::testing {
namespace {

using bot::Metrics;
using std::chrono::microseconds;
using std::chrono::milliseconds;

std::string problems_of(const PrometheusPage& page) {
  std::string all;
  for (const auto& problem : page.problems) all += problem + "\n";
  return all;
}

}  // namespace

TEST_CASE("request paths are counted under a closed set of route groups", "[metrics]") {
  const auto [path, group] = GENERATE(table<std::string, std::string>({
      {"/slack/commands", "/slack/commands"},
      {"/slack/events", "/slack/events"},
      {"/healthz", "/healthz"},
      {"/metrics", "/metrics"},
      {"/status", "/status"},
      {"/status.json", "/status"},
      {"/incidents/INC-7", "/incidents"},
      {"/incidents/INC-7/review.html", "/incidents"},
      {"/incidents/\"}{evil", "/incidents"},
      {"/problems.json", "/problems"},
      {"/", "other"},
      {"/metrics/x", "other"},
      {"/wp-login.php?user=\"x\"", "other"},
  }));
  CAPTURE(path);
  CHECK(bot::path_group(path) == group);
}

TEST_CASE("the metrics page lists every family with zeros before anything happened", "[metrics]") {
  const Metrics metrics;
  const std::string text = bot::render_metrics(metrics, {});
  const auto page = check_prometheus_text(text);
  INFO(text);
  CHECK(problems_of(page).empty());
  CHECK(page.types ==
        std::map<std::string, std::string>{{"warroom_incidents_open", "gauge"},
                                           {"warroom_updates_overdue", "gauge"},
                                           {"warroom_commands_total", "counter"},
                                           {"warroom_outbox_pending", "gauge"},
                                           {"warroom_outbox_failures_total", "counter"},
                                           {"warroom_http_request_duration_seconds", "histogram"}});
  for (const char* severity : {"SEV1", "SEV2", "SEV3", "SEV4"}) {
    CHECK(page.value("warroom_incidents_open", {{"severity", severity}}) == 0);
  }
  CHECK(page.value("warroom_commands_total", {{"command", "declare"}, {"outcome", "ok"}}) == 0);
  CHECK(page.value("warroom_commands_total", {{"command", "stats"}, {"outcome", "error"}}) == 0);
  CHECK(page.value("warroom_commands_total", {{"command", "unknown"}, {"outcome", "refused"}}) ==
        0);
  CHECK(page.value("warroom_http_request_duration_seconds_count", {{"path", "other"}}) == 0);
  CHECK(page.value("warroom_outbox_pending") == 0);
}

TEST_CASE("counted commands and requests appear on the page with cumulative buckets", "[metrics]") {
  Metrics metrics;
  metrics.count_command("declare", Metrics::CommandOutcome::ok);
  metrics.count_command("declare", Metrics::CommandOutcome::ok);
  metrics.count_command("sev", Metrics::CommandOutcome::refused);
  metrics.count_command("no-such-command", Metrics::CommandOutcome::refused);
  metrics.count_command("note", Metrics::CommandOutcome::error);
  metrics.observe_request("/status", microseconds(500));  // exactly on the first bound
  metrics.observe_request("/status.json", milliseconds(30));
  metrics.observe_request("/status", std::chrono::seconds(3));  // only in +Inf
  const bot::DatabaseFigures figures{.open_by_severity = {1, 0, 2, 0},
                                     .outbox_pending = 4,
                                     .outbox_failures = 1,
                                     .updates_overdue = 2};
  const auto page = check_prometheus_text(bot::render_metrics(metrics, figures));
  CHECK(problems_of(page).empty());
  CHECK(page.value("warroom_commands_total", {{"command", "declare"}, {"outcome", "ok"}}) == 2);
  CHECK(page.value("warroom_commands_total", {{"command", "sev"}, {"outcome", "refused"}}) == 1);
  CHECK(page.value("warroom_commands_total", {{"command", "unknown"}, {"outcome", "refused"}}) ==
        1);
  CHECK(page.value("warroom_commands_total", {{"command", "note"}, {"outcome", "error"}}) == 1);
  CHECK(page.value("warroom_incidents_open", {{"severity", "SEV3"}}) == 2);
  CHECK(page.value("warroom_outbox_pending") == 4);
  CHECK(page.value("warroom_outbox_failures_total") == 1);
  CHECK(page.value("warroom_updates_overdue") == 2);
  const std::string bucket = "warroom_http_request_duration_seconds_bucket";
  CHECK(page.value(bucket, {{"path", "/status"}, {"le", "0.0005"}}) == 1);
  CHECK(page.value(bucket, {{"path", "/status"}, {"le", "0.025"}}) == 1);
  CHECK(page.value(bucket, {{"path", "/status"}, {"le", "0.05"}}) == 2);
  CHECK(page.value(bucket, {{"path", "/status"}, {"le", "2.5"}}) == 2);
  CHECK(page.value(bucket, {{"path", "/status"}, {"le", "+Inf"}}) == 3);
  CHECK(page.value("warroom_http_request_duration_seconds_count", {{"path", "/status"}}) == 3);
  CHECK(page.value("warroom_http_request_duration_seconds_sum", {{"path", "/status"}}) ==
        Approx(3.0305));
}

TEST_CASE("counting from many threads at once loses nothing", "[metrics]") {
  Metrics metrics;
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&metrics] {
      for (int i = 0; i < 1000; ++i) {
        metrics.observe_request("/healthz", microseconds(100));
        metrics.count_command("ack", Metrics::CommandOutcome::ok);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  const auto page = check_prometheus_text(bot::render_metrics(metrics, {}));
  CHECK(page.value("warroom_http_request_duration_seconds_count", {{"path", "/healthz"}}) == 8000);
  CHECK(page.value("warroom_commands_total", {{"command", "ack"}, {"outcome", "ok"}}) == 8000);
}

TEST_CASE("the database figures count open incidents by severity and overdue updates",
          "[metrics]") {
  ChatSession session;
  session.run("alice", "declare Checkout down sev1", "C1");  // update due within 30m
  session.run("alice", "declare Search slow sev3", "C2");    // within 4h
  session.run("alice", "declare Typo sev4", "C3");           // no cadence
  session.run("alice", "declare Old one sev2", "C4");
  session.run("alice", "resolve done", "C4");
  session.clock.advance(std::chrono::minutes(45));
  session.run("alice", "update still on it", "C2");
  const auto db = session.database.open();
  storage::SqliteStore store(*db);
  const auto at_45m = bot::read_database_figures(store, session.config, session.clock.now());
  CHECK(at_45m.open_by_severity == std::array<std::int64_t, 4>{1, 0, 1, 1});
  CHECK(at_45m.updates_overdue == 1);  // INC-1 only
  CHECK(at_45m.outbox_pending == std::ssize(session.outbox()));
  CHECK(at_45m.outbox_failures == 0);
  const auto later = bot::read_database_figures(store, session.config,
                                                session.clock.now() + std::chrono::hours(5));
  CHECK(later.updates_overdue == 2);  // and INC-2, 4h after its update
}

TEST_CASE("the writer counts each decided command by name and outcome but not duplicates",
          "[metrics]") {
  Metrics metrics;
  const TempDatabase database;
  const commands::Config config;
  const auto job = [&config](const std::string& text) {
    return bot::CommandJob{.invocation = {.user = "U1",
                                          .channel = "C1",
                                          .platform = commands::Platform::slack,
                                          .text = text,
                                          .at = commands::SystemClock{}.now(),
                                          .config = &config}};
  };
  {
    bot::CommandWriter writer(database.path().string(), nullptr, &metrics);
    writer.submit(job("/incident declare Database down")).get();
    writer.submit(job("INC-1 note looking")).get();
    writer.submit(job("sev five because")).get();
    writer.submit(job("frobnicate now")).get();
    writer.submit(job("")).get();  // runs help
    auto failing = job("note this one fails");
    failing.queue_reply = [](storage::Store&, const commands::Reply&) {
      throw std::runtime_error("broken reply queue");
    };
    writer.submit(std::move(failing)).get();
    auto event = job("note from an event");
    event.delivery_id = "slack-event:Ev1";
    auto retry = event;
    writer.submit(std::move(event)).get();
    writer.submit(std::move(retry)).get();  // a duplicate: not counted
  }
  const auto page = check_prometheus_text(bot::render_metrics(metrics, {}));
  const auto count = [&page](const char* command, const char* outcome) {
    return page.value("warroom_commands_total", {{"command", command}, {"outcome", outcome}});
  };
  CHECK(count("declare", "ok") == 1);
  CHECK(count("note", "ok") == 2);
  CHECK(count("note", "error") == 1);
  CHECK(count("sev", "refused") == 1);
  CHECK(count("unknown", "refused") == 1);
  CHECK(count("help", "ok") == 1);
  CHECK(count("declare", "refused") == 0);
}

TEST_CASE("the prometheus checker accepts a valid page and names each broken rule", "[metrics]") {
  const std::string valid =
      "# HELP a_total Things.\n# TYPE a_total counter\na_total{kind=\"x\\\"y\\\\z\\n\"} 3\n"
      "# HELP h Durations.\n# TYPE h histogram\n"
      "h_bucket{le=\"0.1\"} 1\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 2\nh_sum 0.5\nh_count "
      "2\n";
  const auto good = check_prometheus_text(valid);
  CHECK(problems_of(good).empty());
  CHECK(good.value("a_total", {{"kind", "x\"y\\z\n"}}) == 3);

  const auto [page, problem] = GENERATE(table<std::string, std::string>({
      {"# HELP a_total A.\n# TYPE a_total counter\na_total 1", "does not end with a newline"},
      {"# HELP 1a A.\n# TYPE 1a gauge\n1a 1\n", "invalid metric name"},
      {"a 1\n# HELP a A.\n# TYPE a gauge\n", "has no TYPE line before it"},
      {"# TYPE a gauge\na 1\n", "has no HELP line before it"},
      {"# HELP a A.\n# TYPE a gauge\n# TYPE a gauge\na 1\n", "second TYPE line"},
      {"# HELP a A.\n# TYPE a gauge\n# HELP b B.\n# TYPE b gauge\nb 1\na 1\n",
       "split into more than one group"},
      {"# HELP a A.\n# TYPE a counter\na 1\n", "is not named …_total"},
      {"# HELP a A.\n# TYPE a gauge\na{1x=\"v\"} 1\n", "invalid label name"},
      {"# HELP a A.\n# TYPE a gauge\na{k=\"v\"v\"} 1\n", "expected , or }"},
      {"# HELP a A.\n# TYPE a gauge\na{k=\"\\t\"} 1\n", "invalid escape"},
      {"# HELP a A.\n# TYPE a gauge\na one\n", "invalid value"},
      {"# HELP a A.\n# TYPE a gauge\na 1\na 2\n", "duplicate sample"},
      {"# HELP h H.\n# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\n"
       "h_sum 1\nh_count 1\n",
       "bucket counts decrease"},
      {"# HELP h H.\n# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"0.5\"} 1\n"
       "h_bucket{le=\"+Inf\"} 1\nh_sum 1\nh_count 1\n",
       "le bounds are not increasing"},
      {"# HELP h H.\n# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_sum 1\nh_count 1\n",
       "no le=\"+Inf\" bucket"},
      {"# HELP h H.\n# TYPE h histogram\nh_bucket{le=\"+Inf\"} 2\nh_sum 1\nh_count 3\n",
       "differs from _count"},
      {"# HELP h H.\n# TYPE h histogram\nh_bucket{le=\"+Inf\"} 2\nh_count 2\n", "no _sum"},
  }));
  CAPTURE(page);
  const auto checked = check_prometheus_text(page);
  CHECK_THAT(problems_of(checked), Catch::Contains(problem));
}

}  // namespace warroom::testing
