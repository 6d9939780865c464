// warroom_review_bench: how long the post-incident review of a big incident takes to render.
// Builds one incident of 10,000 timeline events (notes, updates, status and severity changes,
// hand-overs, role assignments, actions) in a temp database, then renders its review as
// Markdown and as HTML ~20 times each and prints the median and minimum. Goal: Markdown well
// under 50 ms. Usage: warroom_review_bench [events] [runs]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bot/review/review.h"
#include "storage/database.h"
#include "storage/sqlite_store.h"
#include "storage/transaction.h"
#include "templates/templates.h"
#include "tests/support/temp_database.h"

namespace {

using namespace warroom;
using std::chrono::milliseconds;
using std::chrono::minutes;

// The event for step `i`: mostly notes and updates, with the changes a long incident has.
storage::NewEvent event_for(std::int64_t i, TimePoint at) {
  storage::NewEvent event{.at = at, .actor = "U" + std::to_string(i % 7)};
  const auto status = [](std::int64_t n) {
    return std::string(n % 2 == 0 ? "identified" : "investigating");
  };
  switch (i % 50) {
    case 10:
      event.kind = storage::EventKind::status;
      event.data = {{"from", status(i / 50 + 1)}, {"to", status(i / 50)}};
      break;
    case 20:
      event.kind = storage::EventKind::sev;
      event.text = "customers affected: <b>many</b> [see](http://x)";
      event.data = {{"from", i % 100 == 20 ? "SEV2" : "SEV1"},
                    {"to", i % 100 == 20 ? "SEV1" : "SEV2"},
                    {"reason", event.text}};
      break;
    case 30:
      event.kind = storage::EventKind::handover;
      event.data = {{"from", "U1"}, {"to", "U2"}, {"note", "shift change"}};
      break;
    case 40:
      event.kind = storage::EventKind::assign;
      event.data = {{"role", "comms"}, {"from", "U3"}, {"to", "U4"}};
      break;
    default:
      event.kind = i % 5 == 0 ? storage::EventKind::update : storage::EventKind::note;
      event.text = "step " + std::to_string(i) + ": checked *the* `api` pods, error rate 3.2%\n" +
                   "next: roll back #" + std::to_string(i % 13);
  }
  return event;
}

void build_incident(storage::Database& db, std::int64_t events, TimePoint start) {
  storage::SqliteStore store(db);
  storage::Transaction transaction(db);
  storage::Incident incident{.title = "Checkout payments failing",
                             .severity = storage::Severity::sev2,
                             .service = "payments",
                             .impact = "EU card payments fail",
                             .declared_in = "C1",
                             .owner = "U1",
                             .created_at = start};
  const auto number = store.create_incident(incident).number;
  store.append_event(number, {.at = start,
                              .actor = "U1",
                              .kind = storage::EventKind::declare,
                              .text = incident.title,
                              .data = {{"severity", "SEV2"}}});
  for (std::int64_t i = 1; i < events; ++i) {
    store.append_event(number, event_for(i, start + std::chrono::seconds(i * 10)));
  }
  for (int i = 0; i < 20; ++i) {
    store.add_action(number, {.text = "follow-up " + std::to_string(i),
                              .owner = "U2",
                              .due = "2026-12-01",
                              .created_at = start});
  }
  transaction.commit();
}

struct Figures {
  double median_ms = 0;
  double min_ms = 0;
  std::size_t bytes = 0;
};

Figures measure(storage::Database& db, bot::ReviewFormat format,
                const templates::Templates& templates, int runs, TimePoint now) {
  std::vector<double> times;
  std::size_t bytes = 0;
  for (int run = 0; run < runs; ++run) {
    storage::SqliteStore store(db);
    storage::Transaction transaction(db);  // as `warroom review` reads: one transaction
    const auto begin = std::chrono::steady_clock::now();
    const auto document = bot::render_review(store, 1, format, templates, now);
    const auto end = std::chrono::steady_clock::now();
    if (!document) throw std::runtime_error("the incident is missing");
    bytes = document->size();
    times.push_back(std::chrono::duration<double, std::milli>(end - begin).count());
  }
  std::sort(times.begin(), times.end());
  return {.median_ms = times[times.size() / 2], .min_ms = times.front(), .bytes = bytes};
}

}  // namespace

int main(int argc, char** argv) {
  const std::int64_t events = argc > 1 ? std::atoll(argv[1]) : 10000;
  const int runs = argc > 2 ? std::atoi(argv[2]) : 20;
  if (events < 1 || runs < 1) {
    std::fprintf(stderr, "usage: warroom_review_bench [events ≥ 1] [runs ≥ 1]\n");
    return 2;
  }
  try {
    const testing::TempDatabase database;
    const auto db = database.open();
    const TimePoint start = *parse_utc("2026-11-24T09:00:00.000Z");
    build_incident(*db, events, start);
    const templates::Templates templates;
    const TimePoint now = start + std::chrono::seconds(events * 10) + minutes(30);
    std::printf("review of one incident with %lld timeline events, %d runs each\n",
                static_cast<long long>(events), runs);
    for (const auto format : {bot::ReviewFormat::markdown, bot::ReviewFormat::html}) {
      const Figures figures = measure(*db, format, templates, runs, now);
      std::printf("%-8s median %7.2f ms   min %7.2f ms   %zu bytes\n",
                  format == bot::ReviewFormat::markdown ? "markdown" : "html", figures.median_ms,
                  figures.min_ms, figures.bytes);
    }
  } catch (const std::exception& error) {
    std::fprintf(stderr, "warroom_review_bench: %s\n", error.what());
    return 1;
  }
  return 0;
}
