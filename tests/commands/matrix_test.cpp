// Tests for the escalation matrix: declaring at a severity and escalating into it invite its
// people into the incident channel, notify its channels and page its webhook (outbox rows),
// and the event records what was done. De-escalating calls nobody.
#include <catch2/catch.hpp>

#include "tests/commands/command_checks.h"

namespace warroom::testing {
namespace {

using storage::OutboxMessage;

void with_matrix(ChatSession& session) {
  session.config.groups = {{"incident-managers", {"mim1", "mim2"}}, {"payments-oncall", {"pay1"}}};
  auto& sev1 = session.config.severities.at(0);
  sev1.invite = {"@incident-managers", "alice"};
  sev1.notify = {"C0EXECS", "C0ANNOUNCE"};
  sev1.page = "https://pager.example.com/hook?key=secret";
  session.config.severities.at(1).notify = {"C0EXECS"};
  session.config.services = {
      {"payments",
       {.runbook = "https://wiki.example.com/payments", .owners = {"@payments-oncall"}}}};
}

std::vector<std::string> rows_of(const std::vector<OutboxMessage>& rows, std::string_view method) {
  std::vector<std::string> found;
  for (const auto& row : rows) {
    if (row.method == method) found.push_back(row.destination + " " + row.text);
  }
  return found;
}

TEST_CASE("escalating to SEV1 invites notifies and pages", "[matrix]") {
  ChatSession session;
  with_matrix(session);
  session.config.incident_channels = true;
  session.run("alice", "declare Payments failing sev3");
  const auto result = session.run_full("bob", "INC-1 sev 1 all card payments fail");

  CHECK(result.reply.text ==
        "INC-1 escalated to SEV1 (was SEV3) by @bob: all card payments fail\n"
        "SEV1 matrix: invited @mim1, @mim2 · notified C0EXECS, C0ANNOUNCE · paged");
  // alice owns the incident: she is not invited again.
  CHECK(rows_of(result.queued, "conversations.invite") ==
        std::vector<std::string>{"incident:INC-1 mim1", "incident:INC-1 mim2"});
  const auto posts = rows_of(result.queued, "chat.postMessage");
  CHECK(destinations(result.queued) == std::vector<std::string>{"incident:INC-1", "C0ANNOUNCE",
                                                                "C0EXECS", "incident:INC-1",
                                                                "incident:INC-1", "page:SEV1"});
  CHECK(posts.size() == 3);  // incident channel, announce (once), execs
  const auto pages = rows_of(result.queued, "page");
  REQUIRE(pages.size() == 1);
  CHECK(pages.front().starts_with("page:SEV1 INC-1 escalated to SEV1"));
  for (const auto& row : result.queued) {
    CHECK(row.text.find("secret") == std::string::npos);  // the URL is never stored
    for (const auto& [name, value] : row.fields) CHECK(value.find("secret") == std::string::npos);
  }
  const auto event = only_new_event(session, 1, 1);
  check_data(event, {{"from", "SEV3"},
                     {"invited", "mim1,mim2"},
                     {"notified", "C0EXECS,C0ANNOUNCE"},
                     {"paged", "SEV1"},
                     {"reason", "all card payments fail"},
                     {"to", "SEV1"}});
  CHECK(session.verify(1).intact);
}

TEST_CASE("de-escalating applies no matrix", "[matrix]") {
  ChatSession session;
  with_matrix(session);
  session.run("alice", "declare Payments failing sev1");
  const auto result = session.run_full("alice", "sev 2 contained");
  CHECK(result.reply.text == "INC-1 de-escalated to SEV2 (was SEV1) by @alice: contained");
  CHECK(destinations(result.queued) == std::vector<std::string>{"C0ANNOUNCE"});
  check_data(only_new_event(session, 1, 1),
             {{"from", "SEV1"}, {"reason", "contained"}, {"to", "SEV2"}});
}

TEST_CASE("declaring at SEV1 with a service applies the matrix and the service", "[matrix]") {
  ChatSession session;
  with_matrix(session);
  session.config.incident_channels = true;
  const auto result =
      session.run_full("carol", "declare Card payments failing sev1 service:payments");
  CHECK_THAT(result.reply.text, Catch::Contains("Runbook: https://wiki.example.com/payments"));
  CHECK_THAT(result.reply.text,
             Catch::EndsWith("SEV1 matrix: invited @mim1, @mim2, @alice, @pay1 · notified "
                             "C0EXECS, C0ANNOUNCE · paged"));
  const auto invites = rows_of(result.queued, "conversations.invite");
  CHECK(invites == std::vector<std::string>{"incident:INC-1 carol", "incident:INC-1 mim1",
                                            "incident:INC-1 mim2", "incident:INC-1 alice",
                                            "incident:INC-1 pay1"});
  CHECK(rows_of(result.queued, "page").size() == 1);
  CHECK(rows_of(result.queued, "chat.postMessage").size() == 3);  // own channel, announce, execs
  const auto declared = session.events(1).front();
  CHECK(storage::value_of(declared.fields, "invited") == "mim1,mim2,alice,pay1");
  CHECK(storage::value_of(declared.fields, "paged") == "SEV1");
}

TEST_CASE("with incident channels off the matrix notifies and pages but invites nobody",
          "[matrix]") {
  ChatSession session;
  with_matrix(session);
  const auto result = session.run_full("carol", "declare Card payments failing sev1");
  CHECK_THAT(result.reply.text,
             Catch::EndsWith("SEV1 matrix: notified C0EXECS, C0ANNOUNCE · paged"));
  CHECK(storage::value_of(session.events(1).front().fields, "invited").empty());
  CHECK(rows_of(result.queued, "conversations.invite").empty());
  CHECK(destinations(result.queued) ==
        std::vector<std::string>{"C0ANNOUNCE", "C0EXECS", "page:SEV1"});
}

TEST_CASE("escalate to a config group invites its members", "[matrix]") {
  ChatSession session;
  with_matrix(session);
  session.config.incident_channels = true;
  session.run("alice", "declare Payments failing");
  const auto result = session.run_full("alice", "INC-1 escalate to @incident-managers need a MIM");
  CHECK(result.reply.text ==
        "@alice brought @incident-managers (@mim1, @mim2) into INC-1: need a MIM");
  CHECK(rows_of(result.queued, "conversations.invite") ==
        std::vector<std::string>{"incident:INC-1 mim1", "incident:INC-1 mim2"});
  check_data(only_new_event(session, 1, 1),
             {{"invited", "mim1,mim2"}, {"to", "incident-managers"}});
}

}  // namespace
}  // namespace warroom::testing
