// The JSON config file (DESIGN section 2): the shipped example, comments, partial severity
// overrides, every refusal with its key path, and the file through the real binary.
#include "bot/config_file.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "tests/support/http.h"
#include "tests/support/process.h"
#include "tests/support/temp_database.h"

namespace warroom::testing {
namespace {

using commands::Permission;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;
using storage::Severity;
using Strings = std::vector<std::string>;

std::string read_text(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream contents;
  contents << file.rdbuf();
  return contents.str();
}

std::string write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << text;
  return path.string();
}

std::filesystem::path source_file(const std::string& relative) {
  return std::filesystem::path(WARROOM_SOURCE_DIR) / relative;
}

commands::Config loaded(const std::string& text) {
  return bot::apply_config_text(text, "warroom.json", commands::Config{});
}

// The ConfigError's message for `text`, or "(accepted)".
std::string refusal(const std::string& text) {
  try {
    loaded(text);
  } catch (const bot::ConfigError& error) {
    return error.what();
  }
  return "(accepted)";
}

// The first ```jsonc block of docs/configuration.md: the commented example users copy.
std::string documented_example() {
  const std::string doc = read_text(source_file("docs/configuration.md"));
  const std::string fence = "```jsonc\n";
  const auto begin = doc.find(fence);
  REQUIRE(begin != std::string::npos);
  const auto end = doc.find("```", begin + fence.size());
  REQUIRE(end != std::string::npos);
  return doc.substr(begin + fence.size(), end - begin - fence.size());
}

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

TEST_CASE("each mistake in the file is refused with its key path and the problem",
          "[config_file]") {
  const std::string groups =
      R"("groups": {"incident-managers": ["U01MIM"], "payments-oncall": ["U03PAY"]})";
  auto [text, message] = GENERATE_REF(table<std::string, std::string>({
      // Unknown keys, at every level.
      {R"({"group": {}})",
       "group: unknown key; expected groups, channels, severities, permissions or services"},
      {R"({"Groups": {}})",
       "Groups: unknown key; expected groups, channels, severities, permissions or services "
       "(did you mean \"groups\"?)"},
      {R"({"channels": {"announcements": "C1"}})",
       "channels.announcements: unknown key; expected announce or managers"},
      {R"({"severities": {"SEV1": {"update_evry": "1h"}}})",
       "severities.SEV1.update_evry: unknown key; expected description, major, update_every, "
       "invite, notify or page"},
      {R"({"services": {"payments": {"owner": ["U1"]}}})",
       "services.payments.owner: unknown key; expected runbook or owners"},
      // Severity and permission names.
      {R"({"severities": {"SEV5": {}}})",
       "severities.SEV5: unknown severity; expected SEV1, SEV2, SEV3 or SEV4"},
      {R"({"severities": {"sev1": {}}})",
       "severities.sev1: unknown severity; expected SEV1, SEV2, SEV3 or SEV4 (did you mean "
       "\"SEV1\"?)"},
      {R"({"permissions": {"ack": ["*"]}})",
       "permissions.ack: unknown permission; expected declare_major, escalate_major, "
       "downgrade_major, close or reopen"},
      // Wrong types.
      {"[]", "expected an object ({...}) at the top level, got an array"},
      {"null", "expected an object ({...}) at the top level, got null"},
      {R"({"groups": ["U1"]})", "groups: expected an object ({...}), got an array"},
      {R"({"groups": {"sre": "U1"}})",
       R"(groups.sre: expected an array like ["U0123ABCD", "U0456EFGH"], got "U1")"},
      {R"({"groups": {"sre": [42]}})", "groups.sre[0]: expected a user id, got 42"},
      {R"({"channels": "C1"})", R"(channels: expected an object ({...}), got "C1")"},
      {R"({"channels": {"managers": 7}})",
       "channels.managers: expected a channel id like C0123ABCD, got 7"},
      {R"({"severities": {"SEV2": {"major": "yes"}}})",
       R"(severities.SEV2.major: expected true or false, got "yes")"},
      {R"({"severities": {"SEV2": {"description": ["x"]}}})",
       "severities.SEV2.description: expected one line of text, got an array"},
      {R"({"severities": {"SEV2": {"description": "two\nlines"}}})",
       R"(severities.SEV2.description: expected one line of text, got "two\nlines")"},
      {R"({"severities": {"SEV2": null}})",
       "severities.SEV2: expected an object ({...}), got null"},
      {R"({"severities": {"SEV1": {"invite": "U1"}}})",
       R"(severities.SEV1.invite: expected an array like ["@group", "U0123ABCD"], got "U1")"},
      {R"({"permissions": {"close": "*"}})",
       R"(permissions.close: expected an array like ["*"] or ["@group", "U0123ABCD"], got "*")"},
      {R"({"services": {"payments": []}})",
       "services.payments: expected an object ({...}), got an array"},
      // Durations.
      {R"({"severities": {"SEV1": {"update_every": "5x"}}})",
       R"(severities.SEV1.update_every: expected a duration like 10s, 30m, 2h or 1d, got "5x")"},
      {R"({"severities": {"SEV1": {"update_every": 30}}})",
       "severities.SEV1.update_every: expected a duration like 10s, 30m, 2h or 1d, got 30"},
      {R"({"severities": {"SEV3": {"update_every": "-1h"}}})",
       R"(severities.SEV3.update_every: expected a duration like 10s, 30m, 2h or 1d, got "-1h")"},
      {R"({"severities": {"SEV3": {"update_every": "1.5h"}}})",
       R"(severities.SEV3.update_every: expected a duration like 10s, 30m, 2h or 1d, got "1.5h")"},
      // Undefined groups, wherever a principal goes.
      {"{" + groups + R"(, "permissions": {"close": ["U09", "@managers"]}})",
       R"(permissions.close[1]: there is no group "managers" (groups: incident-managers, )"
       R"(payments-oncall))"},
      {R"({"severities": {"SEV1": {"invite": ["@incident-managers"]}}})",
       R"(severities.SEV1.invite[0]: there is no group "incident-managers" (no groups are )"
       R"(defined))"},
      {"{" + groups + R"(, "services": {"payments": {"owners": ["@payments"]}}})",
       R"(services.payments.owners[0]: there is no group "payments" (groups: )"
       R"(incident-managers, payments-oncall))"},
      {R"({"permissions": {"close": ["@"]}})",
       R"(permissions.close[0]: there is no group "" (no groups are defined))"},
      // User ids, group and service names.
      {R"({"groups": {"sre": ["U1", "bad id"]}})",
       R"(groups.sre[1]: expected a user id (letters, digits, '.', '_' or '-'), got "bad id")"},
      {R"({"groups": {"sre": ["@other"]}})",
       R"(groups.sre[0]: a group holds user ids, not "@other")"},
      {R"({"groups": {"sre": ["*"]}})", R"(groups.sre[0]: a group holds user ids, not "*")"},
      {R"({"groups": {"on call": ["U1"]}})",
       R"(groups["on call"]: a group name is letters, digits, '.', '_' or '-' (it is written @name))"},
      {R"({"permissions": {"reopen": ["<@U1>"]}})",
       R"(permissions.reopen[0]: expected "*", "@group" or a user id (letters, digits, '.', '_' )"
       R"(or '-'), got "<@U1>")"},
      {R"({"permissions": {"reopen": [""]}})",
       R"(permissions.reopen[0]: expected "*", "@group" or a user id (letters, digits, '.', '_' )"
       R"(or '-'), got an empty string)"},
      {R"({"severities": {"SEV1": {"invite": ["*"]}}})",
       R"(severities.SEV1.invite[0]: "*" (everyone) cannot be invited here; name user ids or )"
       R"(@groups)"},
      {R"({"services": {"pay ments": {}}})",
       R"(services["pay ments"]: a service name is letters, digits, '.', '_' or '-' (as in )"
       R"(service:<name>))"},
      {R"({"services": {"Payments": {}, "payments": {}}})",
       R"(services.payments: service "payments" is given twice (service names ignore case))"},
      // URLs.
      {R"({"severities": {"SEV1": {"page": "ftp://pager.example.com"}}})",
       R"(severities.SEV1.page: expected an http:// or https:// URL, got "ftp://pager.example.com")"},
      {R"({"severities": {"SEV1": {"page": "pager.example.com/hook"}}})",
       R"(severities.SEV1.page: expected an http:// or https:// URL, got "pager.example.com/hook")"},
      {R"({"severities": {"SEV1": {"page": "https://"}}})",
       R"(severities.SEV1.page: expected an http:// or https:// URL, got "https://")"},
      {R"({"severities": {"SEV1": {"page": ""}}})",
       "severities.SEV1.page: expected an http:// or https:// URL, got an empty string"},
      {R"x({"services": {"payments": {"runbook": "javascript:alert(1)"}}})x",
       R"x(services.payments.runbook: expected an http:// or https:// URL, got )x"
       R"x("javascript:alert(1)")x"},
      // Channel ids.
      {R"({"channels": {"announce": ""}})",
       "channels.announce: expected a channel id like C0123ABCD, got an empty string"},
      {R"({"channels": {"managers": "C0 MIMS"}})",
       R"(channels.managers: expected a channel id like C0123ABCD, got "C0 MIMS")"},
      {R"({"severities": {"SEV2": {"notify": ["C0EXECS", ""]}}})",
       "severities.SEV2.notify[1]: expected a channel id like C0123ABCD, got an empty string"},
      // A key given twice would silently lose the first.
      {R"({"permissions": {"close": ["*"]}, "permissions": {"reopen": ["*"]}})",
       "permissions: given twice; a key may appear only once in an object"},
      {R"({"severities": {"SEV1": {"major": true, "major": false}}})",
       "severities.SEV1.major: given twice; a key may appear only once in an object"},
      {R"({"groups": {"a": ["U1"]}, "services": {"x": {"owners": [], "owners": []}}})",
       "services.x.owners: given twice; a key may appear only once in an object"},
      {R"({"groups": [{"x": [1, {}]}, [], {"y": 1, "y": 2}]})",
       "groups[2].y: given twice; a key may appear only once in an object"},
      {R"([[1, 2], [3], {"a": 1, "a": 1}])",
       "[2].a: given twice; a key may appear only once in an object"},
  }));
  CAPTURE(text);
  CHECK(refusal(text) == "warroom.json: " + message);
}

TEST_CASE("a JSON syntax error names the line and column", "[config_file]") {
  const std::string message = refusal("{\n  \"groups\": {\n    \"sre\": [\"U1\",]\n  }\n}\n");
  CHECK(message.starts_with("warroom.json: not valid JSON: parse error at line 3, column "));
  CHECK(message.find('\n') == std::string::npos);
  CHECK(refusal("").starts_with("warroom.json: not valid JSON: parse error at line 1"));
  CHECK(refusal("{} {}").find("expected end of input") != std::string::npos);
  CHECK(refusal("{\"groups\": {} /* unclosed").starts_with("warroom.json: not valid JSON: "));
  CHECK(refusal(R"({"groups": {"a": [1e400]}})") ==
        "warroom.json: not valid JSON: number overflow parsing '1e400'");
}

TEST_CASE("messages stay on one line whatever the file holds", "[config_file]") {
  const std::string invalid_utf8 = refusal("{\"groups\": {\"a\": [\"\xff\"]}}");
  CHECK(invalid_utf8.starts_with("warroom.json: not valid JSON: "));
  CHECK(invalid_utf8.find('\xff') == std::string::npos);
  const std::string control = refusal("{\"groups\": {\"a\": [\"x\\u001b[31m\\n\"]}}");
  CHECK(control.find('\n') == std::string::npos);
  CHECK(control.find('\x1b') == std::string::npos);
  const std::string key = refusal("{\"new\\nline\": 1}");
  CHECK(key ==
        "warroom.json: [\"new\\nline\"]: unknown key; expected groups, channels, severities, "
        "permissions or services");
  const std::string long_value =
      refusal(R"({"channels": {"announce": ")" + std::string(5000, 'x') + " y\"}}");
  CHECK(long_value.size() < 300);
}

TEST_CASE("a file that cannot be read is refused with its path", "[config_file]") {
  const TempDatabase folder(false);
  const std::string missing = (folder.folder() / "missing.json").string();
  try {
    bot::load_config_file(missing, {});
    FAIL("a missing file was accepted");
  } catch (const bot::ConfigError& error) {
    CHECK(std::string(error.what()) ==
          missing + ": cannot read the config file (No such file or directory)");
  }
  CHECK_THROWS_WITH(bot::load_config_file(folder.folder().string(), {}),
                    folder.folder().string() + ": cannot read the config file: it is a folder");
  const std::string big =
      write_file(folder.folder() / "big.json", "{}" + std::string(1024 * 1024, ' '));
  CHECK_THROWS_WITH(bot::load_config_file(big, {}),
                    big + ": the config file is larger than 1 MiB; is it the right file?");
  CHECK_THROWS_AS(bot::load_config_file("", {}), bot::ConfigError);
}

TEST_CASE("a file with a byte order mark and CRLF line ends loads", "[config_file]") {
  const auto config = loaded("\xEF\xBB\xBF{\r\n  \"channels\": { \"announce\": \"C1\" }\r\n}\r\n");
  CHECK(config.announce_channel == "C1");
}

TEST_CASE("deeply nested input is refused without a crash", "[config_file]") {
  constexpr std::size_t depth = 100000;
  const std::string arrays = std::string(depth, '[') + std::string(depth, ']');
  CHECK(refusal(arrays) ==
        "warroom.json: expected an object ({...}) at the top level, got an array");
  CHECK(refusal("{\"groups\": {\"a\": " + arrays + "}}") ==
        "warroom.json: groups.a[0]: expected a user id, got an array");
  std::string objects;
  for (std::size_t i = 0; i < depth; ++i) objects += "{\"x\":";
  objects += "1" + std::string(depth, '}');
  CHECK(refusal(objects).starts_with("warroom.json: x: unknown key"));
}

TEST_CASE("any value of the example replaced by another type loads or throws ConfigError",
          "[config_file]") {
  using nlohmann::json;
  const json example = json::parse(read_text(source_file("warroom.example.json")));
  std::vector<json::json_pointer> pointers;
  const std::function<void(const json&, const json::json_pointer&)> collect =
      [&](const json& value, const json::json_pointer& at) {
        pointers.push_back(at);
        if (value.is_object()) {
          for (const auto& [key, child] : value.items()) collect(child, at / key);
        } else if (value.is_array()) {
          for (std::size_t i = 0; i < value.size(); ++i) collect(value[i], at / i);
        }
      };
  collect(example, json::json_pointer());
  const std::vector<json> replacements = {nullptr,
                                          0,
                                          -1.5,
                                          true,
                                          "",
                                          "x",
                                          "@nobody",
                                          json::array(),
                                          json::array({1}),
                                          json::object(),
                                          json::object({{"k", 1}})};
  std::size_t refused = 0;
  for (const auto& pointer : pointers) {
    for (const auto& replacement : replacements) {
      json changed = example;
      changed[pointer] = replacement;
      const std::string text = changed.dump();
      CAPTURE(text);
      try {
        loaded(text);
      } catch (const bot::ConfigError& error) {
        CHECK(std::string(error.what()).starts_with("warroom.json: "));
        ++refused;
      }
    }
  }
  CHECK(refused > pointers.size());
}

TEST_CASE("random damage to the example never crashes the loader", "[config_file]") {
  const std::string example = read_text(source_file("warroom.example.json"));
  std::mt19937 generator(20261124);  // a fixed seed: a failure repeats
  const std::string alphabet = "{}[]\":,@*/ \n\\0aZ\x80\xff";
  for (int round = 0; round < 3000; ++round) {
    std::string text = example;
    const int edits = 1 + static_cast<int>(generator() % 4);
    for (int edit = 0; edit < edits && !text.empty(); ++edit) {
      const std::size_t at = generator() % text.size();
      const char byte = alphabet.at(generator() % alphabet.size());
      switch (generator() % 3) {
        case 0:
          text.erase(at, 1 + generator() % 8);
          break;
        case 1:
          text.insert(at, 1, byte);
          break;
        default:
          text[at] = byte;
      }
    }
    CAPTURE(text);
    try {
      loaded(text);
    } catch (const bot::ConfigError&) {
      // refused with a message: fine; any other exception fails the test
    }
  }
}

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
