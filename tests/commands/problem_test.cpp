// Tests for `problem`: problem records numbered PRB-n, attached to incidents with one
// `problem` event each, their status and workaround kept up to date, listed and shown only to
// the caller; every refusal changes nothing, problem rows included.
#include <catch2/catch.hpp>

#include "storage/sqlite_store.h"
#include "tests/commands/command_checks.h"
#include "tests/support/raw_sqlite.h"

namespace warroom::testing {
namespace {

constexpr std::string_view usage =
    "Usage: problem new <title>  |  problem link PRB-n  |  problem status PRB-n "
    "<open|known-error|resolved>  |  problem workaround PRB-n <text>  |  problem list  |  "
    "problem show PRB-n";

std::optional<storage::Problem> find_problem(ChatSession& session, std::int64_t number) {
  const auto db = session.database.open();
  storage::SqliteStore store(*db);
  return store.find_problem(number);
}

// Every problem row and every attachment, as one line.
std::string problem_rows(ChatSession& session) {
  RawSqlite raw(session.database.path());
  return query_text(raw.handle(),
                    "SELECT (SELECT COALESCE(group_concat(id || title || status || workaround, "
                    "'|'), '') FROM problems) || '/' || (SELECT COALESCE(group_concat(problem_id "
                    "|| '-' || incident_id), '') FROM problem_incidents)");
}

commands::Reply check_problem_refused(ChatSession& session, std::string_view user,
                                      std::string_view line, std::string_view expected,
                                      std::string_view channel = "C1") {
  const std::string before = problem_rows(session);
  auto reply = check_refused(session, user, line, expected, channel);
  CHECK(problem_rows(session) == before);
  return reply;
}

TEST_CASE("problem new opens PRB-1 and attaches the incident with one problem event", "[problem]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  session.clock.advance(minutes(7));
  const auto result = session.run_full("alice", "problem new Connection pool exhaustion");

  check_posted(result.reply);
  CHECK(result.reply.text ==
        "INC-1 is attached to a new problem record, PRB-1: Connection pool exhaustion");
  const auto event = only_new_event(session, 1, 1);
  CHECK(event.kind == "problem");
  CHECK(event.actor == "alice");
  CHECK(event.at == session_start() + minutes(7));
  check_data(event, {{"problem", "PRB-1"}, {"title", "Connection pool exhaustion"}});
  CHECK(session.verify(1).intact);
  const auto problem = find_problem(session, 1);
  REQUIRE(problem);
  CHECK(problem->title == "Connection pool exhaustion");
  CHECK(problem->status == storage::ProblemStatus::open);
  CHECK(problem->workaround.empty());
  CHECK(problem->created_by == "alice");
  CHECK(problem->created_at == session_start() + minutes(7));
  CHECK(problem->incidents == std::vector<std::int64_t>{1});
}

TEST_CASE("problem link attaches another incident to an existing problem", "[problem]") {
  ChatSession session;
  session.run("alice", "declare Payments failing", "C1");
  session.run("bob", "declare Refunds failing", "C2");
  session.run("alice", "problem new Connection pool exhaustion", "C1");
  const auto line = GENERATE(as<std::string>{}, "problem link PRB-1", "problem LINK prb-1");
  CAPTURE(line);
  const auto result = session.run_full("bob", line, "C2");
  check_posted(result.reply);
  CHECK(result.reply.text == "INC-2 is attached to PRB-1 [open]: Connection pool exhaustion");
  check_data(only_new_event(session, 2, 1),
             {{"problem", "PRB-1"}, {"title", "Connection pool exhaustion"}});
  CHECK(find_problem(session, 1)->incidents == std::vector<std::int64_t>{1, 2});
  CHECK(session.events(1).size() == 2);
}

TEST_CASE("problem link works with the incident named before or after the command", "[problem]") {
  ChatSession session;
  session.run("alice", "declare Payments failing", "C1");
  session.run("bob", "declare Refunds failing", "C2");
  session.run("alice", "problem new Connection pool exhaustion", "C1");
  const auto line =
      GENERATE(as<std::string>{}, "INC-2 problem link PRB-1", "problem INC-2 link PRB-1");
  CAPTURE(line);
  const auto result = session.run_full("carol", line, "C9");
  check_posted(result.reply);
  CHECK(find_problem(session, 1)->incidents == std::vector<std::int64_t>{1, 2});
  CHECK(destinations(result.queued) == std::vector<std::string>{"C2"});
}

TEST_CASE("problem numbers count across incidents", "[problem]") {
  ChatSession session;
  session.run("alice", "declare Payments failing", "C1");
  session.run("bob", "declare Refunds failing", "C2");
  session.run("alice", "problem new Pool exhaustion", "C1");
  CHECK(session.run("bob", "problem new Expired certificate", "C2").text ==
        "INC-2 is attached to a new problem record, PRB-2: Expired certificate");
}

TEST_CASE("problem status and workaround change the record and the reply says so", "[problem]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  session.run("alice", "problem new Pool exhaustion");
  const auto status = session.run_full("bob", "problem status PRB-1 Known-Error", "C9");
  check_posted(status.reply);
  CHECK(status.reply.text == "PRB-1 is now known-error (was open), by @bob: Pool exhaustion");
  CHECK(status.queued.empty());
  const auto workaround =
      session.run("bob", "problem workaround PRB-1 restart the pool\nthen drain the queue", "C9");
  check_posted(workaround);
  CHECK(workaround.text == "PRB-1 workaround, by @bob: restart the pool\nthen drain the queue");
  const auto problem = find_problem(session, 1);
  CHECK(problem->status == storage::ProblemStatus::known_error);
  CHECK(problem->workaround == "restart the pool\nthen drain the queue");
  CHECK(session.events(1).size() == 2);  // the problem record has no timeline of its own
  check_posted(session.run("bob", "problem status PRB-1 resolved", "C9"));
  CHECK(find_problem(session, 1)->status == storage::ProblemStatus::resolved);
}

TEST_CASE("problem list and show are only for the caller and write nothing", "[problem]") {
  ChatSession session;
  CHECK(check_shown(session, "alice", "problem list") ==
        "no problem records yet: `problem new <title>` opens one");
  session.run("alice", "declare Payments failing", "C1");
  session.run("bob", "declare Refunds failing sev2", "C2");
  session.run("alice", "problem new Pool exhaustion", "C1");
  session.run("bob", "problem link PRB-1", "C2");
  session.run("bob", "problem new Expired certificate", "C2");
  session.run("bob", "problem status PRB-1 known-error", "C2");
  session.run("bob", "problem workaround PRB-1 restart the pool", "C2");
  CHECK(check_shown(session, "carol", "problem list", "C9") ==
        "Problem records (2):\nPRB-1 [known-error] Pool exhaustion · INC-1, INC-2\n"
        "PRB-2 [open] Expired certificate · INC-2");
  CHECK(check_shown(session, "carol", "problem show prb-1", "C9") ==
        "PRB-1: Pool exhaustion\nStatus: known-error\nWorkaround: restart the pool\n"
        "Opened 2026-11-24 09:00 UTC by @alice\nIncidents:\n"
        "INC-1 (SEV3, investigating, owner @alice): Payments failing\n"
        "INC-2 (SEV2, investigating, owner @bob): Refunds failing");
  CHECK_THAT(check_shown(session, "carol", "problem show PRB-2", "C9"),
             Catch::Contains("Workaround: none yet"));
}

TEST_CASE("problem refuses bad arguments with the usage and changes nothing", "[problem]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  session.run("alice", "problem new Pool exhaustion");
  using Row = std::pair<std::string, std::string>;
  const auto [line, expected] = GENERATE(table<std::string, std::string>({
      Row{"problem", "problem: new, link, status, workaround, list or show?"},
      Row{"problem open Pool",
          "expected new, link, status, workaround, list or show, got \"open\""},
      Row{"problem new", "problem new: the problem title is empty"},
      Row{"problem new " + std::string(201, 'x'),
          "problem new: the problem title is too long: 201 characters, at most 200"},
      Row{"problem link", "problem link: expected a problem key like PRB-2, got \"\""},
      Row{"problem link INC-1", "problem link: expected a problem key like PRB-2, got \"INC-1\""},
      Row{"problem link PRB-0", "got \"PRB-0\""},
      Row{"problem link PRB-9", "problem link: there is no PRB-9: `problem list` shows them"},
      Row{"problem link PRB-1 now", "problem link: \"now\" is extra"},
      Row{"problem status PRB-1 fixed",
          "problem status: expected open, known-error or resolved, got \"fixed\""},
      Row{"problem status PRB-1", "expected open, known-error or resolved, got \"\""},
      Row{"problem status PRB-1 resolved now", "problem status: \"now\" is extra"},
      Row{"problem status PRB-9 resolved", "problem status: there is no PRB-9"},
      Row{"problem workaround PRB-1", "problem workaround: the workaround is empty"},
      Row{"problem workaround PRB-1 " + std::string(4001, 'w'),
          "problem workaround: the workaround is too long: 4001 characters, at most 4000"},
      Row{"problem show PRB-9", "problem show: there is no PRB-9"},
      Row{"problem show", "problem show: expected a problem key like PRB-2"},
      Row{"problem list all", "problem list: \"all\" is extra"},
  }));
  CAPTURE(line);
  const auto reply = check_problem_refused(session, "alice", line, expected);
  CHECK_THAT(reply.text, Catch::EndsWith(std::string(usage)));
}

TEST_CASE("problem refuses a second attachment and a status it already has", "[problem]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  session.run("alice", "problem new Pool exhaustion");
  check_problem_refused(session, "alice", "problem link PRB-1",
                        "INC-1 is already attached to PRB-1");
  check_problem_refused(session, "alice", "problem status PRB-1 open", "PRB-1 is already open");
}

TEST_CASE("problem new and link need an incident that is not closed", "[problem]") {
  ChatSession session;
  check_problem_refused(session, "alice", "problem new Pool exhaustion",
                        "no incident is bound to this channel");
  session.run("alice", "declare Payments failing");
  session.run("alice", "problem new Pool exhaustion");
  session.run("alice", "declare Refunds failing", "C2");
  session.run("alice", "resolve fixed", "C2");
  session.run("alice", "close", "C2");
  check_problem_refused(session, "alice", "INC-2 problem link PRB-1",
                        "INC-2 is closed, and closed is final", "C9");
  check_problem_refused(session, "alice", "INC-2 problem new Another",
                        "INC-2 is closed, and closed is final", "C9");
  check_problem_refused(session, "alice", "INC-9 problem link PRB-1", "there is no INC-9", "C9");
}

TEST_CASE("a problem number is not burned by a refused problem new", "[problem]") {
  ChatSession session;
  session.run("alice", "declare Payments failing", "C1");
  check_problem_refused(session, "alice", "problem new Pool exhaustion",
                        "no incident is bound to this channel", "C9");
  CHECK(session.run("alice", "problem new Pool exhaustion", "C1").text ==
        "INC-1 is attached to a new problem record, PRB-1: Pool exhaustion");
}

}  // namespace
}  // namespace warroom::testing
