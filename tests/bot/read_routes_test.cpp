// The read endpoints end to end: the real binary, seeded through the console, read over HTTP:
// what each page shows, content types, escaping, 404s and the read-token rule.
#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "tests/support/read_server.h"

namespace warroom::testing {
namespace {

using nlohmann::json;

constexpr const char* html_type = "text/html; charset=utf-8";

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// INC-1: SEV1 on payments with one update; INC-2: SEV3 without any.
void seed_two_incidents(ReadServer& server) {
  server.chat("alice", "ops-payments",
              "declare Payments failing for EU cards sev1 service:payments\n"
              "update Rolling back the 14:02 deploy\n");
  server.chat("bob", "ops-search", "declare Search is slow sev3\n");
}

// The server logs a request after answering it: poll for the line.
bool logged(const ReadServer& server, const std::string& line) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (!contains(server.log(), line)) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return true;
}

}  // namespace

TEST_CASE("the status page shows a loopback client every open incident as html", "[status]") {
  ReadServer server;
  seed_two_incidents(server);
  const auto page = server.get("/status");
  REQUIRE(page->status == 200);
  CHECK(page->get_header_value("Content-Type") == html_type);
  const std::string& body = page->body;
  CHECK(contains(body, "<meta http-equiv=\"refresh\" content=\"30\">"));
  CHECK(contains(body, "name=\"viewport\""));
  CHECK(contains(body, "Open incidents (2)"));
  CHECK(contains(body, "Payments failing for EU cards"));
  CHECK(contains(body, "SEV1"));
  CHECK(contains(body, "@alice"));
  CHECK(contains(body, "Rolling back the 14:02 deploy"));
  CHECK(contains(body, "Next update"));
  CHECK(contains(body, "no update posted yet"));  // INC-2
  CHECK(contains(body, "href=\"/incidents/INC-1\""));
  CHECK(body.find("INC-1") < body.find("INC-2"));  // SEV1 above SEV3
}

TEST_CASE("the status json has the same incidents with iso times and the next update due",
          "[status]") {
  ReadServer server;
  seed_two_incidents(server);
  const auto answer = server.get("/status.json");
  REQUIRE(answer->status == 200);
  CHECK(answer->get_header_value("Content-Type") == "application/json");
  const json status = json::parse(answer->body);
  const std::regex iso(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)");
  CHECK(std::regex_match(status["generated_at"].get<std::string>(), iso));
  REQUIRE(status["open"].size() == 2);
  const json& first = status["open"][0];
  CHECK(first["key"] == "INC-1");
  CHECK(first["severity"] == "SEV1");
  CHECK(first["status"] == "investigating");
  CHECK(first["owner"] == "alice");
  CHECK(first["latest_update"]["text"] == "Rolling back the 14:02 deploy");
  CHECK(std::regex_match(first["created_at"].get<std::string>(), iso));
  CHECK(std::regex_match(first["next_update_due_at"].get<std::string>(), iso));
  CHECK(first["overdue"] == false);
  CHECK(status["open"][1]["latest_update"].is_null());
  CHECK(status["recently_resolved"].empty());
}

TEST_CASE("a resolved incident moves from open to recently resolved with its summary", "[status]") {
  ReadServer server;
  seed_two_incidents(server);
  server.chat("bob", "ops-search", "resolve Reindexed the catalogue\n");
  const json status = json::parse(server.get("/status.json")->body);
  REQUIRE(status["open"].size() == 1);
  REQUIRE(status["recently_resolved"].size() == 1);
  CHECK(status["recently_resolved"][0]["key"] == "INC-2");
  CHECK(status["recently_resolved"][0]["summary"]["text"] == "Reindexed the catalogue");
  const std::string page = server.get("/status")->body;
  CHECK(contains(page, "Recently resolved"));
  CHECK(contains(page, "Reindexed the catalogue"));
}

TEST_CASE("the incident page shows one incident with people and timeline and links its review",
          "[status]") {
  ReadServer server;
  seed_two_incidents(server);
  server.chat("alice", "ops-payments", "assign @carol comms\nnote checking the load balancer\n");
  const auto page = server.get("/incidents/INC-1");
  REQUIRE(page->status == 200);
  CHECK(page->get_header_value("Content-Type") == html_type);
  CHECK(contains(page->body, "INC-1: Payments failing for EU cards"));
  CHECK(contains(page->body, "comms: @carol"));
  CHECK(contains(page->body, "Rolling back the 14:02 deploy"));
  CHECK(contains(page->body, "Timeline (4 events)"));
  CHECK(contains(page->body, "checking the load balancer"));
  CHECK(contains(page->body, "The timeline's hash chain verifies."));
  CHECK(contains(page->body, "href=\"/incidents/INC-1/review.html\""));
}

TEST_CASE("the incident json is the export document", "[status]") {
  ReadServer server;
  seed_two_incidents(server);
  const auto answer = server.get("/incidents/INC-1.json");
  REQUIRE(answer->status == 200);
  CHECK(answer->get_header_value("Content-Type") == "application/json");
  const auto exported =
      run_process(warroom({"export", "INC-1", "--db", server.database().path().string()}));
  REQUIRE(exported.exit_code == 0);
  CHECK(json::parse(answer->body) == json::parse(exported.out));
}

TEST_CASE("the review is served as markdown and as an html page", "[status]") {
  ReadServer server;
  seed_two_incidents(server);
  server.chat("alice", "ops-payments", "note saw <script>alert(1)</script> in a log\n");
  const auto markdown = server.get("/incidents/INC-1/review.md");
  REQUIRE(markdown->status == 200);
  CHECK(markdown->get_header_value("Content-Type") == "text/markdown; charset=utf-8");
  CHECK(contains(markdown->body, "# INC-1: Payments failing for EU cards"));
  const auto html = server.get("/incidents/INC-1/review.html");
  REQUIRE(html->status == 200);
  CHECK(html->get_header_value("Content-Type") == html_type);
  CHECK(contains(html->body, "INC-1: Payments failing for EU cards"));
  CHECK(contains(html->body, "Rolling back the 14:02 deploy"));
  CHECK(contains(html->body, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  CHECK_FALSE(contains(html->body, "<script>"));
  CHECK(server.get("/incidents/INC-99/review.md")->status == 404);
  CHECK(server.get("/incidents/INC-x/review.html")->status == 404);
  CHECK(server.get("/incidents/INC-1/review.md", {{"X-Forwarded-For", "203.0.113.7"}})->status ==
        401);
}

TEST_CASE("unknown incidents and malformed keys answer 404", "[status]") {
  ReadServer server;
  seed_two_incidents(server);
  for (const std::string path :
       {"/incidents/INC-99", "/incidents/INC-99.json", "/incidents/INC-0", "/incidents/INC-x",
        "/incidents/inc-1x", "/incidents/INC-1.json/more", "/incidents/INC-99999999999999999999"}) {
    CAPTURE(path);
    CHECK(server.get(path)->status == 404);
  }
  CHECK(server.get("/incidents/inc-1")->status == 200);  // keys are case-insensitive
}

TEST_CASE("a title with a script tag shows as text on every page", "[status]") {
  ReadServer server;
  server.chat("mallory", "ops",
              "declare Checkout <script>alert(1)</script> broken sev2\n"
              "update <img src=x onerror=alert(2)> & \"quotes\"\n");
  for (const std::string path : {"/status", "/incidents/INC-1"}) {
    CAPTURE(path);
    const std::string body = server.get(path)->body;
    CHECK_FALSE(contains(body, "<script>"));
    CHECK_FALSE(contains(body, "<img"));
    CHECK(contains(body, "Checkout &lt;script&gt;alert(1)&lt;/script&gt; broken"));
    CHECK(contains(body, "&lt;img src=x onerror=alert(2)&gt; &amp; &quot;quotes&quot;"));
  }
  const json status = json::parse(server.get("/status.json")->body);
  CHECK(status["open"][0]["title"] == "Checkout <script>alert(1)</script> broken");
}

TEST_CASE("without a read token a request through a proxy is refused with 401", "[status]") {
  ReadServer server;
  seed_two_incidents(server);
  for (const std::string path : {"/status", "/status.json", "/incidents/INC-1",
                                 "/incidents/INC-1.json", "/incidents/INC-99"}) {
    CAPTURE(path);
    CHECK(server.get(path)->status != 401);
    CHECK(server.get(path, {{"X-Forwarded-For", "203.0.113.7"}})->status == 401);
    CHECK(server.get(path, {{"Forwarded", "for=203.0.113.7"}})->status == 401);
  }
  CHECK(server.get("/healthz", {{"X-Forwarded-For", "203.0.113.7"}})->status == 200);
}

TEST_CASE("query strings never reach the request log", "[status]") {
  ReadServer server;
  CHECK(server.get("/status?token=query-secret-123")->status == 200);
  CHECK(server.get("/status.json", {{"X-Forwarded-For", "203.0.113.7"}})->status == 401);
  CHECK(logged(server, "GET /status 200"));
  CHECK(logged(server, "GET /status.json 401"));
  CHECK_FALSE(contains(server.log(), "query-secret-123"));
}

TEST_CASE("with a read token every read needs the bearer header or the token query", "[status]") {
  const std::string token = "s3cret read/token+1";
  ReadServer server({{"WARROOM_READ_TOKEN", token}});
  seed_two_incidents(server);
  const std::string query = "?token=s3cret%20read%2Ftoken%2B1";

  const auto bare = server.get("/status");
  CHECK(bare->status == 401);
  CHECK(bare->get_header_value("WWW-Authenticate") == "Bearer realm=\"warroom\"");
  CHECK_FALSE(contains(bare->body, token));
  CHECK(server.get("/status", {{"Authorization", "Bearer wrong"}})->status == 401);
  CHECK(server.get("/status", {{"Authorization", "Basic " + token}})->status == 401);
  CHECK(server.get("/status?token=wrong")->status == 401);
  CHECK(server.get("/incidents/INC-99")->status == 401);  // no hint that it does not exist

  CHECK(server.get("/status.json", {{"Authorization", "Bearer " + token}})->status == 200);
  CHECK(server.get("/incidents/INC-1/review.html" + query)->status == 200);
  CHECK(server.get("/incidents/INC-1/review.md")->status == 401);
  CHECK(server.get("/incidents/INC-1.json", {{"Authorization", "Bearer " + token}})->status == 200);
  const auto with_header = server.get("/status", {{"Authorization", "Bearer " + token}});
  REQUIRE(with_header->status == 200);
  CHECK_FALSE(contains(with_header->body, "token="));  // the header is not copied into links

  const auto with_query = server.get("/status" + query);
  REQUIRE(with_query->status == 200);
  CHECK(contains(with_query->body, "href=\"/incidents/INC-1" + query + "\""));
  const auto incident = server.get("/incidents/INC-1" + query);
  REQUIRE(incident->status == 200);
  CHECK(contains(incident->body, "href=\"/status" + query + "\""));

  CHECK(server.get("/healthz")->status == 200);  // health stays open
  CHECK(logged(server, "GET /healthz 200"));
  CHECK_FALSE(contains(server.log(), "s3cret"));
}

TEST_CASE("the read token can come from a file named by WARROOM_READ_TOKEN_FILE", "[status]") {
  const TempDatabase folder;
  const auto path = folder.folder() / "read-token";
  {
    std::ofstream file(path);
    file << "token-from-file\n";
  }
  ReadServer server({{"WARROOM_READ_TOKEN_FILE", path.string()}});
  CHECK(server.get("/status")->status == 401);
  CHECK(server.get("/status", {{"Authorization", "Bearer token-from-file"}})->status == 200);
}

}  // namespace warroom::testing
