// `warroom serve` end to end: health, readiness, the 411 rule, request logs, SIGTERM.
#include <httplib.h>

#include <catch2/catch.hpp>
#include <csignal>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/support/http.h"
#include "tests/support/process.h"
#include "tests/support/temp_database.h"

namespace warroom::testing {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream file(path);
  std::stringstream contents;
  contents << file.rdbuf();
  return contents.str();
}

}  // namespace

TEST_CASE("serve answers /healthz and /readyz and stops cleanly on SIGTERM", "[bot][server]") {
  const TempDatabase database;
  const int port = free_port();
  BackgroundProcess server(
      warroom({"serve", "--port", std::to_string(port), "--db", database.path().string()}));
  REQUIRE(wait_until_healthy(port));

  httplib::Client client("127.0.0.1", port);
  const auto health = client.Get("/healthz");
  REQUIRE(health);
  CHECK(health->status == 200);
  CHECK(health->body == "ok\n");
  const auto ready = client.Get("/readyz");
  REQUIRE(ready);
  CHECK(ready->status == 200);
  const auto unknown = client.Get("/nothing-here");
  REQUIRE(unknown);
  CHECK(unknown->status == 404);

  CHECK(server.stop(SIGTERM) == 0);
  const std::string log = read_file(server.log_path());
  CHECK(log.find("warroom chat") != std::string::npos);  // the banner points at the console
  CHECK(log.find("GET /healthz 200") != std::string::npos);
  CHECK(log.find("GET /readyz 200") != std::string::npos);
}

TEST_CASE("serve answers 411 at once to a POST with neither length nor chunked body",
          "[bot][server]") {
  const TempDatabase database;
  const int port = free_port();
  BackgroundProcess server(
      warroom({"serve", "--port", std::to_string(port), "--db", database.path().string()}));
  REQUIRE(wait_until_healthy(port));
  // httplib's client always sends a length, so write the request by hand.
  const std::string answer = raw_exchange(port, "POST /slack/commands HTTP/1.1\r\nHost: x\r\n\r\n");
  CHECK(answer.rfind("HTTP/1.1 411", 0) == 0);
}

TEST_CASE("serve refuses a port that is already taken with exit 1", "[bot][server]") {
  const TempDatabase database;
  const int port = free_port();
  BackgroundProcess first(
      warroom({"serve", "--port", std::to_string(port), "--db", database.path().string()}));
  REQUIRE(wait_until_healthy(port));
  const auto second = run_process(
      warroom({"serve", "--port", std::to_string(port), "--db", database.path().string()}), "", {},
      std::chrono::seconds(10));
  CHECK(second.exit_code == 1);
  CHECK(second.err.find("cannot listen") != std::string::npos);
}

}  // namespace warroom::testing

namespace warroom::testing {

TEST_CASE("with WARROOM_LOG=json every log line is one JSON object", "[bot][server]") {
  const TempDatabase database;
  const int port = free_port();
  BackgroundProcess server(
      warroom({"serve", "--port", std::to_string(port), "--db", database.path().string()}),
      {{"WARROOM_LOG", "json"}});
  REQUIRE(wait_until_healthy(port));
  CHECK(server.stop(SIGTERM) == 0);
  std::istringstream log(read_file(server.log_path()));
  int lines = 0;
  for (std::string line; std::getline(log, line);) {
    CAPTURE(line);
    const auto object = nlohmann::json::parse(line, nullptr, false);
    REQUIRE(object.is_object());
    CHECK(object["at"].get<std::string>().size() == 24);
    CHECK(object.contains("level"));
    CHECK(object.contains("message"));
    ++lines;
  }
  CHECK(lines >= 3);  // the banner, the health check, the stop
}

}  // namespace warroom::testing
