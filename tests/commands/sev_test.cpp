// Tests for `sev`: every severity change is one `sev` event (from, to, reason) and is
// announced to stakeholders; bad levels and missing reasons are refused.
#include <catch2/catch.hpp>

#include "tests/commands/command_checks.h"

namespace warroom::testing {
namespace {

using storage::Severity;

constexpr std::string_view usage = "Usage: sev <1-4> <reason>";

TEST_CASE("sev to a more critical level escalates and announces it", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  session.clock.advance(minutes(3));
  const auto result = session.run_full("bob", "sev 2 card errors rising");

  check_posted(result.reply);
  CHECK(result.reply.text == "INC-1 escalated to SEV2 (was SEV3) by @bob: card errors rising");
  CHECK(session.incident(1).severity == Severity::sev2);

  const auto event = only_new_event(session, 1, 1);
  CHECK(event.kind == "sev");
  CHECK(event.actor == "bob");
  CHECK(event.text == "card errors rising");
  check_data(event, {{"from", "SEV3"}, {"reason", "card errors rising"}, {"to", "SEV2"}});

  REQUIRE(result.queued.size() == 1);
  CHECK(result.queued[0].destination == "C0ANNOUNCE");
  CHECK(result.queued[0].template_name == "severity");
  CHECK(result.queued[0].fields.at("from") == "SEV3");
  CHECK(result.queued[0].fields.at("severity") == "SEV2");
  CHECK(result.queued[0].fields.at("text") == "card errors rising");
  CHECK(session.verify(1).intact);
}

TEST_CASE("sev to a less critical level de-escalates and announces it", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing sev1");
  const auto result = session.run_full("alice", "sev 4 only one merchant affected");
  check_posted(result.reply);
  CHECK(result.reply.text ==
        "INC-1 de-escalated to SEV4 (was SEV1) by @alice: only one merchant affected");
  CHECK(session.incident(1).severity == Severity::sev4);
  const auto event = only_new_event(session, 1, 1);
  check_data(event, {{"from", "SEV1"}, {"reason", "only one merchant affected"}, {"to", "SEV4"}});
  CHECK(destinations(result.queued) == std::vector<std::string>{"C0ANNOUNCE"});
}

TEST_CASE("sev accepts the level as a number or as a severity name", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  const auto [word, severity] = GENERATE(table<std::string, Severity>({{"1", Severity::sev1},
                                                                       {"sev1", Severity::sev1},
                                                                       {"SEV2", Severity::sev2},
                                                                       {"4", Severity::sev4}}));
  CAPTURE(word);
  check_posted(session.run("alice", "sev " + word + " because"));
  CHECK(session.incident(1).severity == severity);
}

TEST_CASE("sev from another channel is posted to the incident's channel too", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  const auto result = session.run_full("bob", "INC-1 sev 1 all regions", "C9");
  check_posted(result.reply);
  CHECK(destinations(result.queued) == std::vector<std::string>{"C1", "C0ANNOUNCE"});
}

TEST_CASE("sev refuses bad arguments and changes nothing", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  using Row = std::pair<std::string, std::string>;
  const auto [line, expected] = GENERATE(table<std::string, std::string>({
      Row{"sev", "sev: which severity, 1 (critical) to 4 (minor)?"},
      Row{"sev five broken", "sev: expected 1-4, got \"five\""},
      Row{"sev 5 broken", "sev: expected 1-4, got \"5\""},
      Row{"sev 0 broken", "sev: expected 1-4, got \"0\""},
      Row{"sev sev9 broken", "sev: expected 1-4, got \"sev9\""},
      Row{"sev 2", "sev: the reason is empty: say why"},
      Row{"sev 2 " + std::string(4001, 'r'), "the reason is too long"},
      Row{"sev INC-9 2 broken", "there is no INC-9"},
  }));
  CAPTURE(line);
  check_refused(session, "bob", line, expected);
  check_refused(session, "bob", line, usage);
}

TEST_CASE("sev to the current severity is refused and changes nothing", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  const auto reply = check_refused(session, "bob", "sev 3 still minor", "INC-1 is already SEV3");
  CHECK(reply.text == "INC-1 is already SEV3");
}

TEST_CASE("sev in a channel without an incident says so", "[commands]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  check_refused(session, "bob", "sev 1 worse", "no incident is bound to this channel", "C2");
  check_refused(session, "bob", "sev 1 worse", usage, "C2");
}

}  // namespace
}  // namespace warroom::testing
