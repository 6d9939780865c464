// `warroom serve` with a config file, end to end: the escalation matrix seen by the fake Slack
// and the fake pager, cadence reminders from the server's scheduler, and a permission refusal.
#include <catch2/catch.hpp>
#include <fstream>

#include "tests/slack/slack_server.h"
#include "tests/support/fake_pager.h"

namespace warroom::testing {
namespace {

std::string write_config(const TempDatabase& database, const std::string& page_url) {
  const auto path = database.folder() / "warroom.json";
  std::ofstream file(path);
  file << R"({
  "groups": {"mims": ["UMIM1"]},
  "channels": {"managers": "C0MIMS"},
  "severities": {
    "SEV1": {"update_every": "1s", "invite": ["@mims"], "notify": ["C0EXECS"],
             "page": ")"
       << page_url << R"("}
  },
  "permissions": {"close": ["@mims"]}
})";
  return path.string();
}

std::vector<std::string> texts_to(const FakeSlack& slack, const std::string& channel) {
  std::vector<std::string> texts;
  for (const auto& request : slack.requests("chat.postMessage")) {
    if (request.body["channel"] == channel) texts.push_back(request.body["text"]);
  }
  return texts;
}

bool any_contains(const std::vector<std::string>& texts, const std::string& part) {
  return std::ranges::any_of(
      texts, [&](const auto& text) { return text.find(part) != std::string::npos; });
}

}  // namespace

TEST_CASE("serve applies the matrix and reminds on its cadence", "[slack][e2e][cadence]") {
  FakeSlack slack;
  FakePager pager;
  const TempDatabase database;
  SlackServer server(slack, database, {{"WARROOM_CONFIG", write_config(database, pager.url())}});

  const auto reply = server.command("U1", "C0GENERAL", "declare Payments failing sev1");
  CHECK(reply["response_type"] == "in_channel");
  CHECK(reply["text"].get<std::string>().find(
            "SEV1 matrix: invited <@UMIM1> · notified C0EXECS · paged") != std::string::npos);
  REQUIRE(wait_for([&] { return pager.bodies().size() == 1; }));
  CHECK(pager.targets().front() == "/hook?key=s3cret");
  const auto page = nlohmann::json::parse(pager.bodies().front());
  CHECK(page["incident"] == "INC-1");
  CHECK(page["severity"] == "SEV1");

  REQUIRE(wait_for([&] { return !texts_to(slack, "C0EXECS").empty(); }));
  REQUIRE(wait_for([&] { return slack.requests("conversations.invite").size() == 2; }));
  const std::string channel = server.exported(1)["channel"];
  // Nobody posts an update: the owner is reminded in the incident channel, then the managers.
  REQUIRE(
      wait_for([&] { return any_contains(texts_to(slack, channel), "no stakeholder update"); }));
  REQUIRE(
      wait_for([&] { return any_contains(texts_to(slack, "C0MIMS"), "twice its 1s cadence"); }));
  const auto exported = server.exported(1);
  int reminders = 0;
  for (const auto& event : exported["timeline"]) reminders += event["kind"] == "reminder" ? 1 : 0;
  CHECK(reminders == 2);
  CHECK(exported["chain"]["verified"] == true);

  server.command("U1", "C0GENERAL", "INC-1 resolve rolled back");
  const auto refused = server.command("U1", "C0GENERAL", "INC-1 close");
  CHECK(refused["response_type"] == "ephemeral");
  CHECK(refused["text"].get<std::string>().find(
            "needs the `close` permission, held by @mims (<@UMIM1>)") != std::string::npos);
  CHECK(server.exported(1)["status"] == "resolved");
  const auto closed = server.command("UMIM1", "C0GENERAL", "INC-1 close");
  CHECK(closed["response_type"] == "in_channel");
  CHECK(server.stop() == 0);
  CHECK(server.log().find("s3cret") == std::string::npos);
}

}  // namespace warroom::testing
