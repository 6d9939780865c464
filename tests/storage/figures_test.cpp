// The reads behind `stats` and /metrics: incidents declared since a time (no limit), the
// chosen kinds of events of all of them in one read, and the count of failed outbox rows.
#include <catch2/catch.hpp>

#include "storage/sqlite_store.h"
#include "storage/transaction.h"
#include "tests/support/chat_session.h"

namespace warroom::testing {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

// INC-1 at the session's start, INC-2 an hour later, INC-3 two hours later, each with a
// note; INC-2 also with an update and a severity change.
void seed(ChatSession& session) {
  session.run("alice", "declare First", "C1");
  session.run("alice", "note one", "C1");
  session.clock.advance(hours(1));
  session.run("alice", "declare Second sev2", "C2");
  session.run("alice", "update two", "C2");
  session.run("alice", "sev 3 calmer", "C2");
  session.run("alice", "note two", "C2");
  session.clock.advance(hours(1));
  session.run("alice", "declare Third", "C3");
}

}  // namespace

TEST_CASE("incidents declared since a time are all returned oldest first from that instant on",
          "[storage][stats]") {
  ChatSession session;
  seed(session);
  const auto db = session.database.open();
  storage::SqliteStore store(*db);
  const auto numbers = [&store](TimePoint since) {
    std::vector<std::int64_t> found;
    for (const auto& incident : store.incidents_declared_since(since)) {
      found.push_back(incident.number);
    }
    return found;
  };
  CHECK(numbers(session_start() - hours(1)) == std::vector<std::int64_t>{1, 2, 3});
  CHECK(numbers(session_start() + hours(1)) == std::vector<std::int64_t>{2, 3});  // exactly INC-2
  CHECK(numbers(session_start() + hours(1) + std::chrono::milliseconds(1)) ==
        std::vector<std::int64_t>{3});
  CHECK(numbers(session_start() + hours(3)).empty());
  CHECK(store.incidents_declared_since(session_start()).at(1).title == "Second");
}

TEST_CASE("events of the chosen kinds come for every incident in the window in one ordered read",
          "[storage][stats]") {
  ChatSession session;
  seed(session);
  const auto db = session.database.open();
  storage::SqliteStore store(*db);
  using storage::EventKind;
  const auto events = store.events_of_incidents_declared_since(
      session_start() + minutes(30), {EventKind::declare, EventKind::update, EventKind::sev});
  std::vector<std::string> seen;
  for (const auto& [incident, event] : events) {
    seen.push_back("INC-" + std::to_string(incident) + " " + std::to_string(event.seq) + " " +
                   event.kind);
  }
  CHECK(seen == std::vector<std::string>{"INC-2 1 declare", "INC-2 2 update", "INC-2 3 sev",
                                         "INC-3 1 declare"});
  CHECK(events.at(2).event.fields.at("to") == "SEV3");
  CHECK(events.at(1).event.text == "two");
  CHECK(store.events_of_incidents_declared_since(session_start(), {}).empty());
  CHECK(store.events_of_incidents_declared_since(session_start(), {EventKind::note}).size() == 2);
}

TEST_CASE("the failed outbox count counts only messages that failed for good",
          "[storage][metrics]") {
  ChatSession session;
  session.run("alice", "declare Payments down", "C1");  // announced: one pending message
  const auto db = session.database.open();
  storage::SqliteStore store(*db);
  const auto pending = store.pending_count();
  REQUIRE(pending >= 1);
  CHECK(store.failed_count() == 0);
  {
    storage::Transaction transaction(*db);
    const auto messages = store.outbox_after(0);
    store.mark_failed(messages.front().id, "channel_not_found");
    transaction.commit();
  }
  CHECK(store.failed_count() == 1);
  CHECK(store.pending_count() == pending - 1);
}

}  // namespace warroom::testing
