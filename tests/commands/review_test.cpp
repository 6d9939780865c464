// Tests for `review`: a short summary of the post-incident review with a link to the whole
// document (or the CLI verb when there is no public URL), only for the caller.
#include <catch2/catch.hpp>

#include "tests/commands/command_checks.h"
#include "tests/support/raw_sqlite.h"

namespace warroom::testing {
namespace {

TEST_CASE("review summarises the incident and links to the document", "[commands]") {
  ChatSession session;
  session.config.public_url = "https://warroom.example.com/";
  session.run("alice", "declare Payments failing sev2");
  session.clock.advance(minutes(4));
  session.run("bob", "ack");
  session.run("alice", "action add an alert");
  session.run("alice", "action write the runbook");
  session.run("alice", "action done 1");
  session.clock.advance(minutes(20));
  session.run("alice", "status monitoring");
  session.clock.advance(minutes(10));
  session.run("alice", "resolve rolled back");

  CHECK(check_shown(session, "carol", "review") ==
        "INC-1 post-incident review: Payments failing\n"
        "SEV2 · resolved · owner @alice\n"
        "Time to acknowledge 4m · to mitigate 24m · to resolve 34m\n"
        "7 timeline events · 1 of 2 actions open\n"
        "Timeline hash chain verified (7 events).\n"
        "The whole review: https://warroom.example.com/incidents/INC-1/review.html "
        "(Markdown: review.md)");
}

TEST_CASE("review without a public URL names the CLI verb", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  const auto text = check_shown(session, "alice", "INC-1 review", "C5");
  CHECK_THAT(text, Catch::Contains("Time to acknowledge not yet · to mitigate not yet · to "
                                   "resolve not yet"));
  CHECK_THAT(text, Catch::EndsWith("The whole review: `warroom review INC-1` (Markdown), or "
                                   "`warroom review INC-1 --format html -o INC-1.html`."));
}

TEST_CASE("review warns when the timeline was tampered with", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  session.run("alice", "note one");
  RawSqlite raw(session.database.path());
  raw.execute("DROP TRIGGER events_refuse_update");
  raw.execute("UPDATE events SET text = 'two' WHERE incident_id = 1 AND seq = 2");
  CHECK_THAT(check_shown(session, "alice", "review"),
             Catch::Contains("\nWARNING: the timeline hash chain is broken at event #2 (hash "
                             "mismatch).\n"));
}

TEST_CASE("review works on a closed incident and refuses extra words", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  session.run("alice", "resolve fixed");
  session.run("alice", "close");
  CHECK_THAT(check_shown(session, "alice", "INC-1 review"), Catch::Contains("closed"));
  check_refused(session, "alice", "review INC-1 now", "review: \"now\" is extra");
  check_refused(session, "alice", "review", "no incident is bound to this channel", "C8");
}

}  // namespace
}  // namespace warroom::testing
