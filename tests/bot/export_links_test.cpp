// The export JSON's `parent`, `links` (both directions, each named from the exported
// incident's side) and `problems` (keys).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "bot/export_json.h"
#include "storage/sqlite_store.h"
#include "tests/support/chat_session.h"

namespace warroom::testing {
namespace {

using nlohmann::json;

json exported(ChatSession& session, std::int64_t number) {
  const auto db = session.database.open();
  storage::SqliteStore store(*db);
  const auto document = bot::export_incident(store, number);
  REQUIRE(document);
  return json::parse(*document);
}

TEST_CASE("the export shows links in both directions and the problem keys", "[link][problem]") {
  ChatSession session;
  session.run("alice", "declare Payments failing", "C3");       // INC-1
  session.run("bob", "declare Card processor down", "C7");      // INC-2
  session.run("carol", "declare Checkout errors", "C8");        // INC-3
  session.run("dave", "declare Payments failing again", "C9");  // INC-4
  session.run("bob", "link INC-1 parent", "C7");
  session.run("carol", "link INC-1 related", "C8");
  session.run("dave", "link INC-1 duplicate", "C9");
  session.run("alice", "problem new Pool exhaustion", "C3");
  session.run("bob", "problem link PRB-1", "C7");
  session.run("bob", "problem new Expired certificate", "C7");

  const json first = exported(session, 1);
  CHECK(first["parent"].is_null());
  CHECK(first["links"] == json::parse(R"([
    {"relation": "child", "key": "INC-2"},
    {"relation": "related", "key": "INC-3"},
    {"relation": "duplicated_by", "key": "INC-4"}])"));
  CHECK(first["problems"] == json::parse(R"(["PRB-1"])"));

  const json second = exported(session, 2);
  CHECK(second["parent"] == "INC-1");
  CHECK(second["links"] == json::parse(R"([{"relation": "parent", "key": "INC-1"}])"));
  CHECK(second["problems"] == json::parse(R"(["PRB-1", "PRB-2"])"));

  CHECK(exported(session, 3)["links"] ==
        json::parse(R"([{"relation": "related", "key": "INC-1"}])"));
  const json fourth = exported(session, 4);
  CHECK(fourth["links"] == json::parse(R"([{"relation": "duplicate", "key": "INC-1"}])"));
  CHECK(fourth["status"] == "resolved");
  CHECK(fourth["problems"].empty());
}

}  // namespace
}  // namespace warroom::testing
