// Tests for the Scheduler thread: with a short cadence and a manual clock moved by the test,
// the thread itself sends the reminder, wakes the outbox (after_commit) and stops cleanly.
#include "bot/scheduler.h"

#include <atomic>
#include <catch2/catch.hpp>

#include "tests/support/chat_session.h"
#include "tests/support/fake_slack.h"

namespace warroom::testing {
namespace {

using namespace std::chrono_literals;

std::size_t reminder_count(ChatSession& session, std::int64_t incident) {
  std::size_t count = 0;
  for (const auto& event : session.events(incident)) count += event.kind == "reminder" ? 1 : 0;
  return count;
}

TEST_CASE("the scheduler thread reminds on its own and wakes the outbox", "[scheduler]") {
  ChatSession session;
  session.config.severities.at(0).update_every = 10s;
  session.config.managers_channel = "C0MIMS";
  session.run("alice", "declare Payments failing sev1");
  std::atomic<int> wakes{0};
  bot::Scheduler scheduler(
      session.database.path().string(), session.config, session.clock, [&wakes] { ++wakes; }, 20ms);

  wait_for([] { return false; }, 100ms);  // a few rounds: nothing is due yet
  CHECK(reminder_count(session, 1) == 0);
  CHECK(wakes == 0);
  session.clock.advance(11s);
  REQUIRE(wait_for([&] { return reminder_count(session, 1) == 1; }));
  session.clock.advance(10s);
  REQUIRE(wait_for([&] { return reminder_count(session, 1) == 2; }));
  CHECK(wakes == 2);
  scheduler.stop();
  scheduler.stop();  // idempotent
  const auto rows = session.outbox();
  CHECK(rows.back().destination == "C0MIMS");
  CHECK(session.verify(1).intact);
}

}  // namespace
}  // namespace warroom::testing
