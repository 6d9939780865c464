// Tests for `escalate`: `escalate <reason>` raises the severity one step (a `sev` event);
// `escalate to @user <reason>` brings someone in (an `escalate` event).
#include <catch2/catch.hpp>

#include "tests/commands/command_checks.h"

namespace warroom::testing {
namespace {

using storage::Severity;

constexpr std::string_view usage = "Usage: escalate <reason>  |  escalate to @user|@group <reason>";

TEST_CASE("escalate raises the severity one step and records a sev event", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  const auto result = session.run_full("bob", "escalate errors spreading to the EU");

  check_posted(result.reply);
  CHECK(result.reply.text ==
        "INC-1 escalated to SEV2 (was SEV3) by @bob: errors spreading to the EU");
  CHECK(session.incident(1).severity == Severity::sev2);
  const auto event = only_new_event(session, 1, 1);
  CHECK(event.kind == "sev");
  CHECK(event.text == "errors spreading to the EU");
  check_data(event, {{"from", "SEV3"}, {"reason", "errors spreading to the EU"}, {"to", "SEV2"}});
  CHECK(destinations(result.queued) == std::vector<std::string>{"C0ANNOUNCE"});
  CHECK(session.verify(1).intact);
}

TEST_CASE("escalate at SEV1 is refused and changes nothing", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing sev1");
  check_refused(session, "bob", "escalate worse", "INC-1 is already SEV1, the most critical");
  CHECK(session.incident(1).severity == Severity::sev1);
}

TEST_CASE("escalate to someone brings them in and records an escalate event", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing sev2");
  const auto result = session.run_full("alice", "escalate to @dba need a database expert");

  check_posted(result.reply);
  CHECK(result.reply.text == "@alice brought @dba into INC-1: need a database expert");
  const auto incident = session.incident(1);
  CHECK(incident.severity == Severity::sev2);
  CHECK(incident.owner == "alice");
  const auto event = only_new_event(session, 1, 1);
  CHECK(event.kind == "escalate");
  CHECK(event.actor == "alice");
  CHECK(event.text == "need a database expert");
  check_data(event, {{"to", "dba"}});
  CHECK(result.queued.empty());  // incident channels are off; the reply is in the channel
  CHECK(session.verify(1).intact);

  SECTION("with incident channels on, the person is invited to the incident's channel") {
    session.config.incident_channels = true;
    const auto invited = session.run_full("alice", "escalate TO @bob second pair of eyes");
    check_posted(invited.reply);
    REQUIRE_FALSE(invited.queued.empty());
    CHECK(invited.queued[0].method == "conversations.invite");
    // One destination for the incident's own channel keeps its messages in order.
    CHECK(invited.queued[0].destination == "incident:INC-1");
    CHECK(invited.queued[0].fields.at("users") == "bob");
  }
  SECTION("from another channel, the news goes to the incident's channel") {
    const auto elsewhere = session.run_full("carol", "INC-1 escalate to @bob help", "C9");
    check_posted(elsewhere.reply);
    CHECK(destinations(elsewhere.queued) == std::vector<std::string>{"C1"});
    CHECK(elsewhere.queued[0].fields.at("to") == "bob");
  }
}

TEST_CASE("escalate refuses bad arguments and changes nothing", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  using Row = std::pair<std::string, std::string>;
  const auto [line, expected] = GENERATE(table<std::string, std::string>({
      Row{"escalate", "escalate: the reason is empty: say why"},
      Row{"escalate to", "escalate to: whom?"},
      Row{"escalate to bob help", "escalate to: whom?"},
      Row{"escalate to @bob", "escalate to: the reason is empty: say why"},
      Row{"escalate to @bob!! help", "escalate to: whom?"},
      Row{"escalate " + std::string(4001, 'r'), "the reason is too long"},
      Row{"escalate INC-9 worse", "there is no INC-9"},
      Row{"escalate INC-9 to @bob help", "there is no INC-9"},
  }));
  CAPTURE(line);
  check_refused(session, "bob", line, expected);
  check_refused(session, "bob", line, usage);
}

TEST_CASE("escalate in a channel without an incident says so", "[commands]") {
  ChatSession session;
  check_refused(session, "bob", "escalate worse", "no incident is bound to this channel");
  check_refused(session, "bob", "escalate to @carol help", "no incident is bound to this channel");
}

}  // namespace
}  // namespace warroom::testing
