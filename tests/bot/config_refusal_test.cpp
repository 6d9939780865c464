// The JSON config file refused: every mistake with its key path and the problem, syntax
// errors with line and column, messages on one line, unreadable, huge, nested and damaged
// files. Nothing is half-applied and nothing crashes.
#include <catch2/catch.hpp>
#include <functional>
#include <nlohmann/json.hpp>
#include <random>

#include "bot/config_file.h"
#include "tests/support/config_files.h"
#include "tests/support/temp_database.h"

namespace warroom::testing {

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

}  // namespace warroom::testing
