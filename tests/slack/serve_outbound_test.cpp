// `warroom serve` with Slack, outbound: the incident channel, invitations and announcements
// go through the outbox to the (fake) Web API in order, exactly once, across restarts.
#include <catch2/catch.hpp>

#include "tests/slack/slack_server.h"

namespace warroom::testing {
namespace {

std::vector<std::string> methods_of(const std::vector<FakeSlack::Request>& requests) {
  std::vector<std::string> methods;
  for (const auto& request : requests) methods.push_back(request.method);
  return methods;
}

const std::vector<std::string> declaration_calls = {"conversations.create",
                                                    "conversations.invite",
                                                    "conversations.setTopic",
                                                    "chat.postMessage",
                                                    "pins.add",
                                                    "chat.postMessage"};

bool all_declaration_calls_arrived(const FakeSlack& slack) {
  return slack.requests().size() >= declaration_calls.size();
}

}  // namespace

TEST_CASE("declare creates the incident channel, invites, pins and announces, each once",
          "[slack][e2e]") {
  FakeSlack slack;
  const TempDatabase database;
  SlackServer server(slack, database);
  const auto reply = server.command("U1", "C0GENERAL", "declare Payments failing sev1");
  CHECK(reply["response_type"] == "in_channel");
  REQUIRE(wait_for([&] { return all_declaration_calls_arrived(slack); }));
  wait_for([] { return false; }, std::chrono::milliseconds(300));  // nothing more may come

  const auto requests = slack.requests();
  auto methods = methods_of(requests);
  // The announcement has its own destination, so it may go before or after the pin.
  CHECK(std::is_permutation(methods.begin(), methods.end(), declaration_calls.begin(),
                            declaration_calls.end()));
  for (const auto& request : requests) CHECK(request.authorization == "Bearer xoxb-test-token");
  const auto create = slack.requests("conversations.create");
  CHECK(create.at(0).body["name"] == "inc-1-payments-failing");
  const std::string channel = server.exported(1)["channel"];
  CHECK_FALSE(channel.empty());
  CHECK(slack.requests("conversations.invite").at(0).body["channel"] == channel);
  CHECK(slack.requests("conversations.invite").at(0).body["users"] == "U1");
  CHECK(slack.requests("conversations.setTopic").at(0).body["topic"] ==
        "INC-1 · SEV1 · Payments failing");

  const auto posts = slack.requests("chat.postMessage");
  REQUIRE(posts.size() == 2);
  const auto& in_channel = posts[0].body["channel"] == channel ? posts[0] : posts[1];
  const auto& announcement = posts[0].body["channel"] == channel ? posts[1] : posts[0];
  CHECK(announcement.body["channel"] == "C0ANNOUNCE");
  CHECK(announcement.body["text"].get<std::string>().find("*INC-1 declared: Payments failing*") !=
        std::string::npos);
  const auto blocks = announcement.body["blocks"];
  CHECK(blocks[blocks.size() - 2]["type"] == "context");
  CHECK(blocks[blocks.size() - 2]["elements"][0]["text"].get<std::string>().find(
            "/incidents/INC-1|INC-1 on the status page>") != std::string::npos);
  const auto buttons = blocks.back()["elements"];
  REQUIRE(buttons.size() == 2);
  CHECK(buttons[0]["url"] == "https://slack.com/app_redirect?channel=" + channel);
  CHECK(buttons[1]["action_id"] == "ack");
  CHECK(buttons[1]["value"] == "INC-1");
  CHECK(slack.requests("pins.add").at(0).body["channel"] == channel);
  CHECK(in_channel.body["channel"] == channel);

  SECTION("commands in the incident's own channel need no INC-n") {
    const auto update = server.command("U1", channel, "update Rolled back, errors falling");
    CHECK(update["response_type"] == "in_channel");
    REQUIRE(wait_for([&] { return slack.requests("chat.postMessage").size() == 3; }));
    CHECK(slack.requests("chat.postMessage")[2].body["channel"] == "C0ANNOUNCE");
  }
}

TEST_CASE("while Slack rate-limits or fails commands still answer and nothing is lost",
          "[slack][e2e]") {
  FakeSlack slack;
  const TempDatabase database;
  SlackServer server(slack, database, {{"WARROOM_INCIDENT_CHANNELS", "off"}});
  slack.answer("chat.postMessage", FakeSlack::rate_limited(1), 1);
  server.command("U1", "C1", "declare Queue backlog sev2");
  REQUIRE(wait_for([&] { return slack.requests("chat.postMessage").size() == 1; }));  // the 429
  slack.answer("chat.postMessage", FakeSlack::server_error(), 2);
  const auto update = server.command("U1", "C1", "update draining the queue");
  CHECK(update["response_type"] == "in_channel");  // answered while Slack misbehaves
  REQUIRE(wait_for([&] { return slack.requests("chat.postMessage").size() >= 5; },
                   std::chrono::seconds(20)));
  const auto posts = slack.requests("chat.postMessage");
  // 429 → wait exactly Retry-After (1 s) → 500 → 500 (backoff) → the declaration → the update.
  CHECK(posts[1].at - posts[0].at >= std::chrono::milliseconds(950));
  CHECK(posts[3].body["text"].get<std::string>().find("declared") != std::string::npos);
  CHECK(posts[4].body["text"].get<std::string>().find("draining the queue") != std::string::npos);
  // Nothing more may come: a short negative wait, not a synchronisation.
  wait_for([] { return false; }, std::chrono::milliseconds(300));
  CHECK(slack.requests("chat.postMessage").size() == 5);
}

TEST_CASE("a permanent Slack error is kept on the timeline as delivery_failed", "[slack][e2e]") {
  FakeSlack slack;
  const TempDatabase database;
  SlackServer server(slack, database, {{"WARROOM_INCIDENT_CHANNELS", "off"}});
  slack.answer("chat.postMessage", FakeSlack::slack_error("channel_not_found"));
  server.command("U1", "C1", "declare Login broken");
  REQUIRE(wait_for([&] { return server.exported(1)["timeline"].size() == 2; }));
  const auto failed = server.exported(1)["timeline"][1];
  CHECK(failed["kind"] == "delivery_failed");
  CHECK(failed["text"].get<std::string>().find("channel_not_found") != std::string::npos);
  CHECK(server.exported(1)["chain"]["verified"] == true);
  CHECK(server.log().find("channel_not_found") != std::string::npos);
}

TEST_CASE("after a restart the outbox resumes and nothing is posted twice", "[slack][e2e]") {
  FakeSlack slack;
  const TempDatabase database;
  {
    SlackServer first(slack, database, {{"WARROOM_INCIDENT_CHANNELS", "off"}});
    slack.answer("chat.postMessage", FakeSlack::server_error());
    first.command("U1", "C1", "declare Disk almost full");
    first.command("U1", "C1", "update cleaning up old logs");
    REQUIRE(wait_for([&] { return !slack.requests("chat.postMessage").empty(); }));
    CHECK(first.stop() == 0);
  }
  slack.answer_normally("chat.postMessage");
  const auto failed_attempts = slack.requests("chat.postMessage").size();
  SlackServer second(slack, database, {{"WARROOM_INCIDENT_CHANNELS", "off"}});
  REQUIRE(wait_for([&] { return slack.requests("chat.postMessage").size() == failed_attempts + 2; },
                   std::chrono::seconds(20)));
  const auto posts = slack.requests("chat.postMessage");
  CHECK(posts[failed_attempts].body["text"].get<std::string>().find("declared") !=
        std::string::npos);
  CHECK(posts[failed_attempts + 1].body["text"].get<std::string>().find("cleaning up") !=
        std::string::npos);
  wait_for([] { return false; }, std::chrono::milliseconds(300));
  CHECK(slack.requests("chat.postMessage").size() == failed_attempts + 2);
}

}  // namespace warroom::testing
