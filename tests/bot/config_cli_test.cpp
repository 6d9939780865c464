// The config file through the real binary: serve refuses a bad file before it listens and
// starts with the example; chat takes --config or WARROOM_CONFIG; --help mentions it.
#include <catch2/catch.hpp>
#include <chrono>

#include "tests/support/config_files.h"
#include "tests/support/http.h"
#include "tests/support/process.h"
#include "tests/support/temp_database.h"

namespace warroom::testing {
namespace {

using std::chrono::seconds;

}  // namespace

TEST_CASE("warroom serve with a bad config file exits 1 before it listens", "[config_file]") {
  const TempDatabase database;
  const std::string config = write_file(database.folder() / "bad.json",
                                        R"({"severities": {"SEV1": {"update_every": "5x"}}})");
  const int port = free_port();
  const auto started_at = std::chrono::steady_clock::now();
  const auto result = run_process(warroom({"serve", "--config", config, "--port",
                                           std::to_string(port), "--db", database.path().string()}),
                                  "", {}, seconds(20));
  CHECK(std::chrono::steady_clock::now() - started_at < seconds(10));
  CHECK(result.exit_code == 1);
  CHECK(result.err == "warroom: " + config +
                          ": severities.SEV1.update_every: expected a duration like 10s, 30m, "
                          "2h or 1d, got \"5x\"\n");
}

TEST_CASE("warroom serve starts with the example config file", "[config_file]") {
  const TempDatabase database;
  const int port = free_port();
  BackgroundProcess server(
      warroom({"serve", "--config", source_file("warroom.example.json").string(), "--port",
               std::to_string(port), "--db", database.path().string()}));
  CHECK(wait_until_healthy(port));
}

TEST_CASE("warroom chat runs with the config file from --config or WARROOM_CONFIG",
          "[config_file]") {
  const TempDatabase database;
  const std::string db = database.path().string();
  const std::string good = write_file(database.folder() / "good.json", R"({
    // the console shows what the bot would post to the announce channel
    "channels": { "announce": "C0ANNOUNCE" }
  })");
  const std::string bad = write_file(database.folder() / "bad.json", R"({"chanels": {}})");

  SECTION("--config") {
    const auto result =
        run_process(warroom({"chat", "--config", good, "--as", "alice", "--db", db}),
                    "declare Payments failing sev2\n");
    CHECK(result.exit_code == 0);
    CHECK(result.err.empty());
    CHECK(result.out.find("INC-1 declared: Payments failing") != std::string::npos);
    CHECK(result.out.find("[bot → C0ANNOUNCE] INC-1 declared") != std::string::npos);
  }
  SECTION("WARROOM_CONFIG") {
    const auto result = run_process(warroom({"chat", "--as", "alice", "--db", db}),
                                    "declare Payments failing\n", {{"WARROOM_CONFIG", good}});
    CHECK(result.exit_code == 0);
    CHECK(result.out.find("[bot → C0ANNOUNCE]") != std::string::npos);
  }
  SECTION("--config beats WARROOM_CONFIG") {
    const auto result =
        run_process(warroom({"chat", "--config", good, "--as", "alice", "--db", db}),
                    "declare Payments failing\n", {{"WARROOM_CONFIG", bad}});
    CHECK(result.exit_code == 0);
    CHECK(result.out.find("[bot → C0ANNOUNCE]") != std::string::npos);
  }
  SECTION("WARROOM_ANNOUNCE_CHANNEL beats channels.announce") {
    const auto result =
        run_process(warroom({"chat", "--config", good, "--as", "alice", "--db", db}),
                    "declare Payments failing\n", {{"WARROOM_ANNOUNCE_CHANNEL", "C0FROMENV"}});
    CHECK(result.exit_code == 0);
    CHECK(result.out.find("[bot → C0FROMENV]") != std::string::npos);
    CHECK(result.out.find("C0ANNOUNCE") == std::string::npos);
  }
  SECTION("a bad file from WARROOM_CONFIG stops chat with exit 1") {
    const auto result = run_process(warroom({"chat", "--as", "alice", "--db", db}),
                                    "declare Payments failing\n", {{"WARROOM_CONFIG", bad}});
    CHECK(result.exit_code == 1);
    CHECK(result.out.empty());
    CHECK(result.err == "warroom: " + bad +
                            ": chanels: unknown key; expected groups, channels, severities, "
                            "permissions or services\n");
  }
  SECTION("a missing file stops chat with exit 1 and its path") {
    const auto result = run_process(
        warroom({"chat", "--config", "/nonexistent/warroom.json", "--as", "alice", "--db", db}),
        "list\n");
    CHECK(result.exit_code == 1);
    CHECK(result.err ==
          "warroom: /nonexistent/warroom.json: cannot read the config file (No such file or "
          "directory)\n");
  }
}

TEST_CASE("serve and chat --help mention --config", "[config_file]") {
  for (const char* verb : {"serve", "chat"}) {
    CAPTURE(verb);
    const auto help = run_process(warroom({verb, "--help"}));
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("--config") != std::string::npos);
    CHECK(help.out.find("WARROOM_CONFIG") != std::string::npos);
  }
}

}  // namespace warroom::testing
