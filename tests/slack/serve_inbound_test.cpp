// `warroom serve` with Slack, inbound: signed slash commands answered from the commit,
// refusals for anything unsigned or malformed, events and buttons.
#include <catch2/catch.hpp>

#include "tests/slack/slack_server.h"
#include "tests/support/slack_requests.h"

namespace warroom::testing {
namespace {

constexpr const char* form = "application/x-www-form-urlencoded";

std::size_t incidents_in(const TempDatabase& database) {
  const auto all = run_process(warroom({"export", "--db", database.path().string()}));
  return nlohmann::json::parse(all.out)["incidents"].size();
}

std::string mention_event(const std::string& event_id, const std::string& channel,
                          const std::string& text) {
  // The shape of slackapi/bolt-python tests/scenario_tests/test_events.py's app_mention body.
  return nlohmann::json{{"token", "verification_token"},
                        {"team_id", "T111"},
                        {"api_app_id", "A111"},
                        {"event",
                         {{"client_msg_id", "9cbd4c5b-7ddf-4ede-b479-ad21fca66d63"},
                          {"type", "app_mention"},
                          {"text", text},
                          {"user", "W111"},
                          {"ts", "1595926230.009600"},
                          {"team", "T111"},
                          {"channel", channel},
                          {"event_ts", "1595926230.009600"}}},
                        {"type", "event_callback"},
                        {"event_id", event_id},
                        {"event_time", 1595926230},
                        {"authed_users", {"W222"}}}
      .dump();
}

}  // namespace

TEST_CASE("a signed slash command is answered in the channel from the commit", "[slack][e2e]") {
  FakeSlack slack;
  const TempDatabase database;
  SlackServer server(slack, database, {{"WARROOM_INCIDENT_CHANNELS", "off"}});
  const auto reply = server.command("U1", "C1", "declare Checkout errors sev2 <@U2|bob> paged");
  CHECK(reply["response_type"] == "in_channel");
  CHECK(reply["text"] == "INC-1 declared: Checkout errors @U2 paged\nSeverity SEV2 · owner <@U1>");
  CHECK(reply["blocks"][0]["type"] == "section");
  const auto incident = server.exported(1);
  CHECK(incident["owner"] == "U1");
  CHECK(incident["channel"] == "C1");

  const auto help = server.command("U1", "C1", "frobnicate");
  CHECK(help["response_type"] == "ephemeral");
  CHECK(help["text"].get<std::string>().find("unknown command") != std::string::npos);
  const auto in_channel = server.command("U2", "C1", "ack");  // bound channel: no INC-n needed
  CHECK(in_channel["text"] == "<@U2> acknowledged INC-1, 0s after it was declared");
}

TEST_CASE("unsigned, forged, stale or malformed Slack requests are refused and store nothing",
          "[slack][e2e]") {
  FakeSlack slack;
  const TempDatabase database;
  SlackServer server(slack, database);
  const std::string body = slash_body("U1", "C1", "declare Forged");
  httplib::Client client("127.0.0.1", server.port());

  CHECK(client.Post("/slack/commands", body, form)->status == 401);  // unsigned
  CHECK(post_signed(server.port(), "/slack/commands", body, form, "another-secret")->status == 401);
  CHECK(
      post_signed(server.port(), "/slack/commands", body, form, test_signing_secret, 301)->status ==
      401);
  CHECK(post_signed(server.port(), "/slack/commands", body, "text/plain")->status == 415);
  CHECK(post_signed(server.port(), "/slack/commands", "text=declare+x", form)->status == 400);
  const std::string huge = slash_body("U1", "C1", "note " + std::string(70 * 1024, 'x'));
  CHECK(post_signed(server.port(), "/slack/commands", huge, form)->status == 413);
  CHECK(client.Post("/slack/events", "{}", "application/json")->status == 401);
  CHECK(client.Post("/slack/interactions", "payload=%7B%7D", form)->status == 401);
  CHECK(incidents_in(database) == 0);
  CHECK(server.log().find(test_signing_secret) == std::string::npos);
}

TEST_CASE("without a signing secret the Slack endpoints answer 503 and say why", "[slack][e2e]") {
  FakeSlack slack;
  const TempDatabase database;
  SlackServer server(slack, database, {{"SLACK_SIGNING_SECRET", ""}});
  const auto response =
      post_signed(server.port(), "/slack/commands", slash_body("U1", "C1", "declare x"), form);
  REQUIRE(response);
  CHECK(response->status == 503);
  CHECK(response->body.find("SLACK_SIGNING_SECRET") != std::string::npos);
  CHECK(server.log().find("Slack is off: set SLACK_SIGNING_SECRET") != std::string::npos);
}

TEST_CASE("events: the url_verification challenge is answered", "[slack][e2e]") {
  FakeSlack slack;
  const TempDatabase database;
  SlackServer server(slack, database);
  const auto response = post_signed(
      server.port(), "/slack/events",
      R"({"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"})",
      "application/json");
  REQUIRE(response);
  CHECK(response->status == 200);
  CHECK(nlohmann::json::parse(response->body)["challenge"] ==
        "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
}

TEST_CASE("an app_mention runs once however often Slack retries it, and the reply is posted",
          "[slack][e2e]") {
  FakeSlack slack;
  const TempDatabase database;
  SlackServer server(slack, database, {{"WARROOM_INCIDENT_CHANNELS", "off"}});
  server.command("U1", "C1", "declare Search is slow");
  const std::string event =
      mention_event("Ev0PV52K21", "C1", "<@W222> INC-1 note cache &amp; index rebuilt");
  for (int attempt = 0; attempt < 3; ++attempt) {
    httplib::Headers retry;
    if (attempt > 0) retry.emplace("X-Slack-Retry-Num", std::to_string(attempt));
    const auto response = post_signed(server.port(), "/slack/events", event, "application/json",
                                      test_signing_secret, 0, retry);
    REQUIRE(response);
    CHECK(response->status == 200);
  }
  const auto timeline = server.exported(1)["timeline"];
  REQUIRE(timeline.size() == 2);
  CHECK(timeline[1]["kind"] == "note");
  CHECK(timeline[1]["actor"] == "W111");
  CHECK(timeline[1]["text"] == "cache & index rebuilt");
  REQUIRE(wait_for([&] { return slack.requests("chat.postMessage").size() >= 2; }));
  const auto posts = slack.requests("chat.postMessage");
  CHECK(posts.size() == 2);  // the announcement, and the one reply to the mention
  CHECK(posts[1].body["channel"] == "C1");
  CHECK(posts[1].body["text"] == "INC-1 note #2 by <@W111>: cache &amp; index rebuilt");
}

TEST_CASE("the Acknowledge button acknowledges as the user who clicked it", "[slack][e2e]") {
  FakeSlack slack;
  const TempDatabase database;
  SlackServer server(slack, database, {{"WARROOM_INCIDENT_CHANNELS", "off"}});
  server.command("U1", "C1", "declare Payments failing sev1");
  const nlohmann::json payload = {
      {"type", "block_actions"},
      {"user", {{"id", "U7"}, {"username", "carol"}, {"team_id", "T1"}}},
      {"team", {{"id", "T1"}}},
      {"channel", {{"id", "C0ANNOUNCE"}, {"name", "announcements"}}},
      {"container", {{"type", "message"}, {"channel_id", "C0ANNOUNCE"}}},
      {"response_url", slack.base_url() + "respond"},  // tests never call a real host
      {"actions",
       {{{"type", "button"},
         {"action_id", "ack"},
         {"block_id", "b1"},
         {"value", "INC-1"},
         {"action_ts", "1548426417.840180"}}}}};
  const auto response =
      post_signed(server.port(), "/slack/interactions", interaction_body(payload.dump()), form);
  REQUIRE(response);
  CHECK(response->status == 200);
  const auto incident = server.exported(1);
  CHECK(incident["timeline"][1]["kind"] == "ack");
  CHECK(incident["timeline"][1]["actor"] == "U7");
  CHECK(incident["acknowledged_at"].is_string());
}

TEST_CASE("a button's reply goes to its response_url only on an allowed host", "[slack][e2e]") {
  FakeSlack slack;
  const TempDatabase database;
  SlackServer server(slack, database, {{"WARROOM_INCIDENT_CHANNELS", "off"}});
  server.command("U1", "C1", "declare Payments failing sev1");
  const auto click = [&](const std::string& response_url) {
    const nlohmann::json payload = {
        {"type", "block_actions"},
        {"user", {{"id", "U7"}}},
        {"channel", {{"id", "C1"}}},
        {"response_url", response_url},
        {"actions", {{{"type", "button"}, {"action_id", "ack"}, {"value", "INC-1"}}}}};
    return post_signed(server.port(), "/slack/interactions", interaction_body(payload.dump()),
                       form);
  };
  REQUIRE(click(slack.base_url() + "respond")->status == 200);  // 127.0.0.1 is allowed here
  REQUIRE(wait_for([&] { return !slack.requests("respond").empty(); }));
  const auto response = slack.requests("respond").at(0);
  CHECK(response.body["response_type"] == "in_channel");
  CHECK(response.body["replace_original"] == false);
  CHECK(response.body["text"] == "<@U7> acknowledged INC-1, 0s after it was declared");

  REQUIRE(click("https://metadata.evil.example/respond")->status == 200);
  REQUIRE(wait_for([&] {
    return !slack.requests("chat.postMessage").empty() &&
           slack.requests("chat.postMessage").back().body["channel"] == "C1";
  }));
  CHECK(slack.requests("chat.postMessage").back().body["text"] == "<@U7> acknowledged INC-1");
  CHECK(slack.requests("respond").size() == 1);
}

}  // namespace warroom::testing
