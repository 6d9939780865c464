// `warroom problems [--db F] [--json]` through the real binary: a readable list, the same
// records as JSON, and the exit codes of DESIGN section 1.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/support/process.h"
#include "tests/support/temp_database.h"

namespace warroom::testing {
namespace {

using nlohmann::json;

void chat(const TempDatabase& database, const std::string& user, const std::string& channel,
          const std::string& lines) {
  const auto result = run_process(
      warroom({"chat", "--db", database.path().string(), "--as", user, "--channel", channel}),
      lines);
  REQUIRE(result.exit_code == 0);
}

TEST_CASE("warroom problems lists problem records as text and as json", "[problem][cli]") {
  const TempDatabase database;
  const std::string db = database.path().string();
  const auto empty = run_process(warroom({"problems", "--db", db}));
  CHECK(empty.exit_code == 0);
  CHECK(empty.out == "No problem records yet.\n");

  chat(database, "alice", "ops-payments",
       "declare Payments failing sev2\nproblem new Pool exhaustion\n"
       "problem workaround PRB-1 restart the pool\n");
  chat(database, "bob", "ops-cards",
       "declare Card processor down\nproblem link PRB-1\nproblem status PRB-1 known-error\n");
  const auto text = run_process(warroom({"problems", "--db", db}));
  CHECK(text.exit_code == 0);
  CHECK(text.err.empty());
  CHECK(text.out.find("PRB-1 [known-error] Pool exhaustion\n  opened ") == 0);
  CHECK(text.out.find(" by @alice\n  workaround: restart the pool\n"
                      "  INC-1 SEV2 investigating: Payments failing\n"
                      "  INC-2 SEV3 investigating: Card processor down\n") != std::string::npos);

  const auto as_json = run_process(warroom({"problems", "--json", "--db", db}));
  CHECK(as_json.exit_code == 0);
  const json document = json::parse(as_json.out);
  REQUIRE(document["problems"].size() == 1);
  CHECK(document["problems"][0]["key"] == "PRB-1");
  CHECK(document["problems"][0]["status"] == "known-error");
  CHECK(document["problems"][0]["workaround"] == "restart the pool");
  CHECK(document["problems"][0]["incidents"].size() == 2);
  CHECK(document["problems"][0]["incidents"][1]["key"] == "INC-2");
}

TEST_CASE("warroom problems exits 2 on usage errors and 1 when the database fails",
          "[problem][cli]") {
  const TempDatabase database;
  const auto help = run_process(warroom({"problems", "--help"}));
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("--json") != std::string::npos);
  const auto extra = run_process(warroom({"problems", "PRB-1", "--db", database.path().string()}));
  CHECK(extra.exit_code == 2);
  CHECK(extra.err.find("warroom:") == 0);
  CHECK(run_process(warroom({"problems", "--format", "x"})).exit_code == 2);
  const auto broken = run_process(warroom({"problems", "--db", "/nonexistent-folder/x.db"}));
  CHECK(broken.exit_code == 1);
  CHECK(broken.err.find("warroom: ") == 0);
  CHECK(broken.err.find('\n') == broken.err.size() - 1);  // one line
}

}  // namespace
}  // namespace warroom::testing
