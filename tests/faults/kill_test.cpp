// kill -9 under load: client threads drive signed `update` and `note` commands while the
// server is killed at random moments and restarted on the same file. Nothing acknowledged is
// lost, the file stays sound, every chain verifies, and the outbox drains after the last start.
// WARROOM_SOAK_KILLS sets the number of kills (3 here, 20 in `make soak`).
#include <catch2/catch.hpp>
#include <csignal>

#include "tests/faults/fault_support.h"
#include "tests/support/fake_slack.h"
#include "tests/support/temp_database.h"

namespace warroom::testing {
namespace {

using namespace std::chrono_literals;

constexpr int clients = 4;

// Clients 0 and 2 write to INC-1 (declared in C1), 1 and 3 to INC-2 (C2); updates and notes
// alternate.
CommandLoad::Command update_or_note(int client, int n) {
  const std::string channel = client % 2 == 0 ? "C1" : "C2";
  if (n % 2 == 0) return {channel, "update " + mark(client, n) + " rolling back the deploy"};
  return {channel, "note " + mark(client, n) + " checked the dashboards"};
}

}  // namespace

TEST_CASE("kill -9 under load loses no acknowledged command and the file stays sound",
          "[faults][kill]") {
  const int kills = knob("WARROOM_SOAK_KILLS", 3);
  const auto started = std::chrono::steady_clock::now();
  ServerUnderLoad run(clients, update_or_note);
  for (const auto& stop : run.stop_and_restart(SIGKILL, kills)) {
    CHECK(stop.exit_code == -1);  // killed
  }
  const auto exported = run.finish();
  const auto& database = run.database;
  CHECK(query_number(database.path(), "SELECT count(*) FROM outbox WHERE state = 'failed'") == 0);

  const auto answers = run.load().answers();
  const auto counts = check_answered_are_stored(answers, marks_on_timelines(exported));
  CHECK(counts.answered > 0);
  CHECK(integrity_check(database.path()) == "ok");
  CHECK(broken_chains(exported).empty());
  // At least once: a kill between a call and its record posts that message again.
  const auto posted = posted_marks(run.slack.requests());
  std::size_t updates = 0;
  for (const auto& sent : answers) {
    if (sent.answer.status == 0 || !sent.is_update) continue;
    ++updates;
    CAPTURE(sent.mark);
    CHECK(posted.contains(sent.mark));
  }
  std::size_t posted_twice = 0;
  for (auto it = posted.begin(); it != posted.end(); it = posted.upper_bound(*it)) {
    if (posted.count(*it) > 1) ++posted_twice;
  }
  report("kill -9: " + std::to_string(kills) + " kills, " + std::to_string(answers.size()) +
         " commands sent, " + std::to_string(counts.answered) + " answered and found stored (" +
         std::to_string(updates) + " updates, all posted; " + std::to_string(posted_twice) +
         " twice: killed between the call and its record), " + std::to_string(counts.unanswered) +
         " unanswered (in flight at a kill, or sent while " + "the server was down), " +
         seconds_since(started));
}

}  // namespace warroom::testing
