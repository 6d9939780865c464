// What the review computes from the timeline: phases (reopen and moves back included), time
// at each severity, durations of an open incident, owners and roles, the parent incident.
#include "bot/review/review_data.h"

#include <catch2/catch.hpp>

#include "tests/review/review_support.h"
#include "tests/support/raw_sqlite.h"

namespace warroom::testing {
namespace {

using std::chrono::minutes;
using storage::Severity;
using storage::Status;

bot::ReviewData gather(ChatSession& session, std::int64_t number) {
  const auto db = session.database.open();
  storage::SqliteStore store(*db);
  auto review = bot::gather_review(store, number, session.clock.now());
  REQUIRE(review);
  return std::move(*review);
}

std::vector<Status> phase_statuses(const bot::ReviewData& review) {
  std::vector<Status> statuses;
  for (const auto& phase : review.phases) statuses.push_back(phase.status);
  return statuses;
}

TEST_CASE("a reopened incident gets new phases and its latest resolve is the summary", "[review]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  session.clock.advance(minutes(10));
  session.run("alice", "resolve looked fine");
  session.clock.advance(minutes(10));
  session.run("alice", "reopen errors are back");
  session.clock.advance(minutes(5));
  session.run("alice", "status identified bad cache");
  session.run("alice", "status investigating no, not the cache");
  session.clock.advance(minutes(15));
  session.run("alice", "resolve cache flushed for real");
  session.clock.advance(minutes(60));

  const auto review = gather(session, 1);
  CHECK(phase_statuses(review) == std::vector<Status>{Status::investigating, Status::resolved,
                                                      Status::investigating, Status::identified,
                                                      Status::investigating, Status::resolved});
  CHECK(review.phases[2].started_at == session_start() + minutes(20));
  CHECK(review.phases[2].entries.front().what == "errors are back");
  CHECK(review.summary == "cache flushed for real");
  CHECK(review.event_count == 6);
  const std::string markdown = review_of(session, 1);
  CHECK(markdown.find("- **Time to resolve:** 40m (2026-11-24 09:40 UTC)") != std::string::npos);
  CHECK(markdown.find("- **Duration:** 40m from declaration to resolution") != std::string::npos);
  CHECK(markdown.find("\n  - SEV3: 40m\n") != std::string::npos);
}

TEST_CASE("an open incident's durations run to now", "[review]") {
  ChatSession session;
  session.run("alice", "declare Payments failing sev2");
  session.clock.advance(minutes(30));
  session.run("alice", "sev 1 spreading");
  session.clock.advance(minutes(60));

  const auto review = gather(session, 1);
  REQUIRE(review.severity_times.size() == 2);
  CHECK(review.severity_times[0].severity == Severity::sev1);
  CHECK(review.severity_times[0].duration == minutes(60));
  CHECK(review.severity_times[1].severity == Severity::sev2);
  CHECK(review.severity_times[1].duration == minutes(30));
  CHECK(review.highest_severity == Severity::sev1);
  const std::string markdown = review_of(session, 1);
  CHECK(markdown.find("- **Duration:** 1h 30m so far (not resolved)") != std::string::npos);
  CHECK(markdown.find("- **Time to acknowledge:** not acknowledged") != std::string::npos);
  CHECK(markdown.find("- **Time to resolve:** not resolved yet") != std::string::npos);
  CHECK(markdown.find("_Not resolved yet: the summary is the text of the latest `resolve`._") !=
        std::string::npos);
}

TEST_CASE("owners and role holders are listed with their hand-overs", "[review]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  session.clock.advance(minutes(5));
  session.run("alice", "assign @bob");
  session.clock.advance(minutes(5));
  session.run("bob", "handover @carol");
  session.run("carol", "assign @dan ops");
  session.clock.advance(minutes(5));
  session.run("carol", "assign @erin ops");

  const auto review = gather(session, 1);
  CHECK(review.first_owner == "alice");
  REQUIRE(review.handovers.size() == 2);
  CHECK(review.handovers[0].from == "alice");
  CHECK(review.handovers[0].to == "bob");
  CHECK(review.handovers[1].by == "bob");
  CHECK(review.handovers[1].to == "carol");
  REQUIRE(review.roles.size() == 2);
  CHECK(review.roles[0].user == "dan");
  CHECK(review.roles[0].until == session_start() + minutes(15));
  CHECK(review.roles[1].replaced == "dan");
  CHECK_FALSE(review.roles[1].until);
  const std::string markdown = review_of(session, 1);
  CHECK(markdown.find("- **Hand-over** at 2026-11-24 09:10 UTC (T+00:10): \\@bob → \\@carol\n") !=
        std::string::npos);
}

TEST_CASE("the parent incident is listed with its title and status", "[review]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  session.run("alice", "declare Card processor down", "C2");
  RawSqlite(session.database.path()).execute("UPDATE incidents SET parent_id = 2 WHERE id = 1");
  const std::string markdown = review_of(session, 1);
  CHECK(markdown.find("- Parent: **INC-2** Card processor down (investigating)") !=
        std::string::npos);
  CHECK(review_of(session, 2).find("- No parent incident.") != std::string::npos);
}

TEST_CASE("follow-up actions show owner due date and done state", "[review]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  session.run("alice", "action add an alert @bob due:2026-12-01");
  session.run("alice", "action write the runbook");
  session.clock.advance(minutes(3));
  session.run("bob", "action done 1");
  const std::string markdown = review_of(session, 1);
  CHECK(markdown.find("- **\\#1** add an alert · owner \\@bob · due 2026-12-01 · done "
                      "2026-11-24 09:03 UTC\n") != std::string::npos);
  CHECK(markdown.find("- **\\#2** write the runbook · no owner · no due date · **open**\n") !=
        std::string::npos);
}

}  // namespace
}  // namespace warroom::testing
