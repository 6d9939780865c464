// Tests for the update cadence: with a short cadence and the session's manual clock, the
// owner is reminded once the interval passes without a stakeholder update, the managers'
// channel is told at twice the interval, each once per silence; an update starts over.
#include "commands/cadence.h"

#include <catch2/catch.hpp>

#include "storage/sqlite_store.h"
#include "storage/transaction.h"
#include "tests/commands/command_checks.h"

namespace warroom::testing {
namespace {

using std::chrono::seconds;

// One scheduler round at the session clock's time, in its own transaction.
commands::ReminderCount tick(ChatSession& session) {
  storage::Database db(session.database.path().string());
  storage::Transaction transaction(db);
  storage::SqliteStore store(db);
  const auto count = commands::send_due_reminders(store, session.config, session.clock.now());
  transaction.commit();
  return count;
}

std::vector<storage::Event> reminders(ChatSession& session, std::int64_t incident) {
  std::vector<storage::Event> found;
  for (auto& event : session.events(incident)) {
    if (event.kind == "reminder") found.push_back(event);
  }
  return found;
}

std::vector<storage::OutboxMessage> rows_since(ChatSession& session, std::size_t before) {
  auto rows = session.outbox();
  return {rows.begin() + static_cast<std::ptrdiff_t>(before), rows.end()};
}

void short_cadence(ChatSession& session) {
  session.config.severities.at(0).update_every = seconds(10);
  session.config.managers_channel = "C0MIMS";
}

TEST_CASE("an owner is reminded after the interval and the managers at twice", "[cadence]") {
  ChatSession session;
  short_cadence(session);
  session.run("alice", "declare Payments failing sev1");
  std::size_t outbox = session.outbox().size();

  session.clock.advance(seconds(10));
  CHECK(tick(session).owners == 0);  // due at 10 s: not late yet
  session.clock.advance(seconds(1));
  const auto first = tick(session);
  CHECK(first.owners == 1);
  CHECK(first.managers == 0);
  auto rows = rows_since(session, outbox);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].destination == "C1");  // the incident's channel (channels are off)
  CHECK(rows[0].template_name == "reminder");
  CHECK(rows[0].text ==
        "\x1E"
        "alice\x1F: INC-1 (SEV1) has had no stakeholder update for 11s; SEV1 expects one "
        "every 10s. Post one with `update <what stakeholders should know>`.");
  auto events = reminders(session, 1);
  REQUIRE(events.size() == 1);
  CHECK(events[0].actor == "warroom");
  CHECK(events[0].text == "no stakeholder update for 11s (SEV1 expects one every 10s)");
  CHECK(storage::value_of(events[0].fields, "level") == "1");

  outbox = session.outbox().size();
  session.clock.advance(seconds(5));
  CHECK(tick(session).owners == 0);  // once per silence
  session.clock.advance(seconds(5));
  const auto second = tick(session);
  CHECK(second.managers == 1);
  rows = rows_since(session, outbox);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].destination == "C0MIMS");
  CHECK(rows[0].template_name == "overdue");
  CHECK_THAT(rows[0].text, Catch::Contains("twice its 10s cadence: Payments failing"));
  CHECK(reminders(session, 1).size() == 2);

  session.clock.advance(seconds(60));
  CHECK(tick(session).owners + tick(session).managers == 0);
  CHECK(reminders(session, 1).size() == 2);
  CHECK(session.verify(1).intact);
}

TEST_CASE("a stakeholder update starts the cadence over", "[cadence]") {
  ChatSession session;
  short_cadence(session);
  session.run("alice", "declare Payments failing sev1");
  session.clock.advance(seconds(11));
  CHECK(tick(session).owners == 1);
  session.run("alice", "update card payments fail for 20% of customers");
  session.clock.advance(seconds(9));
  CHECK(tick(session).owners == 0);
  session.clock.advance(seconds(2));
  CHECK(tick(session).owners == 1);
  CHECK(reminders(session, 1).size() == 2);
}

TEST_CASE("no reminders without a cadence or for incidents no longer open", "[cadence]") {
  ChatSession session;
  short_cadence(session);
  session.run("alice", "declare Typo on the status page sev4");
  session.run("bob", "declare Payments failing sev1", "C2");
  session.run("bob", "resolve rolled back", "C2");
  session.clock.advance(std::chrono::hours(48));
  const auto count = tick(session);
  CHECK(count.owners + count.managers == 0);
  CHECK(reminders(session, 1).empty());
  CHECK(reminders(session, 2).empty());
}

TEST_CASE("a scheduler that was away sends both reminders at once", "[cadence]") {
  ChatSession session;
  short_cadence(session);
  session.config.managers_channel.clear();  // nobody to tell: the event is still recorded
  session.run("alice", "declare Payments failing sev1");
  const auto outbox = session.outbox().size();
  session.clock.advance(seconds(25));
  const auto count = tick(session);
  CHECK(count.owners == 1);
  CHECK(count.managers == 1);
  CHECK(rows_since(session, outbox).size() == 1);  // only the owner's reminder
  CHECK(reminders(session, 1).size() == 2);
}

TEST_CASE("cadence_state says when the next update is due and whether it is late", "[cadence]") {
  ChatSession session;
  short_cadence(session);
  session.run("alice", "declare Payments failing sev1");
  storage::Database db(session.database.path().string());
  storage::Transaction transaction(db);
  storage::SqliteStore store(db);
  const auto incident = *store.find_incident(1);
  auto state = commands::cadence_state(store, session.config, incident, session.clock.now());
  REQUIRE(state.due_at);
  CHECK(*state.due_at == session_start() + seconds(10));
  CHECK_FALSE(state.overdue);
  state =
      commands::cadence_state(store, session.config, incident, session.clock.now() + seconds(11));
  CHECK(state.overdue);
  CHECK(state.reminders == 0);
}

}  // namespace
}  // namespace warroom::testing
