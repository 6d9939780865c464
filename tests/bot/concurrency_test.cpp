// Several processes on one database file (two consoles and a server) all succeed: nobody
// sees "database is locked", nothing is lost, every chain verifies.
#include <httplib.h>

#include <catch2/catch.hpp>
#include <future>
#include <nlohmann/json.hpp>

#include "tests/support/http.h"
#include "tests/support/process.h"
#include "tests/support/temp_database.h"

namespace warroom::testing {
namespace {

constexpr int notes_per_console = 150;

std::string console_script(const std::string& title) {
  std::string script = "declare " + title + "\n";
  for (int i = 1; i <= notes_per_console; ++i) script += "note step " + std::to_string(i) + "\n";
  return script;
}

}  // namespace

TEST_CASE("two consoles and a server write to one database at once and all succeed",
          "[bot][concurrency]") {
  const TempDatabase database;
  const std::string db = database.path().string();
  const int port = free_port();
  BackgroundProcess server(warroom({"serve", "--port", std::to_string(port), "--db", db}));
  REQUIRE(wait_until_healthy(port));

  auto run_console = [&](const std::string& channel, const std::string& title) {
    return run_process(warroom({"chat", "--db", db, "--as", "alice", "--channel", channel}),
                       console_script(title));
  };
  auto first = std::async(std::launch::async, run_console, "ops-a", "Database A down");
  auto second = std::async(std::launch::async, run_console, "ops-b", "Database B down");
  httplib::Client client("127.0.0.1", port);
  int ready_answers = 0;
  for (int i = 0; i < 50; ++i) {  // the server takes the write lock for each readiness probe
    if (const auto ready = client.Get("/readyz"); ready && ready->status == 200) ++ready_answers;
  }
  const auto a = first.get();
  const auto b = second.get();

  CHECK(ready_answers == 50);
  for (const auto* result : {&a, &b}) {
    CAPTURE(result->err);
    CHECK(result->exit_code == 0);
    CHECK(result->out.find("locked") == std::string::npos);
    CHECK(result->out.find("[error]") == std::string::npos);
  }
  const auto exported = run_process(warroom({"export", "--db", db}));
  REQUIRE(exported.exit_code == 0);
  const auto all = nlohmann::json::parse(exported.out)["incidents"];
  REQUIRE(all.size() == 2);
  for (const auto& incident : all) {
    CHECK(incident["timeline"].size() == notes_per_console + 1);
    CHECK(incident["chain"]["verified"] == true);
  }
}

}  // namespace warroom::testing
