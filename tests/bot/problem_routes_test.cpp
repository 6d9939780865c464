// The read endpoints for links and problem records end to end: the real binary, seeded
// through the console, read over HTTP: the incident page lists parent, children, duplicates,
// related incidents and problem records; GET /problems.json; the read rule on both.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <regex>

#include "tests/support/read_server.h"

namespace warroom::testing {
namespace {

using nlohmann::json;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// INC-1 parent of INC-2 (and of INC-3, which also duplicates it); INC-4 related to INC-1;
// PRB-1 explains INC-1 and INC-2 and has a workaround.
void seed_linked_incidents(ReadServer& server) {
  server.chat("alice", "ops-payments",
              "declare Payments failing sev1\nproblem new Pool <exhaustion>\n"
              "problem status PRB-1 known-error\nproblem workaround PRB-1 restart the pool\n");
  server.chat("bob", "ops-cards", "declare Card processor down sev2\nlink INC-1 parent\n");
  server.chat("carol", "ops-checkout", "declare Checkout errors\nlink INC-1 duplicate\n");
  server.chat("dave", "ops-search", "declare Search slow\n");
  server.chat("alice", "ops-payments", "link INC-3 child\nlink INC-4 related\n");
  server.chat("bob", "ops-cards", "problem link PRB-1\n");
}

TEST_CASE("the incident page lists its children duplicates related incidents and problems",
          "[link][problem]") {
  ReadServer server;
  seed_linked_incidents(server);
  const auto page = server.get("/incidents/INC-1");
  REQUIRE(page->status == 200);
  const std::string& body = page->body;
  CHECK(contains(body, "<h2>Linked incidents</h2>"));
  CHECK(contains(body, "<li>Child: <a href=\"/incidents/INC-2\">INC-2</a> Card processor down"));
  CHECK(contains(body, "<li>Child: <a href=\"/incidents/INC-3\">INC-3</a> Checkout errors"));
  CHECK(contains(body, "<li>Duplicated by: <a href=\"/incidents/INC-3\">INC-3</a>"));
  CHECK(contains(body, "<li>Related: <a href=\"/incidents/INC-4\">INC-4</a> Search slow"));
  CHECK(contains(body, "<h2>Problem records</h2>"));
  CHECK(contains(body, "<a href=\"/problems.json\">PRB-1</a> Pool &lt;exhaustion&gt;"));
  CHECK(contains(body, "Workaround: restart the pool"));

  const std::string child = server.get("/incidents/INC-3")->body;
  CHECK(contains(child, "<li>Parent: <a href=\"/incidents/INC-1\">INC-1</a> Payments failing"));
  CHECK(contains(child, "<li>Duplicate of: <a href=\"/incidents/INC-1\">INC-1</a>"));
  CHECK_FALSE(contains(child, "<h2>Problem records</h2>"));
}

TEST_CASE("problems json lists every problem record with its incidents", "[problem]") {
  ReadServer server;
  seed_linked_incidents(server);
  const auto answer = server.get("/problems.json");
  REQUIRE(answer->status == 200);
  CHECK(answer->get_header_value("Content-Type") == "application/json");
  const json document = json::parse(answer->body);
  REQUIRE(document["problems"].size() == 1);
  const json& problem = document["problems"][0];
  CHECK(problem["key"] == "PRB-1");
  CHECK(problem["title"] == "Pool <exhaustion>");
  CHECK(problem["status"] == "known-error");
  CHECK(problem["workaround"] == "restart the pool");
  CHECK(problem["created_by"] == "alice");
  CHECK(std::regex_match(problem["created_at"].get<std::string>(),
                         std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)")));
  CHECK(problem["incidents"] == json::parse(R"([
    {"key": "INC-1", "title": "Payments failing", "severity": "SEV1", "status": "investigating"},
    {"key": "INC-2", "title": "Card processor down", "severity": "SEV2",
     "status": "investigating"}])"));
}

TEST_CASE("problems json with no problem records is an empty list", "[problem]") {
  ReadServer server;
  const auto answer = server.get("/problems.json");
  REQUIRE(answer->status == 200);
  CHECK(json::parse(answer->body) == json::parse(R"({"problems": []})"));
}

TEST_CASE("problems json obeys the read rule like the other read endpoints", "[problem]") {
  SECTION("without a token a request through a proxy is refused") {
    ReadServer server;
    CHECK(server.get("/problems.json")->status == 200);
    CHECK(server.get("/problems.json", {{"X-Forwarded-For", "203.0.113.7"}})->status == 401);
    CHECK(server.get("/problems.json", {{"Forwarded", "for=203.0.113.7"}})->status == 401);
  }
  SECTION("with a token every read needs it") {
    const std::map<std::string, std::string> environment{{"WARROOM_READ_TOKEN", "problem-token"}};
    ReadServer server(environment);
    const auto bare = server.get("/problems.json");
    CHECK(bare->status == 401);
    CHECK(bare->get_header_value("WWW-Authenticate") == "Bearer realm=\"warroom\"");
    CHECK(server.get("/problems.json", {{"Authorization", "Bearer wrong"}})->status == 401);
    CHECK(server.get("/problems.json", {{"Authorization", "Bearer problem-token"}})->status == 200);
    CHECK(server.get("/problems.json?token=problem-token")->status == 200);
  }
}

}  // namespace
}  // namespace warroom::testing
