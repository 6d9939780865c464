// `warroom stats` through the real binary: text and JSON, the window flag, the configuration's
// update cadence (--config, WARROOM_CONFIG), and exit codes 0, 1 and 2.
#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "commands/stats.h"
#include "tests/support/chat_session.h"
#include "tests/support/process.h"
#include "tests/support/temp_database.h"

namespace warroom::testing {
namespace {

using commands::Days;
using nlohmann::json;
using std::chrono::hours;
using std::chrono::minutes;

// The binary has no clock override, so the history is seeded relative to the real clock:
// INC-1 40 days ago (outside the default 30d), INC-2 three hours ago on SEV1 (payments):
// ack after 2m, one update after 20m (on time for SEV1's 30m), resolved after 1h20m.
struct SeededHistory {
  ChatSession session;
  std::string db;

  SeededHistory() : db(session.database.path().string()) {
    const TimePoint now = commands::SystemClock().now();
    session.clock.set(now - Days(40));
    session.run("alice", "declare Old outage sev2", "C1");
    session.clock.set(now - hours(3));
    session.run("alice", "declare Checkout errors sev1 service:payments", "C2");
    session.clock.advance(minutes(2));
    session.run("bob", "ack", "C2");
    session.clock.advance(minutes(18));
    session.run("bob", "update rolling back", "C2");
    session.clock.advance(minutes(60));
    session.run("bob", "resolve rolled back", "C2");
  }

  std::string write_config(const std::string& text) const {
    const auto path = session.database.folder() / "warroom.json";
    std::ofstream(path) << text;
    return path.string();
  }
};

}  // namespace

TEST_CASE("warroom stats prints the last 30 days as text", "[stats][cli]") {
  const SeededHistory history;
  const auto result = run_process(warroom({"stats", "--db", history.db}));
  REQUIRE(result.exit_code == 0);
  CHECK(result.err.empty());
  CHECK_THAT(result.out, Catch::StartsWith("Incidents declared in the last 30d (since "));
  CHECK_THAT(result.out,
             Catch::Contains("): 1\nBy severity: SEV1 1 · SEV2 0 · SEV3 0 · SEV4 0\n"
                             "By service: payments 1\n"
                             "Time to acknowledge: mean 2m 00s, median 2m 00s over 1\n"
                             "Time to mitigate: mean 1h 20m 00s, median 1h 20m 00s over 1\n"
                             "Time to resolve: mean 1h 20m 00s, median 1h 20m 00s over 1\n"
                             "Stakeholder updates: 1 on time, 0 late (100% on time)\n"));
  const auto longer = run_process(warroom({"stats", "--since", "60d", "--db", history.db}));
  REQUIRE(longer.exit_code == 0);
  CHECK_THAT(longer.out, Catch::Contains("): 2\nBy severity: SEV1 1 · SEV2 1 · SEV3 0"));
}

TEST_CASE("warroom stats --json prints every figure for scripts", "[stats][cli]") {
  const SeededHistory history;
  const auto result = run_process(warroom({"stats", "--db", history.db, "--json"}));
  REQUIRE(result.exit_code == 0);
  const json stats = json::parse(result.out);
  CHECK(stats["window_days"] == 30);
  const std::regex iso(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)");
  REQUIRE(std::regex_match(stats["since"].get<std::string>(), iso));
  REQUIRE(std::regex_match(stats["until"].get<std::string>(), iso));
  CHECK(*parse_utc(stats["until"].get<std::string>()) -
            *parse_utc(stats["since"].get<std::string>()) ==
        Days(30));
  CHECK(stats["incidents"] == 1);
  CHECK(stats["by_severity"] == json({{"SEV1", 1}, {"SEV2", 0}, {"SEV3", 0}, {"SEV4", 0}}));
  CHECK(stats["by_service"] == json({{"payments", 1}}));
  CHECK(stats["time_to_acknowledge"] ==
        json({{"counted", 1}, {"mean_seconds", 120.0}, {"median_seconds", 120.0}}));
  CHECK(stats["time_to_mitigate"]["mean_seconds"] == 4800.0);
  CHECK(stats["time_to_resolve"]["median_seconds"] == 4800.0);
  CHECK(stats["updates"] == json({{"on_time", 1}, {"late", 0}, {"without_cadence", 0}}));

  const TempDatabase nothing_yet;
  const auto empty = run_process(warroom({"stats", "--db", nothing_yet.path().string(), "--json"}));
  REQUIRE(empty.exit_code == 0);
  const json none = json::parse(empty.out);
  CHECK(none["incidents"] == 0);
  CHECK(none["time_to_acknowledge"] ==
        json({{"counted", 0}, {"mean_seconds", nullptr}, {"median_seconds", nullptr}}));
}

TEST_CASE("warroom stats measures updates against the cadence of --config or WARROOM_CONFIG",
          "[stats][cli]") {
  const SeededHistory history;
  // SEV1 every 10m: the update after 20m is late.
  const std::string config =
      history.write_config(R"({"severities": {"SEV1": {"update_every": "10m"}}})");
  const auto flagged =
      run_process(warroom({"stats", "--db", history.db, "--config", config, "--json"}));
  REQUIRE(flagged.exit_code == 0);
  CHECK(json::parse(flagged.out)["updates"] ==
        json({{"on_time", 0}, {"late", 1}, {"without_cadence", 0}}));
  const auto from_environment = run_process(warroom({"stats", "--db", history.db, "--json"}), "",
                                            {{"WARROOM_CONFIG", config}});
  REQUIRE(from_environment.exit_code == 0);
  CHECK(json::parse(from_environment.out)["updates"]["late"] == 1);
}

TEST_CASE("warroom stats refuses a bad window with exit 2 and a broken config with exit 1",
          "[stats][cli]") {
  const SeededHistory history;
  for (const char* window : {"30", "0d", "2w", "12h", "36501d"}) {
    CAPTURE(window);
    const auto result = run_process(warroom({"stats", "--since", window, "--db", history.db}));
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(result.err ==
          "warroom: stats: --since expects a number of days like 30d (1d to 36500d), "
          "got \"" +
              std::string(window) + "\"\n");
  }
  CHECK(run_process(warroom({"stats", "--db", history.db, "--frobnicate"})).exit_code == 2);
  const auto missing =
      run_process(warroom({"stats", "--db", history.db, "--config", history.db + ".missing.json"}));
  CHECK(missing.exit_code == 1);
  CHECK_THAT(missing.err, Catch::StartsWith("warroom: "));
  CHECK(std::count(missing.err.begin(), missing.err.end(), '\n') == 1);
}

TEST_CASE("warroom stats --help describes its flags", "[stats][cli]") {
  const auto help = run_process(warroom({"stats", "--help"}));
  CHECK(help.exit_code == 0);
  for (const char* flag : {"--since", "--db", "--config", "--json"}) {
    CAPTURE(flag);
    CHECK_THAT(help.out, Catch::Contains(flag));
  }
  CHECK_THAT(run_process(warroom({"--help"})).out, Catch::Contains("stats"));
}

}  // namespace warroom::testing
