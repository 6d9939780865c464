// The console end to end: a whole session piped through the real binary, then exported.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/support/process.h"
#include "tests/support/temp_database.h"

namespace warroom::testing {
namespace {

using nlohmann::json;

constexpr const char* session =
    R"(/incident declare Payments failing for EU cards sev2 service:payments impact:"EU card payments fail"
ack
assign @carol comms
update Card payments fail for about 30% of EU customers; we are on it
status identified bad deploy of payments-api 4.2
escalate all regions affected now
handover @bob taking over for the night shift
note rollback to 4.1 started
status monitoring rollback done, error rate back to normal
resolve rolled back payments-api to 4.1
close
)";

ProcessResult chat(const TempDatabase& database, const std::string& input,
                   const std::string& user = "alice") {
  return run_process(warroom({"chat", "--db", database.path().string(), "--as", user}), input,
                     {{"WARROOM_ANNOUNCE_CHANNEL", "C0ANNOUNCE"}});
}

std::vector<std::string> kinds_of(const json& incident) {
  std::vector<std::string> kinds;
  for (const auto& event : incident["timeline"]) kinds.push_back(event["kind"]);
  return kinds;
}

}  // namespace

TEST_CASE("a piped console session shows each reply as the chat would and exports it whole",
          "[bot][console]") {
  const TempDatabase database;
  const auto result = chat(database, session);
  CAPTURE(result.out, result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(result.out.find("[#console] INC-1 declared: Payments failing for EU cards") !=
        std::string::npos);
  CHECK(result.out.find("[bot → C0ANNOUNCE] INC-1 declared") != std::string::npos);
  CHECK(result.out.find("[#console] @carol is now comms for INC-1") != std::string::npos);
  CHECK(result.out.find("INC-1 escalated to SEV1 (was SEV2)") != std::string::npos);
  CHECK(result.out.find("[#console] INC-1 closed.") != std::string::npos);

  const auto exported = run_process(warroom({"export", "INC-1", "--db", database.path().string()}));
  REQUIRE(exported.exit_code == 0);
  const json incident = json::parse(exported.out);
  CHECK(incident["key"] == "INC-1");
  CHECK(incident["title"] == "Payments failing for EU cards");
  CHECK(incident["severity"] == "SEV1");
  CHECK(incident["status"] == "closed");
  CHECK(incident["service"] == "payments");
  CHECK(incident["impact"] == "EU card payments fail");
  CHECK(incident["owner"] == "bob");
  CHECK(incident["roles"]["comms"] == "carol");
  CHECK(incident["roles"]["commander"] == "bob");
  for (const char* key :
       {"created_at", "acknowledged_at", "mitigated_at", "resolved_at", "closed_at"}) {
    CAPTURE(key);
    CHECK(incident[key].is_string());
  }
  REQUIRE(incident["updates"].size() == 1);
  CHECK(incident["updates"][0]["text"] ==
        "Card payments fail for about 30% of EU customers; we are on it");
  CHECK(kinds_of(incident) == std::vector<std::string>{"declare", "ack", "assign", "update",
                                                       "status", "sev", "handover", "note",
                                                       "status", "resolve", "close"});
  CHECK(incident["timeline"][5]["data"]["from"] == "SEV2");
  CHECK(incident["timeline"][5]["data"]["to"] == "SEV1");
  CHECK(incident["timeline"][0]["hash"].get<std::string>().size() == 64);
  CHECK(incident["chain"]["verified"] == true);

  const auto all = run_process(warroom({"export", "--db", database.path().string()}));
  REQUIRE(all.exit_code == 0);
  CHECK(json::parse(all.out)["incidents"].size() == 1);
}

TEST_CASE("the console refuses a 100 KB line as too long and goes on with the next line",
          "[bot][console]") {
  const TempDatabase database;
  const std::string huge = "note " + std::string(100 * 1024, 'x');
  const auto result = chat(database, "declare Disk full\n" + huge + "\nnote still here\n");
  REQUIRE(result.exit_code == 0);
  CHECK(result.out.find("too long: 102405 bytes, at most 20000") != std::string::npos);
  CHECK(result.out.find("INC-1 note #2 by @alice: still here") != std::string::npos);
}

TEST_CASE("the console stores unicode intact and strips control characters and ANSI escapes",
          "[bot][console]") {
  const TempDatabase database;
  const auto result =
      chat(database,
           "declare Zahlungen gestört 💳 für Kunden\nnote a\x1b[31mred\x1b[0m bell\x07 "
           "and bad \xff byte\n");
  REQUIRE(result.exit_code == 0);
  const auto exported = run_process(warroom({"export", "INC-1", "--db", database.path().string()}));
  const json incident = json::parse(exported.out);
  CHECK(incident["title"] == "Zahlungen gestört 💳 für Kunden");
  CHECK(incident["timeline"][1]["text"] == "ared bell and bad \xEF\xBF\xBD byte");
}

TEST_CASE("the console accepts lines with CRLF endings and no final newline", "[bot][console]") {
  const TempDatabase database;
  const auto result = chat(database, "declare Checkout slow\r\nnote checking\r\nack");
  REQUIRE(result.exit_code == 0);
  const auto exported = run_process(warroom({"export", "INC-1", "--db", database.path().string()}));
  const json incident = json::parse(exported.out);
  CHECK(incident["title"] == "Checkout slow");
  CHECK(incident["timeline"].size() == 3);
  CHECK(incident["acknowledged_at"].is_string());
}

}  // namespace warroom::testing
