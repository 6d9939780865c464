// The JSON config file (DESIGN section 2), what it loads into: the shipped example and the
// documented one, comments, partial severity overrides, and the Config it gives (groups and
// permissions). Refusals are in config_refusal_test.cpp, the binary in config_cli_test.cpp.
#include "bot/config_file.h"

#include <catch2/catch.hpp>
#include <chrono>

#include "tests/support/config_files.h"

namespace warroom::testing {
namespace {

using commands::Permission;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;
using storage::Severity;
using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("the shipped warroom.example.json is DESIGN's example verbatim", "[config_file]") {
  const std::string design = read_text(std::filesystem::path(WARROOM_SHARED_DIR) / "DESIGN.md");
  const std::string example = read_text(source_file("warroom.example.json"));
  REQUIRE(!example.empty());
  CHECK(design.find("```json\n" + example + "```") != std::string::npos);
}

TEST_CASE("warroom.example.json loads into the values it states", "[config_file]") {
  const auto config = bot::load_config_file(source_file("warroom.example.json").string(), {});
  CHECK(config.groups == std::map<std::string, Strings>{{"incident-managers", {"U01MIM", "U02MIM"}},
                                                        {"payments-oncall", {"U03PAY"}}});
  CHECK(config.announce_channel == "C0ANNOUNCE");
  CHECK(config.managers_channel == "C0MIMS");

  const auto& sev1 = config.policy(Severity::sev1);
  CHECK(sev1.description == "Critical: customers cannot pay");
  CHECK(sev1.major);
  CHECK(sev1.update_every == minutes(30));
  CHECK(sev1.invite == Strings{"@incident-managers"});
  CHECK(sev1.notify == Strings{"C0EXECS"});
  CHECK(sev1.page == "https://pager.example.com/hook");
  CHECK(config.members(sev1.invite) == Strings{"U01MIM", "U02MIM"});

  const auto& sev2 = config.policy(Severity::sev2);
  CHECK(sev2.description == "Major degradation");
  CHECK(sev2.major);
  CHECK(sev2.update_every == hours(1));
  CHECK(sev2.notify == Strings{"C0EXECS"});
  CHECK(sev2.invite.empty());
  CHECK(sev2.page.empty());

  const auto& sev3 = config.policy(Severity::sev3);
  CHECK(sev3.description == "Minor");
  CHECK_FALSE(sev3.major);
  CHECK(sev3.update_every == hours(4));
  const auto& sev4 = config.policy(Severity::sev4);
  CHECK(sev4.description == "Cosmetic");
  CHECK_FALSE(sev4.major);
  CHECK(sev4.update_every == seconds(0));

  CHECK(config.holders(Permission::declare_major) == Strings{"*"});
  CHECK(config.holders(Permission::escalate_major) == Strings{"*"});
  for (const auto permission :
       {Permission::downgrade_major, Permission::close, Permission::reopen}) {
    CAPTURE(commands::to_string(permission));
    CHECK(config.holders(permission) == Strings{"@incident-managers"});
    CHECK(config.allows(permission, "U02MIM"));
    CHECK_FALSE(config.allows(permission, "U03PAY"));
  }
  CHECK(config.allows(Permission::declare_major, "anyone"));

  REQUIRE(config.services.size() == 1);
  const auto& payments = config.services.at("payments");
  CHECK(payments.runbook == "https://wiki.example.com/payments");
  CHECK(payments.owners == Strings{"@payments-oncall"});
  CHECK(config.members(payments.owners) == Strings{"U03PAY"});
}

TEST_CASE("the commented example in docs/configuration.md loads with its comments",
          "[config_file]") {
  const std::string example = documented_example();
  CHECK(example.find("//") != std::string::npos);
  CHECK(example.find("/*") != std::string::npos);
  const auto config = loaded(example);
  CHECK(config.announce_channel == "C0ANNOUNCE");
  CHECK(config.managers_channel == "C0MIMS");
  CHECK(config.policy(Severity::sev1).page == "https://pager.example.com/hook");
  CHECK(config.update_interval(Severity::sev3) == seconds(0));  // "0s": no cadence
  CHECK(config.policy(Severity::sev3).description == "Minor");  // the rest kept
  CHECK(config.update_interval(Severity::sev2) == hours(1));    // not in the file: default
  CHECK(config.allows(Permission::reopen, "U04LEAD"));
  CHECK(config.allows(Permission::reopen, "U01MIM"));
  CHECK_FALSE(config.allows(Permission::close, "U04LEAD"));
  CHECK(config.allows(Permission::declare_major, "U04LEAD"));  // not named: everyone
  CHECK(config.services.at("payments").owners == Strings{"@payments-oncall"});
}

TEST_CASE("comments of both kinds are accepted anywhere JSON allows blanks", "[config_file]") {
  const auto config = loaded(R"(// warroom settings
{ /* groups */ "groups": { "sre": [ "U1" /* the lead */, "U2" ] }, // trailing comment
  "channels": { "announce": "C1" } /* last */ }
// the end)");
  CHECK(config.groups.at("sre") == Strings{"U1", "U2"});
  CHECK(config.announce_channel == "C1");
}

TEST_CASE("an empty object keeps every default", "[config_file]") {
  const auto config = loaded("{}");
  const commands::Config defaults;
  CHECK(config.groups.empty());
  CHECK(config.permissions.empty());
  CHECK(config.services.empty());
  CHECK(config.announce_channel.empty());
  CHECK(config.managers_channel.empty());
  for (std::size_t i = 0; i < 4; ++i) {
    CAPTURE(i);
    CHECK(config.severities.at(i).description == defaults.severities.at(i).description);
    CHECK(config.severities.at(i).major == defaults.severities.at(i).major);
    CHECK(config.severities.at(i).update_every == defaults.severities.at(i).update_every);
  }
}

TEST_CASE("a severity in the file overrides only the keys it gives", "[config_file]") {
  const auto config = loaded(R"({"severities": {
      "SEV1": {"description": "Payments down", "notify": ["C0EXECS"]},
      "SEV3": {"major": true},
      "SEV4": {"update_every": "1d"}}})");
  const auto& sev1 = config.policy(Severity::sev1);
  CHECK(sev1.description == "Payments down");
  CHECK(sev1.notify == Strings{"C0EXECS"});
  CHECK(sev1.major);                                            // default kept
  CHECK(sev1.update_every == minutes(30));                      // default kept
  CHECK(config.policy(Severity::sev2).description == "Major");  // untouched
  CHECK(config.is_major(Severity::sev2));
  CHECK(config.update_interval(Severity::sev2) == hours(1));
  CHECK(config.is_major(Severity::sev3));
  CHECK(config.update_interval(Severity::sev3) == hours(4));
  CHECK(config.policy(Severity::sev3).description == "Minor");
  CHECK(config.update_interval(Severity::sev4) == hours(24));
  CHECK_FALSE(config.is_major(Severity::sev4));
}

TEST_CASE("the file applies over the base it is given and leaves other settings alone",
          "[config_file]") {
  commands::Config base;
  base.announce_channel = "C0BASE";
  base.incident_channels = true;
  base.public_url = "https://warroom.example.com";
  base.groups["sre"] = {"U1"};
  base.permissions[Permission::close] = {"@sre"};
  const auto config = bot::apply_config_text(
      R"({"groups": {"sre": ["U2"]}, "permissions": {"reopen": ["@sre"]}})", "f.json", base);
  CHECK(config.announce_channel == "C0BASE");
  CHECK(config.incident_channels);
  CHECK(config.public_url == "https://warroom.example.com");
  CHECK(config.groups.at("sre") == Strings{"U2"});  // the file's group replaces the base's
  CHECK(config.holders(Permission::close) == Strings{"@sre"});
  CHECK(config.holders(Permission::reopen) == Strings{"@sre"});
  CHECK(config.allows(Permission::close, "U2"));
  CHECK_FALSE(config.allows(Permission::close, "U1"));
}

TEST_CASE("service names are stored lowercase", "[config_file]") {
  const auto config = loaded(R"({"groups": {"pay": ["U3"]},
      "services": {"Payments": {"owners": ["@pay"]}, "search.EU": {}}})");
  CHECK(config.services.size() == 2);
  CHECK(config.services.at("payments").owners == Strings{"@pay"});
  CHECK(config.services.at("search.eu").runbook.empty());
  CHECK(config.services.at("search.eu").owners.empty());
}

TEST_CASE("Config members expands groups and skips everyone and duplicates", "[config_file]") {
  const auto config = loaded(R"({"groups": {"managers": ["U1", "U2"], "payments": ["U2", "U3"],
                                            "empty": []}})");
  CHECK(config.members({"@managers", "@payments"}) == Strings{"U1", "U2", "U3"});
  CHECK(config.members({"U9", "*", "@managers", "U1"}) == Strings{"U9", "U1", "U2"});
  CHECK(config.members({"@empty"}).empty());
  CHECK(config.members({"*"}).empty());
}

TEST_CASE("Config allows follows groups and star and leaves unnamed permissions open",
          "[config_file]") {
  const auto config = loaded(R"({"groups": {"managers": ["U1", "U2"], "empty": []},
      "permissions": {"declare_major": ["*"], "close": ["@managers", "U7"], "reopen": [],
                      "downgrade_major": ["@empty"]}})");
  CHECK(config.allows(Permission::declare_major, "anyone"));
  CHECK(config.allows(Permission::close, "U1"));
  CHECK(config.allows(Permission::close, "U2"));
  CHECK(config.allows(Permission::close, "U7"));
  CHECK_FALSE(config.allows(Permission::close, "U3"));
  CHECK_FALSE(config.allows(Permission::reopen, "U1"));  // an empty list: nobody
  CHECK_FALSE(config.allows(Permission::downgrade_major, "U1"));
  CHECK(config.allows(Permission::escalate_major, "anyone"));  // not named: everyone
  CHECK(config.holders(Permission::escalate_major).empty());
}

}  // namespace warroom::testing
