// The export JSON's `actions`: every follow-up action with its number, text, owner, due date
// and times, null where there is none.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "bot/export_json.h"
#include "storage/sqlite_store.h"
#include "tests/support/chat_session.h"

namespace warroom::testing {
namespace {

using nlohmann::json;

TEST_CASE("the export lists follow-up actions with owner due date and done time", "[bot]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  session.run("alice", "action add an alert @bob due:2026-12-01");
  session.clock.advance(std::chrono::minutes(5));
  session.run("alice", "action write the runbook");
  session.run("bob", "action done 1");
  const auto db = session.database.open();
  storage::SqliteStore store(*db);
  const auto exported = bot::export_incident(store, 1);
  REQUIRE(exported);
  const json actions = json::parse(*exported).at("actions");
  CHECK(actions == json::parse(R"([
    {"number": 1, "text": "add an alert", "owner": "bob", "due": "2026-12-01",
     "created_at": "2026-11-24T09:00:00.000Z", "done_at": "2026-11-24T09:05:00.000Z"},
    {"number": 2, "text": "write the runbook", "owner": null, "due": null,
     "created_at": "2026-11-24T09:05:00.000Z", "done_at": null}])"));
}

}  // namespace
}  // namespace warroom::testing
