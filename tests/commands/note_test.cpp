// Tests for `note`: a plain timeline entry, numbered by its seq, posted nowhere else.
#include <catch2/catch.hpp>

#include "tests/commands/command_checks.h"

namespace warroom::testing {
namespace {

constexpr std::string_view usage = "Usage: note <text>";

TEST_CASE("note records one note event and changes nothing else", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  session.clock.advance(minutes(1));
  const auto result = session.run_full("bob", "note restarted pod api-7\n  then api-8");

  check_posted(result.reply);
  CHECK(result.reply.text == "INC-1 note #2 by @bob: restarted pod api-7\n  then api-8");
  const auto event = only_new_event(session, 1, 1);
  CHECK(event.seq == 2);
  CHECK(event.kind == "note");
  CHECK(event.actor == "bob");
  CHECK(event.at == session_start() + minutes(1));
  CHECK(event.text == "restarted pod api-7\n  then api-8");
  check_data(event, {});
  CHECK(result.queued.empty());
  CHECK(session.outbox().size() == 1);  // the declaration's announcement only

  const auto row_after = session.incident(1);
  CHECK(row_after.head_seq == 2);
  CHECK(row_after.owner == "alice");
  CHECK(row_after.status == storage::Status::investigating);
  CHECK(session.verify(1).intact);
}

TEST_CASE("note from another channel names the incident and posts nothing", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  const auto result = session.run_full("bob", "INC-1 note checked the CDN", "C9");
  check_posted(result.reply);
  CHECK(result.reply.text == "INC-1 note #2 by @bob: checked the CDN");
  CHECK(result.queued.empty());
}

TEST_CASE("note refuses bad arguments and changes nothing", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  using Row = std::pair<std::string, std::string>;
  const auto [line, expected] = GENERATE(table<std::string, std::string>({
      Row{"note", "note: the note is empty"},
      Row{"note \t \n", "note: the note is empty"},
      Row{"note " + std::string(4001, 'n'), "note: the note is too long: 4001 characters"},
      Row{"note INC-9 checked", "there is no INC-9"},
  }));
  CAPTURE(line);
  check_refused(session, "bob", line, expected);
  check_refused(session, "bob", line, usage);
}

TEST_CASE("note in a channel without an incident says so", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  check_refused(session, "bob", "note checked", "no incident is bound to this channel", "C2");
  check_refused(session, "bob", "note checked", usage, "C2");
}

}  // namespace
}  // namespace warroom::testing
