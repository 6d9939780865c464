// Tests for `reopen`: a resolved incident returns to investigating; resolved_at is cleared,
// mitigated_at kept; the reason is announced. Open and closed incidents are refused.
#include <catch2/catch.hpp>

#include "tests/commands/command_checks.h"

namespace warroom::testing {
namespace {

using storage::Status;

constexpr std::string_view usage = "Usage: reopen <reason>";

TEST_CASE("reopen returns a resolved incident to investigating and announces it", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  session.clock.advance(minutes(30));
  session.run("alice", "resolve rolled back");
  session.clock.advance(minutes(15));
  const auto result = session.run_full("bob", "reopen errors are back");

  check_posted(result.reply);
  CHECK(result.reply.text == "INC-1 reopened, back to investigating: errors are back");
  const auto incident = session.incident(1);
  CHECK(incident.status == Status::investigating);
  CHECK_FALSE(incident.resolved_at);
  CHECK(incident.mitigated_at == session_start() + minutes(30));

  const auto event = only_new_event(session, 1, 2);
  CHECK(event.kind == "reopen");
  CHECK(event.actor == "bob");
  CHECK(event.text == "errors are back");
  check_data(event, {{"from", "resolved"}, {"to", "investigating"}});

  REQUIRE(result.queued.size() == 1);
  CHECK(result.queued[0].destination == "C0ANNOUNCE");
  CHECK(result.queued[0].template_name == "reopen");
  CHECK(result.queued[0].fields.at("text") == "errors are back");
  CHECK(session.verify(1).intact);
}

TEST_CASE("reopen from another channel posts to the incident and announcement channels",
          "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  session.run("alice", "resolve rolled back");
  const auto result = session.run_full("bob", "INC-1 reopen errors are back", "C9");
  check_posted(result.reply);
  CHECK(destinations(result.queued) == std::vector<std::string>{"C1", "C0ANNOUNCE"});
}

TEST_CASE("reopen refuses bad arguments and changes nothing", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  session.run("alice", "resolve rolled back");
  using Row = std::pair<std::string, std::string>;
  const auto [line, expected] = GENERATE(table<std::string, std::string>({
      Row{"reopen", "reopen: the reason is empty: say why"},
      Row{"reopen " + std::string(4001, 'r'), "reopen: the reason is too long"},
      Row{"reopen INC-9 errors", "there is no INC-9"},
  }));
  CAPTURE(line);
  check_refused(session, "alice", line, expected);
  check_refused(session, "alice", line, usage);
}

TEST_CASE("reopen of an open incident is refused and changes nothing", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  session.run("alice", "status monitoring");
  check_refused(session, "alice", "reopen errors",
                "INC-1 is still open (monitoring): there is nothing to reopen");
}

TEST_CASE("reopen of a closed incident is refused because closed is final", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  session.run("alice", "resolve rolled back");
  session.run("alice", "close");
  check_refused(session, "alice", "INC-1 reopen errors",
                "INC-1 is closed, and closed is final: declare a new incident instead");
  check_refused(session, "alice", "reopen errors", "no incident is bound to this channel");
}

}  // namespace
}  // namespace warroom::testing
