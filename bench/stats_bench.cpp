// warroom_stats_bench: how long `stats` takes over a big history. Seeds a database with
// 10,000 incidents declared over three years, each with a realistic timeline (declaration,
// acks, severity changes, stakeholder updates, notes, status changes, resolution, closing),
// written through the storage API (hash chain included); then times commands::collect_stats
// over all of them (`--since 3650d`) in-process, and `warroom stats --since 3650d` through the
// binary when its path is given (median and minimum of each). Usage:
//   warroom_stats_bench [--incidents 10000] [--runs 10] [--warroom build/warroom]
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "commands/config.h"
#include "commands/stats.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/sqlite_store.h"
#include "storage/transaction.h"
#include "tests/support/temp_database.h"

extern char** environ;

namespace {

using namespace warroom;
using std::chrono::minutes;
using std::chrono::seconds;
using Clock = std::chrono::steady_clock;

struct Options {
  int incidents = 10000;
  int runs = 10;
  std::string warroom;  // the binary, for the CLI timing; empty: skip it
};

constexpr std::array<std::string_view, 12> services = {
    "payments", "checkout", "search",   "login",  "api-gateway", "orders",
    "billing",  "webhooks", "payments", "mobile", "storage",     "notifications"};
constexpr std::array<std::string_view, 6> people = {"U0ALICE",  "U0BOB",   "U0CHLOE",
                                                    "U0DMITRI", "U0EUNJI", "U0FAROUK"};

// SEV1 5 %, SEV2 15 %, SEV3 50 %, SEV4 30 %.
storage::Severity pick_severity(std::mt19937& random) {
  const int roll = std::uniform_int_distribution<int>(0, 99)(random);
  if (roll < 5) return storage::Severity::sev1;
  if (roll < 20) return storage::Severity::sev2;
  if (roll < 70) return storage::Severity::sev3;
  return storage::Severity::sev4;
}

// Writes one incident and its timeline the way the commands would have, then its final row.
class IncidentWriter {
 public:
  IncidentWriter(storage::SqliteStore& store, std::mt19937& random)
      : store_(store), random_(random) {}

  // Returns the number of events written.
  std::int64_t write(TimePoint declared_at) {
    events_ = 0;
    incident_ = storage::Incident{
        .title = "Checkout errors above 5% in eu-west",
        .severity = pick_severity(random_),
        .service = roll(5) == 0 ? "" : std::string(services.at(between(0, services.size() - 1))),
        .impact = "some customers cannot pay",
        .channel = "C0BENCH" + std::to_string(between(0, 999)),
        .declared_in = "C0INCIDENTS",
        .owner = person(),
        .created_at = declared_at};
    incident_ = store_.create_incident(incident_);
    at_ = declared_at;
    append(storage::EventKind::declare, incident_.title,
           {{"severity", std::string(to_string(incident_.severity))}});
    write_response();
    store_.save_incident(incident_);
    return events_;
  }

 private:
  int between(std::size_t low, std::size_t high) {
    return std::uniform_int_distribution<int>(static_cast<int>(low),
                                              static_cast<int>(high))(random_);
  }
  int roll(int sides) { return between(0, static_cast<std::size_t>(sides) - 1); }
  std::string person() { return std::string(people.at(between(0, people.size() - 1))); }
  void wait_minutes(int low, int high) { at_ += minutes(between(low, high)) + seconds(roll(60)); }

  void append(storage::EventKind kind, std::string text, storage::EventData data = {}) {
    store_.append_event(incident_.number, {.at = at_,
                                           .actor = person(),
                                           .kind = kind,
                                           .text = std::move(text),
                                           .data = std::move(data)});
    ++events_;
  }

  void change_severity() {
    const auto from = incident_.severity;
    const int step = (from == storage::Severity::sev1 || roll(2) == 0) ? 1 : -1;
    const auto to = static_cast<storage::Severity>(
        std::clamp(static_cast<int>(from) + (from == storage::Severity::sev4 ? -1 : step), 1, 4));
    append(storage::EventKind::sev, "customer impact changed",
           {{"from", std::string(to_string(from))},
            {"to", std::string(to_string(to))},
            {"reason", "customer impact changed"}});
    incident_.severity = to;
  }

  void set_status(storage::Status to) {
    append(
        storage::EventKind::status, "",
        {{"from", std::string(to_string(incident_.status))}, {"to", std::string(to_string(to))}});
    incident_.status = to;
  }

  // Ack, updates and notes while investigating, severity changes, then mitigation,
  // resolution and (for all but the newest few) closing.
  void write_response() {
    wait_minutes(1, 20);
    append(storage::EventKind::ack, "");
    incident_.acknowledged_at = at_;
    const int updates = between(3, 12);
    for (int i = 0; i < updates; ++i) {
      wait_minutes(5, 90);  // some on time, some late against the cadence
      if (roll(8) == 0) change_severity();
      if (i == 1) set_status(storage::Status::identified);
      append(storage::EventKind::update, "msg " + std::to_string(i) + ": error rate " +
                                             std::to_string(roll(40)) +
                                             "% on checkout-api, next update in 30 minutes");
      for (int note = roll(3); note > 0; --note) {
        wait_minutes(1, 10);
        append(storage::EventKind::note,
               "checked the api pods, rolled back deploy #" + std::to_string(between(100, 999)));
      }
    }
    set_status(storage::Status::monitoring);
    incident_.mitigated_at = at_;
    wait_minutes(10, 120);
    append(storage::EventKind::resolve, "rolled back the bad deploy");
    incident_.status = storage::Status::resolved;
    incident_.resolved_at = at_;
    if (roll(100) != 0) {
      wait_minutes(30, 600);
      append(storage::EventKind::close, "");
      incident_.status = storage::Status::closed;
      incident_.closed_at = at_;
    }
  }

  storage::SqliteStore& store_;
  std::mt19937& random_;
  storage::Incident incident_;
  TimePoint at_{};
  std::int64_t events_ = 0;
};

// Declared evenly over the three years before `now`, in number order.
std::int64_t seed(storage::Database& db, int incidents, TimePoint now) {
  std::mt19937 random(42);  // the same history every run
  const TimePoint first = now - std::chrono::days(3 * 365);
  const auto spacing = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::days(3 * 365) / std::max(incidents, 1));
  std::int64_t events = 0;
  storage::SqliteStore store(db);
  for (int done = 0; done < incidents;) {
    storage::Transaction transaction(db);
    IncidentWriter writer(store, random);
    for (int i = 0; i < 500 && done < incidents; ++i, ++done) {
      events += writer.write(first + spacing * done);
    }
    transaction.commit();
  }
  return events;
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values.at(values.size() / 2);
}

double milliseconds_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// collect_stats over `window`, as `warroom stats` reads: one deferred snapshot.
std::vector<double> time_collect(storage::Database& db, int runs, TimePoint now,
                                 commands::Days window, commands::Stats& stats) {
  const commands::Config config;
  std::vector<double> times;
  for (int run = 0; run < runs; ++run) {
    db.execute("BEGIN", "stats bench: begin read");
    storage::SqliteStore store(db);
    const auto start = Clock::now();
    stats = commands::collect_stats(store, config, now, window);
    times.push_back(milliseconds_since(start));
    db.execute("ROLLBACK", "stats bench: end read");
  }
  return times;
}

// `warroom stats --since 3650d --db PATH`, its output to /dev/null; throws if it fails.
double time_cli(const std::string& warroom, const std::string& database) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  std::vector<std::string> words = {warroom, "stats", "--since", "3650d", "--db", database};
  std::vector<char*> argv;
  for (auto& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);
  const auto start = Clock::now();
  pid_t child = 0;
  const int spawned = posix_spawn(&child, warroom.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) throw std::runtime_error("cannot run " + warroom);
  int status = 0;
  waitpid(child, &status, 0);
  const double took = milliseconds_since(start);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw std::runtime_error(warroom + " stats failed");
  }
  return took;
}

Options parse_options(int argc, char** argv) {
  Options options;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string_view flag = argv[i];
    if (flag == "--incidents")
      options.incidents = std::atoi(argv[i + 1]);
    else if (flag == "--runs")
      options.runs = std::atoi(argv[i + 1]);
    else if (flag == "--warroom")
      options.warroom = argv[i + 1];
    else
      throw std::invalid_argument(std::string("unknown option ") + argv[i]);
  }
  if (options.incidents < 1 || options.runs < 1 || argc % 2 == 0) {
    throw std::invalid_argument("expected [--incidents N] [--runs N] [--warroom PATH]");
  }
  return options;
}

int run(const Options& options) {
  const testing::TempDatabase database;
  const auto db = database.open();
  const auto now =
      std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
  const auto seeding = Clock::now();
  const std::int64_t events = seed(*db, options.incidents, now);
  std::printf("seeded %d incidents with %lld timeline events in %.1f s (%.1f MiB)\n",
              options.incidents, static_cast<long long>(events), milliseconds_since(seeding) / 1000,
              static_cast<double>(std::filesystem::file_size(database.path())) / (1 << 20));
  commands::Stats stats;
  const auto collect = time_collect(*db, options.runs, now, commands::Days{3650}, stats);
  std::printf("%s\n", commands::render_stats_text(stats).c_str());
  std::vector<double> cli;
  for (int run = 0; run < options.runs && !options.warroom.empty(); ++run) {
    cli.push_back(time_cli(options.warroom, database.path().string()));
  }
  const auto figure = [](const std::vector<double>& times, bool smallest) {
    if (times.empty()) return std::string("?");
    const double value = smallest ? *std::min_element(times.begin(), times.end()) : median(times);
    std::array<char, 32> text{};
    std::snprintf(text.data(), text.size(), "%.2f", value);
    return std::string(text.data());
  };
  std::printf(
      "STATS incidents=%lld events=%lld updates=%lld runs=%d collect_median_ms=%s "
      "collect_min_ms=%s cli_median_ms=%s cli_min_ms=%s\n",
      static_cast<long long>(stats.incidents), static_cast<long long>(events),
      static_cast<long long>(stats.updates_on_time + stats.updates_late +
                             stats.updates_without_cadence),
      options.runs, figure(collect, false).c_str(), figure(collect, true).c_str(),
      figure(cli, false).c_str(), figure(cli, true).c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(parse_options(argc, argv));
  } catch (const std::invalid_argument& error) {
    std::fprintf(stderr, "warroom_stats_bench: %s\n", error.what());
    return 2;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "warroom_stats_bench: %s\n", error.what());
    return 1;
  }
}
