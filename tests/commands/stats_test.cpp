// Tests for the stats figures (commands/stats.h) and the `stats` chat command, over a history
// seeded through real commands with a set clock: counts, key times, update cadence across
// severity changes, and the window's cut-off.
#include "commands/stats.h"

#include <catch2/catch.hpp>

#include "storage/sqlite_store.h"
#include "tests/commands/command_checks.h"

namespace warroom::testing {
namespace {

using commands::Days;
using std::chrono::hours;
using std::chrono::milliseconds;
using std::chrono::seconds;

constexpr std::string_view usage = "Usage: stats [Nd]";

// Runs `lines` in `channel` as `user`, each at `start` plus its offset.
void run_at(ChatSession& session, TimePoint start, std::string_view channel,
            std::initializer_list<std::pair<milliseconds, std::string_view>> lines) {
  for (const auto& [offset, line] : lines) {
    session.clock.set(start + offset);
    const auto reply = session.run("alice", line, channel);
    INFO("line: " << line << " reply: " << reply.text);
    REQUIRE(reply.outcome == Outcome::ok);
  }
}

// Default cadence: SEV1 every 30m, SEV2 every 1h, SEV3 every 4h, SEV4 none. The session's
// clock ends at session_start(), the `now` of every figure below.
//   INC-1  31 days ago, SEV2 search: ack 1m, one late update (2h > 1h). Outside 30d.
//   INC-2  10 days ago, SEV1 → SEV3 payments: ack 2m; updates at 20m (on time under SEV1) and
//          2h20m (2h after the last: late under SEV1, on time under the SEV3 it had then);
//          monitoring at 3h, resolved at 4h.
//   INC-3  5 days ago, SEV3 → SEV1, no service: ack 10m30s; escalated at 1h, so the update at
//          1h10m is late (on time under SEV3), 1h30m on time, 2h30m late; resolved at 3h
//          without monitoring (mitigated then too).
//   INC-4  2 days ago, SEV4 web: one update, at a severity without cadence; no ack.
//   INC-5  1 day ago, SEV1 payments: ack 4m10s, update at exactly 30m (on time), monitoring
//          at 50m.
void seed_history(ChatSession& session) {
  const TimePoint now = session_start();
  run_at(session, now - Days(31), "C1",
         {{minutes(0), "declare Old outage sev2 service:search"},
          {minutes(1), "ack"},
          {hours(2), "update still digging"}});
  run_at(session, now - Days(10), "C2",
         {{minutes(0), "declare Checkout errors sev1 service:payments"},
          {minutes(2), "ack"},
          {minutes(20), "update rolling back"},
          {minutes(25), "sev 3 contained"},
          {minutes(140), "update rollback done"},
          {hours(3), "status monitoring"},
          {hours(4), "resolve fixed the pool size"}});
  run_at(session, now - Days(5), "C3",
         {{minutes(0), "declare Search slow"},
          {seconds(630), "ack"},
          {hours(1), "sev 1 spreading to checkout"},
          {minutes(70), "update looking at the index"},
          {minutes(90), "update reindexing"},
          {minutes(150), "update reindexed half"},
          {hours(3), "resolve reindexed"}});
  run_at(session, now - Days(2), "C4",
         {{minutes(0), "declare Typo on banner sev4 service:web"},
          {hours(1), "update fix ships tomorrow"}});
  run_at(session, now - Days(1), "C5",
         {{minutes(0), "declare Payments latency sev1 service:payments"},
          {seconds(250), "ack"},
          {minutes(30), "update failing over"},
          {minutes(50), "status monitoring"}});
  session.clock.set(now);
}

commands::Stats collect(ChatSession& session, Days window) {
  const auto db = session.database.open();
  storage::SqliteStore store(*db);
  return commands::collect_stats(store, session.config, session.clock.now(), window);
}

}  // namespace

TEST_CASE("stats counts the window's incidents by current severity and by service", "[stats]") {
  ChatSession session;
  seed_history(session);
  const auto stats = collect(session, Days(30));
  CHECK(stats.window == Days(30));
  CHECK(stats.since == session_start() - Days(30));
  CHECK(stats.until == session_start());
  CHECK(stats.incidents == 4);
  CHECK(stats.by_severity == std::array<std::int64_t, 4>{2, 0, 1, 1});
  CHECK(stats.by_service ==
        std::map<std::string, std::int64_t>{{"(none)", 1}, {"payments", 2}, {"web", 1}});
}

TEST_CASE(
    "stats gives mean and median time to acknowledge mitigate and resolve over those "
    "that have it",
    "[stats]") {
  ChatSession session;
  seed_history(session);
  const auto stats = collect(session, Days(30));
  // Acknowledged after 2m, 10m30s and 4m10s (INC-4 never was).
  CHECK(stats.time_to_acknowledge.counted == 3);
  CHECK(stats.time_to_acknowledge.mean == milliseconds(1'000'000 / 3));
  CHECK(stats.time_to_acknowledge.median == seconds(250));
  // Mitigated after 3h, 3h (resolved without monitoring) and 50m.
  CHECK(stats.time_to_mitigate.counted == 3);
  CHECK(stats.time_to_mitigate.mean == seconds(8200));
  CHECK(stats.time_to_mitigate.median == hours(3));
  // Resolved after 4h and 3h: the median of two is their mean.
  CHECK(stats.time_to_resolve.counted == 2);
  CHECK(stats.time_to_resolve.mean == minutes(210));
  CHECK(stats.time_to_resolve.median == minutes(210));
}

TEST_CASE("stats measures each update against the cadence of the severity the incident had then",
          "[stats]") {
  ChatSession session;
  seed_history(session);
  const auto stats = collect(session, Days(30));
  CHECK(stats.updates_on_time == 4);          // INC-2 twice, INC-3 once, INC-5 at exactly 30m
  CHECK(stats.updates_late == 2);             // INC-3 after its escalation, and its 1h gap
  CHECK(stats.updates_without_cadence == 1);  // INC-4 at SEV4
}

TEST_CASE("stats counts incidents declared exactly at the window's start and none before",
          "[stats]") {
  ChatSession session;
  seed_history(session);
  const auto cut = collect(session, Days(31));  // INC-1 was declared exactly 31 days ago
  CHECK(cut.incidents == 5);
  CHECK(cut.by_service.at("search") == 1);
  CHECK(cut.time_to_acknowledge.counted == 4);
  CHECK(cut.updates_late == 3);
  session.clock.advance(milliseconds(1));  // now INC-1 is 1 ms older than the window
  const auto later = collect(session, Days(31));
  CHECK(later.incidents == 4);
  CHECK(later.by_service.count("search") == 0);
  CHECK(later.updates_late == 2);
  CHECK(collect(session, Days(3)).incidents == 2);
}

TEST_CASE("stats in chat shows the figures only to the caller and writes nothing", "[stats]") {
  ChatSession session;
  seed_history(session);
  const std::string expected =
      "Incidents declared in the last 30d (since 2026-10-25 09:00 UTC): 4\n"
      "By severity: SEV1 2 · SEV2 0 · SEV3 1 · SEV4 1\n"
      "By service: payments 2 · (none) 1 · web 1\n"
      "Time to acknowledge: mean 5m 33s, median 4m 10s over 3\n"
      "Time to mitigate: mean 2h 16m 40s, median 3h 00m 00s over 3\n"
      "Time to resolve: mean 3h 30m 00s, median 3h 30m 00s over 2\n"
      "Stakeholder updates: 4 on time, 2 late (67% on time), 1 at a severity without an update "
      "cadence";
  CHECK(check_shown(session, "bob", "stats", "C9") == expected);
  CHECK(check_shown(session, "bob", "/incident STATS 30d", "C2") == expected);
  CHECK_THAT(check_shown(session, "bob", "stats 60D", "C9"),
             Catch::StartsWith("Incidents declared in the last 60d (since 2026-09-25 09:00 UTC): "
                               "5\n"));
}

TEST_CASE("stats over a window without incidents says so", "[stats]") {
  ChatSession session;
  CHECK(check_shown(session, "bob", "stats 7d") ==
        "No incidents declared in the last 7d (since 2026-11-17 09:00 UTC).");
  session.run("alice", "declare Brand new");
  CHECK(check_shown(session, "bob", "stats 1d") ==
        "Incidents declared in the last 1d (since 2026-11-23 09:00 UTC): 1\n"
        "By severity: SEV1 0 · SEV2 0 · SEV3 1 · SEV4 0\n"
        "By service: (none) 1\n"
        "Time to acknowledge: no incident has one yet\n"
        "Time to mitigate: no incident has one yet\n"
        "Time to resolve: no incident has one yet\n"
        "Stakeholder updates: none");
}

TEST_CASE("stats refuses anything but a number of days with its usage", "[stats]") {
  ChatSession session;
  session.run("alice", "declare Payments failing", "C1");
  const std::string expected_days = "stats: expected a number of days like 30d (1d to 36500d)";
  for (const std::string_view line :
       {"stats 0d", "stats 30", "stats 2w", "stats 12h", "stats -3d", "stats 1.5d", "stats d",
        "stats 36501d", "stats 99999999999999999999d", "stats month"}) {
    CAPTURE(line);
    check_refused(session, "bob", line, expected_days);
    check_refused(session, "bob", line, usage);
  }
  check_refused(session, "bob", "stats 7d please", "stats: \"please\" is extra");
  check_refused(session, "bob", "stats INC-1", "stats: covers every incident");
  check_refused(session, "bob", "INC-1 stats 7d", usage);
  CHECK(check_shown(session, "bob", "stats 36500d").find("last 36500d") != std::string::npos);
}

TEST_CASE("help explains stats from its command entry", "[stats]") {
  ChatSession session;
  CHECK(check_shown(session, "bob", "help stats") ==
        "Figures over the incidents declared in the last N days (default 30d).\n"
        "Usage: stats [Nd]");
  CHECK_THAT(check_shown(session, "bob", "help"), Catch::Contains("\nstats [Nd]  (Figures over"));
}

TEST_CASE("the stats window parser takes whole days only", "[stats]") {
  using commands::parse_stats_window;
  CHECK(parse_stats_window("1d") == Days(1));
  CHECK(parse_stats_window("30D") == Days(30));
  CHECK(parse_stats_window("036500d") == Days(36500));
  for (const std::string_view text : {"", "d", "0d", "30", "30 d", " 30d", "+3d", "3dd", "3h"}) {
    CAPTURE(text);
    CHECK_FALSE(parse_stats_window(text));
  }
}

}  // namespace warroom::testing
