// Tests for `declare`: the new incident's row, its first event, the announcement, the option
// parser (severity, service, impact anywhere, any case), and every refusal.
#include <catch2/catch.hpp>

#include "tests/commands/command_checks.h"

namespace warroom::testing {
namespace {

using storage::Severity;
using storage::Status;

constexpr std::string_view usage =
    "Usage: declare <title> [sev1|sev2|sev3|sev4] [service:<name>] [impact:\"…\"]";

TEST_CASE("declare opens INC-1 owned by the declarer and announces it", "[commands]") {
  ChatSession session;
  const auto result = session.run_full(
      "alice",
      R"(declare Payments failing sev2 service:payments impact:"EU customers cannot pay")");

  check_posted(result.reply);
  CHECK(result.reply.text ==
        "INC-1 declared: Payments failing\nSeverity SEV2 · owner @alice · service payments\n"
        "Impact: EU customers cannot pay");

  const auto incident = session.incident(1);
  CHECK(incident.title == "Payments failing");
  CHECK(incident.severity == Severity::sev2);
  CHECK(incident.status == Status::investigating);
  CHECK(incident.service == "payments");
  CHECK(incident.impact == "EU customers cannot pay");
  CHECK(incident.channel == "C1");
  CHECK(incident.declared_in == "C1");
  CHECK(incident.owner == "alice");
  CHECK(incident.created_at == session_start());
  CHECK_FALSE(incident.acknowledged_at);
  CHECK_FALSE(incident.mitigated_at);
  CHECK_FALSE(incident.resolved_at);
  CHECK_FALSE(incident.closed_at);
  CHECK(session.incident_count() == 1);

  const auto event = only_new_event(session, 1, 0);
  CHECK(event.seq == 1);
  CHECK(event.kind == "declare");
  CHECK(event.actor == "alice");
  CHECK(event.text == "Payments failing");
  CHECK(event.at == session_start());
  check_data(
      event,
      {{"impact", "EU customers cannot pay"}, {"service", "payments"}, {"severity", "SEV2"}});

  REQUIRE(result.queued.size() == 1);
  const auto& announcement = result.queued.front();
  CHECK(announcement.destination == "C0ANNOUNCE");
  CHECK(announcement.method == "chat.postMessage");
  CHECK(announcement.template_name == "declared");
  CHECK(announcement.incident == 1);
  CHECK_THAT(announcement.text, Catch::StartsWith("INC-1 declared: Payments failing\n"));
  CHECK(announcement.fields.at("key") == "INC-1");
  CHECK(announcement.fields.at("title") == "Payments failing");
  CHECK(announcement.fields.at("severity") == "SEV2");
  CHECK(announcement.fields.at("status") == "investigating");
  CHECK(announcement.fields.at("owner") == "alice");
  CHECK(session.outbox().size() == 1);
  CHECK(session.verify(1).intact);
}

TEST_CASE("declare without a severity uses SEV3 and says so in the reply", "[commands]") {
  ChatSession session;
  const auto reply = session.run("alice", "declare Checkout is slow");
  check_posted(reply);
  CHECK(reply.text ==
        "INC-1 declared: Checkout is slow\nSeverity SEV3 (the default: `sev <1-4> <reason>` "
        "changes it) · owner @alice");
  CHECK(session.incident(1).severity == Severity::sev3);
  const auto event = only_new_event(session, 1, 0);
  check_data(event, {{"severity", "SEV3"}});
}

TEST_CASE("declare options are whole tokens anywhere in the line in any case", "[commands]") {
  ChatSession session;
  using Row = std::tuple<std::string, std::string, Severity, std::string, std::string>;
  const auto [line, title, severity, service, impact] =
      GENERATE(table<std::string, std::string, Severity, std::string, std::string>({
          Row{"declare SEV1 Service:Payments db down", "db down", Severity::sev1, "payments", ""},
          Row{"declare db down Sev4", "db down", Severity::sev4, "", ""},
          Row{"DECLARE impact:\"no logins\" Login broken sev2", "Login broken", Severity::sev2, "",
              "no logins"},
          Row{"declare Login broken impact:\u201Cno logins at all\u201D", "Login broken",
              Severity::sev3, "", "no logins at all"},
          Row{"declare Login broken impact:partial", "Login broken", Severity::sev3, "", "partial"},
          Row{"declare severe   lag in\tsearch", "severe lag in search", Severity::sev3, "", ""},
          Row{"declare service:search-api.eu_1 lag", "lag", Severity::sev3, "search-api.eu_1", ""},
          Row{"declare DB down impact:\"like sev1 service:x\" sev2 now", "DB down now",
              Severity::sev2, "", "like sev1 service:x"},
      }));
  CAPTURE(line);
  check_posted(session.run("alice", line));
  const auto incident = session.incident(1);
  CHECK(incident.title == title);
  CHECK(incident.severity == severity);
  CHECK(incident.service == service);
  CHECK(incident.impact == impact);
}

TEST_CASE("declare keeps a unicode and emoji title intact", "[commands]") {
  ChatSession session;
  const std::string title = "💳 Zahlungen schlagen fehl — café ☕ 支付失败";
  const auto reply = session.run("alice", "declare " + title);
  check_posted(reply);
  CHECK(session.incident(1).title == title);
  CHECK(session.events(1).front().text == title);
  CHECK_THAT(reply.text, Catch::StartsWith("INC-1 declared: " + title + "\n"));
}

TEST_CASE("declare accepts a title of exactly 200 characters", "[commands]") {
  ChatSession session;
  const std::string title(200, 't');
  check_posted(session.run("alice", "declare " + title));
  CHECK(session.incident(1).title == title);
}

TEST_CASE("declare with incident channels on asks for a channel before announcing", "[commands]") {
  ChatSession session;
  session.config.incident_channels = true;
  const auto result = session.run_full("alice", "declare Payments failing sev1");
  check_posted(result.reply);
  CHECK(session.incident(1).channel.empty());
  CHECK(session.incident(1).declared_in == "C1");

  // Create, invite the owner, set the topic, post the declaration there (pinned), in that
  // order for one destination; and the announcement, which waits for the channel to link it.
  REQUIRE(result.queued.size() == 5);
  CHECK(result.queued[0].method == "conversations.create");
  CHECK(result.queued[0].destination == "incident:INC-1");
  CHECK(result.queued[0].fields.at("name") == "inc-1-payments-failing");
  CHECK(result.queued[1].method == "conversations.invite");
  CHECK(result.queued[1].destination == "incident:INC-1");
  CHECK(result.queued[1].fields.at("users") == "alice");
  CHECK(result.queued[2].method == "conversations.setTopic");
  CHECK(result.queued[2].fields.at("topic") == "INC-1 · SEV1 · Payments failing");
  CHECK(result.queued[3].method == "chat.postMessage");
  CHECK(result.queued[3].destination == "incident:INC-1");
  CHECK(result.queued[3].template_name == "declared");
  CHECK(result.queued[3].fields.at("pin") == "true");
  CHECK(result.queued[4].method == "chat.postMessage");
  CHECK(result.queued[4].destination == "C0ANNOUNCE");
  CHECK(result.queued[4].fields.at("wait_for_channel") == "true");
  CHECK(result.queued[4].fields.count("pin") == 0);
  CHECK(session.events(1).size() == 1);

  SECTION("the declaring channel is not bound, so it may declare again") {
    check_posted(session.run("alice", "declare Search slow"));
    CHECK(session.incident_count() == 2);
    check_refused(session, "alice", "note hello", "no incident is bound to this channel");
  }
}

TEST_CASE("declare in the announcement channel queues no message for that channel", "[commands]") {
  ChatSession session;
  const auto result = session.run_full("alice", "declare Payments failing", "C0ANNOUNCE");
  check_posted(result.reply);
  CHECK(result.queued.empty());
  CHECK(session.outbox().empty());
}

TEST_CASE("declare numbers incidents in order across channels", "[commands]") {
  ChatSession session;
  check_posted(session.run("alice", "declare First", "C1"));
  check_posted(session.run("bob", "declare Second", "C2"));
  CHECK(session.incident_count() == 2);
  CHECK(session.incident(2).title == "Second");
  CHECK(session.incident(2).channel == "C2");
  CHECK(session.incident(2).owner == "bob");
  CHECK(session.verify(1).intact);
  CHECK(session.verify(2).intact);
}

TEST_CASE("declare refuses bad arguments, changes nothing and burns no number", "[commands]") {
  ChatSession session;
  using Row = std::pair<std::string, std::string>;
  const auto [line, expected] = GENERATE(table<std::string, std::string>({
      Row{"declare", "declare: the title is empty"},
      Row{"declare    ", "declare: the title is empty"},
      Row{"declare sev2 service:payments", "declare: the title is empty"},
      Row{"declare DB down sev5", "severity must be sev1 to sev4, got \"sev5\""},
      Row{"declare DB down sev0", "severity must be sev1 to sev4"},
      Row{"declare DB down sev1 SEV2", "two severities given"},
      Row{"declare DB down service:", "service: expected a name"},
      Row{"declare DB down service:pay$", "service: expected a name"},
      Row{"declare DB down impact:\"no end", "the closing quote is missing"},
      Row{"declare DB down impact:\"\"", "the impact is empty"},
      Row{"declare " + std::string(201, 't'), "the title is too long: 201 characters, at most 200"},
      Row{"declare DB down impact:\"" + std::string(4001, 'i') + "\"", "the impact is too long"},
      Row{"declare INC-3 DB down", "do not name one"},
  }));
  CAPTURE(line);
  check_refused(session, "alice", line, expected);
  check_refused(session, "alice", line, usage);
  CHECK(session.incident_count() == 0);

  check_posted(session.run("alice", "declare DB down"));
  CHECK(session.incident(1).title == "DB down");
}

TEST_CASE("declare again in a channel with an open incident points to it", "[commands]") {
  ChatSession session;
  check_posted(session.run("alice", "declare Payments failing sev2"));
  const auto reply = check_refused(session, "bob", "declare Payments still failing",
                                   "INC-1 (SEV2, investigating, owner @alice): Payments failing "
                                   "is already open in this channel");
  CHECK_THAT(reply.text, Catch::Contains("declare from another channel"));

  SECTION("another channel may declare, and gets the next number") {
    check_posted(session.run("bob", "declare Search down", "C2"));
    CHECK(session.incident_count() == 2);
    CHECK(session.incident(2).title == "Search down");
  }
  SECTION("after resolve the channel may declare again, and the new one is implied") {
    check_posted(session.run("alice", "resolve rolled back"));
    check_posted(session.run("bob", "declare Payments failing again"));
    CHECK(session.incident(2).channel == "C1");
    check_posted(session.run("bob", "note looking"));
    CHECK(session.events(2).size() == 2);
    CHECK(session.events(1).size() == 2);
  }
}

}  // namespace
}  // namespace warroom::testing
