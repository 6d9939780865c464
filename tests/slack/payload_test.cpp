// Tests for Slack's inbound payloads (bot/slack/payload.h) on real shapes: the fixtures in
// ../shared/fixtures/slack/, payloads from Slack's own SDK test suites (data only, sources
// named beside each), and hostile bodies that must give an error or `ignored`, never a throw.
#include "bot/slack/payload.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <random>
#include <string>

namespace warroom::bot::slack {
namespace {

using nlohmann::json;
using Form = std::multimap<std::string, std::string>;
using Type = EventEnvelope::Type;

std::string read_fixture(const std::string& name) {
  std::ifstream file(std::string(WARROOM_SHARED_DIR) + "/fixtures/slack/" + name, std::ios::binary);
  REQUIRE(file.good());
  return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

// slackapi/bolt-python tests/scenario_tests/test_events.py, `valid_event_body`.
const std::string bolt_app_mention = R"({"token": "verification_token", "team_id": "T111",
  "enterprise_id": "E111", "api_app_id": "A111", "event": {"client_msg_id":
  "9cbd4c5b-7ddf-4ede-b479-ad21fca66d63", "type": "app_mention", "text": "<@W111> Hi there!",
  "user": "W222", "ts": "1595926230.009600", "team": "T111", "channel": "C111", "event_ts":
  "1595926230.009600"}, "type": "event_callback", "event_id": "Ev111", "event_time": 1595926230,
  "authed_users": ["W111"]})";

// slackapi/bolt-python tests/scenario_tests/test_events.py, `valid_reaction_added_body`.
const std::string bolt_reaction_added = R"({"token": "verification_token", "team_id": "T111",
  "enterprise_id": "E111", "api_app_id": "A111", "event": {"type": "reaction_added", "user":
  "W111", "item": {"type": "message", "channel": "C111", "ts": "1599529504.000400"}, "reaction":
  "heart_eyes", "item_user": "W111", "event_ts": "1599616881.000800"}, "type": "event_callback",
  "event_id": "Ev111", "event_time": 1599616881, "authed_users": ["W111"]})";

// slackapi/bolt-python tests/scenario_tests/test_message_bot.py,
// `classic_bot_message_event_payload`.
const std::string bolt_bot_message = R"({"token": "verification-token", "team_id": "T111",
  "enterprise_id": "E111", "api_app_id": "A111", "event": {"type": "message", "subtype":
  "bot_message", "text": "Hi there! Thanks for sharing the info!", "ts": "1610262363.001600",
  "username": "classic-bot", "bot_id": "B888", "channel": "C111", "event_ts": "1610262363.001600",
  "channel_type": "channel"}, "type": "event_callback", "event_id": "Ev333", "event_time":
  1610262363, "authorizations": [{"enterprise_id": "E111", "team_id": "T111", "user_id": "UB222",
  "is_bot": true, "is_enterprise_install": false}], "is_ext_shared_channel": false,
  "event_context": "1-message-T111-C111"})";

// slackapi/java-slack-sdk json-logs/samples/events/AppMentionPayload.json (values emptied
// there): an app_mention carrying bot_id, i.e. posted by a bot.
const std::string java_app_mention_from_bot = R"({"token": "", "team_id": "", "enterprise_id": "",
  "api_app_id": "", "event": {"bot_id": "", "type": "app_mention", "text": "", "user": "", "ts":
  "0000000000.000000", "team": "", "bot_profile": {"id": "", "deleted": false, "name": "",
  "updated": 12345, "app_id": "", "icons": {"image_36": "https://www.example.com/", "image_48":
  "https://www.example.com/", "image_72": "https://www.example.com/"}, "team_id": ""},
  "channel": "", "event_ts": "0000000000.000000"}, "type": "event_callback", "event_id": "",
  "event_time": 12345, "authed_users": [""]})";

// slackapi/bolt-python tests/scenario_tests/test_block_actions.py, `body`.
const std::string bolt_block_actions = R"({"type": "block_actions", "user": {"id": "W111",
  "username": "primary-owner", "name": "primary-owner", "team_id": "T111"}, "api_app_id": "A111",
  "token": "verification_token", "container": {"type": "message", "message_ts": "111.222",
  "channel_id": "C111", "is_ephemeral": true}, "trigger_id": "111.222.valid", "team": {"id":
  "T111", "domain": "workspace-domain", "enterprise_id": "E111", "enterprise_name":
  "Sandbox Org"}, "channel": {"id": "C111", "name": "test-channel"}, "response_url":
  "https://hooks.slack.com/actions/T111/111/random-value", "actions": [{"action_id": "a",
  "block_id": "b", "text": {"type": "plain_text", "text": "Button", "emoji": true}, "value":
  "click_me_123", "type": "button", "action_ts": "1596530385.194939"}]})";

// slackapi/bolt-python tests/scenario_tests/test_view_submission.py, `response_url_payload_body`.
const std::string bolt_view_submission = R"({"type": "view_submission", "team": {"id": "T111",
  "domain": "test-test-test"}, "user": {"id": "U111", "username": "test-test-test", "name":
  "test-test-test", "team_id": "T111"}, "api_app_id": "A111", "token": "verification-token",
  "trigger_id": "111.222.xxx", "view": {"id": "V111", "team_id": "T111", "type": "modal",
  "blocks": [], "callback_id": "view-id", "state": {}, "title": {"type": "plain_text", "text":
  "My App"}, "close": {"type": "plain_text", "text": "Cancel"}, "submit": {"type": "plain_text",
  "text": "Submit"}, "previous_view_id": null, "root_view_id": "V111", "app_id": "A111",
  "external_id": "", "app_installed_team_id": "T111", "bot_id": "B111"}, "response_urls":
  [{"block_id": "b", "action_id": "a", "channel_id": "C111", "response_url":
  "http://localhost:8888/webhook"}], "is_enterprise_install": false})";

std::string with(const std::string& body, const std::string& pointer, const json& value) {
  json patched = json::parse(body);
  patched[json::json_pointer(pointer)] = value;
  return patched.dump();
}

std::string without(const std::string& body, const std::string& parent, const std::string& key) {
  json patched = json::parse(body);
  patched[json::json_pointer(parent)].erase(key);
  return patched.dump();
}

// Our ack button, as Slack reports it: bolt's block_actions with our action_id and value.
std::string ack_click(const std::string& value = "INC-7") {
  return with(with(bolt_block_actions, "/actions/0/action_id", "ack"), "/actions/0/value", value);
}

// application/x-www-form-urlencoded → fields, as httplib's req.params holds them.
Form decode_form(std::string_view body) {
  const auto unescape = [](std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '+') {
        out += ' ';
      } else if (text[i] == '%' && i + 2 < text.size()) {
        out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
        i += 2;
      } else {
        out += text[i];
      }
    }
    return out;
  };
  Form form;
  while (!body.empty()) {
    const auto pair = body.substr(0, body.find('&'));
    const auto equals = pair.find('=');
    form.emplace(unescape(pair.substr(0, equals)),
                 equals == std::string_view::npos ? "" : unescape(pair.substr(equals + 1)));
    body.remove_prefix(std::min(body.size(), pair.size() + 1));
  }
  return form;
}

TEST_CASE("the documented slash-command body gives its user, channel, team and response_url",
          "[slack]") {
  const auto command = parse_slash_command(decode_form(read_fixture("signature-doc-example.body")));
  REQUIRE(command);
  CHECK(command->user == "U2CERLKJA");
  CHECK(command->channel == "G8PSS9T3V");
  CHECK(command->team == "T1DC2JH3J");
  CHECK(command->text.empty());
  CHECK(command->response_url ==
        "https://hooks.slack.com/commands/T1DC2JH3J/397700885554/96rGlfmibIGlgcZRskXaIFfN");
}

TEST_CASE("a slash command without user_id or channel_id is an error naming the field", "[slack]") {
  Form form;
  const json shape = json::parse(read_fixture("slash-command-shape.json"));
  for (const auto& [key, value] : shape.items()) {
    form.emplace(key, value.is_string() ? value.get<std::string>() : value.dump());
  }
  const auto empty = parse_slash_command(form);
  REQUIRE_FALSE(empty);
  CHECK(empty.error().find("user_id") != std::string::npos);
  form.find("user_id")->second = "U1";
  const auto no_channel = parse_slash_command(form);
  REQUIRE_FALSE(no_channel);
  CHECK(no_channel.error().find("channel_id") != std::string::npos);
  form.find("channel_id")->second = "C1";
  form.find("text")->second = "declare db down sev1 &lt;now&gt; <!here> &amp; <@U2|bob>";
  const auto command = parse_slash_command(form);
  REQUIRE(command);
  CHECK(command->text == "declare db down sev1 <now> @here & @U2");
  CHECK(command->response_url.empty());
}

TEST_CASE("invalid UTF-8 in slash-command text becomes U+FFFD", "[slack]") {
  const Form form{{"user_id", "U1"}, {"channel_id", "C1"}, {"text", "note caf\xC3 \xFF<@U2>"}};
  const auto command = parse_slash_command(form);
  REQUIRE(command);
  CHECK(command->text == "note caf\uFFFD \uFFFD@U2");
}

TEST_CASE("url_verification answers with the challenge", "[slack]") {
  const auto envelope = parse_event(read_fixture("url_verification.json"));
  REQUIRE(envelope);
  CHECK(envelope->type == Type::url_verification);
  CHECK(envelope->challenge == "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
}

TEST_CASE("events warroom does not handle are ignored", "[slack]") {
  const auto body = GENERATE(as<std::string>{}, read_fixture("message-event.json"),
                             bolt_reaction_added, bolt_bot_message, java_app_mention_from_bot,
                             with(bolt_app_mention, "/event/bot_id", "B999"),
                             with(bolt_app_mention, "/type", "app_rate_limited"));
  CAPTURE(body);
  const auto envelope = parse_event(body);
  REQUIRE(envelope);
  CHECK(envelope->type == Type::ignored);
}

TEST_CASE("an app_mention runs the text after the bot's own mention", "[slack]") {
  const auto envelope = parse_event(bolt_app_mention);
  REQUIRE(envelope);
  CHECK(envelope->type == Type::app_mention);
  CHECK(envelope->event_id == "Ev111");
  CHECK(envelope->command.user == "W222");
  CHECK(envelope->command.channel == "C111");
  CHECK(envelope->command.team == "T111");
  CHECK(envelope->command.text == "Hi there!");
  CHECK(envelope->command.response_url.empty());
}

TEST_CASE("an app_mention's text is decoded after the leading mention is removed", "[slack]") {
  using Row = std::pair<std::string, std::string>;
  const auto [text, expected] = GENERATE(table<std::string, std::string>({
      Row{"<@W111|warroom> declare db down <!here> &amp; &lt;@U9&gt;",
          "declare db down @here & <@U9>"},
      Row{"  <@W111>   assign <@U2> comms", "assign @U2 comms"},
      Row{"hey <@W111> ack", "hey @W111 ack"},
      Row{"<@W111>", ""},
      Row{"<@W111", "<@W111"},
  }));
  CAPTURE(text);
  const auto envelope = parse_event(with(bolt_app_mention, "/event/text", text));
  REQUIRE(envelope);
  CHECK(envelope->command.text == expected);
}

TEST_CASE("an app_mention missing a field it needs is an error naming it", "[slack]") {
  const auto [parent, key] = GENERATE(table<std::string, std::string>({{"/event", "user"},
                                                                       {"/event", "channel"},
                                                                       {"/event", "text"},
                                                                       {"", "event_id"},
                                                                       {"/event", "type"},
                                                                       {"", "event"},
                                                                       {"", "type"}}));
  CAPTURE(parent, key);
  const auto envelope = parse_event(without(bolt_app_mention, parent, key));
  REQUIRE_FALSE(envelope);
  CHECK(envelope.error().find(key) != std::string::npos);
}

TEST_CASE("the ack button becomes the ack command as the clicking user", "[slack]") {
  const auto interaction = parse_interaction(ack_click());
  REQUIRE(interaction);
  CHECK_FALSE(interaction->ignored);
  CHECK(interaction->command.text == "INC-7 ack");
  CHECK(interaction->command.user == "W111");
  CHECK(interaction->command.channel == "C111");
  CHECK(interaction->command.team == "T111");
  CHECK(interaction->command.response_url ==
        "https://hooks.slack.com/actions/T111/111/random-value");
  const auto from_container = parse_interaction(without(ack_click("INC-12"), "", "channel"));
  REQUIRE(from_container);
  CHECK(from_container->command.channel == "C111");
  CHECK(from_container->command.text == "INC-12 ack");
}

TEST_CASE("interactions other than the ack button are ignored", "[slack]") {
  const auto payload = GENERATE(as<std::string>{}, bolt_block_actions, bolt_view_submission,
                                with(with(bolt_block_actions, "/actions/0/action_id", "join"),
                                     "/actions/0/url", "https://example.slack.com/archives/C7"),
                                ack_click("INC-7 close"), ack_click("inc-7"), ack_click("INC-"),
                                ack_click("INC-7x"), ack_click("INC-1234567890123456789"),
                                with(bolt_block_actions, "/actions", json::array()));
  CAPTURE(payload);
  const auto interaction = parse_interaction(payload);
  REQUIRE(interaction);
  CHECK(interaction->ignored);
}

TEST_CASE("an ack click without a user or channel is an error", "[slack]") {
  CHECK_FALSE(parse_interaction(without(ack_click(), "/user", "id")));
  CHECK_FALSE(parse_interaction(without(without(ack_click(), "", "channel"), "", "container")));
}

std::string garbage(std::size_t size) {
  std::mt19937 random(20240611);
  std::string bytes(size, '\0');
  for (auto& byte : bytes) byte = static_cast<char>(random() & 0xFFU);
  return bytes;
}

TEST_CASE("hostile bodies give an error or ignored, never a throw", "[slack]") {
  const auto body =
      GENERATE(std::string{}, std::string("[]"), std::string("null"), std::string("{"),
               std::string("\"event_callback\""), std::string("42"),
               std::string(10000, '[') + std::string(10000, ']'), std::string(10000, '['),
               garbage(64 * 1024), std::string("{\"type\":\"block_actions\",\"x\":\"\xFF\"}"),
               std::string("{\"type\":\"event_callback\",\"event\":") + std::string(10000, '[') +
                   std::string(10000, ']') + "}");
  CAPTURE(body.size());
  REQUIRE_NOTHROW(parse_event(body));
  REQUIRE_NOTHROW(parse_interaction(body));
  const auto envelope = parse_event(body);
  CHECK((!envelope || envelope->type == Type::ignored));
  const auto interaction = parse_interaction(body);
  CHECK((!interaction || interaction->ignored));
}

TEST_CASE("a field of the wrong type never throws nor yields a command with empty ids", "[slack]") {
  const auto value = GENERATE(json(nullptr), json(7), json(1.5), json(true), json::array(),
                              json::object(), json::array({json::array({1})}));
  const auto pointer = GENERATE(
      as<std::string>{}, "/type", "/event", "/event/type", "/event/user", "/event/channel",
      "/event/text", "/event/bot_id", "/event/team", "/event_id", "/team_id", "/challenge", "/user",
      "/user/id", "/channel", "/channel/id", "/container", "/container/channel_id", "/team",
      "/actions", "/actions/0", "/actions/0/action_id", "/actions/0/value", "/response_url");
  CAPTURE(pointer, value.dump());
  const bool required_by_mention = pointer == "/type" || pointer == "/event" ||
                                   pointer == "/event/type" || pointer == "/event/user" ||
                                   pointer == "/event/channel" || pointer == "/event/text" ||
                                   pointer == "/event_id";
  const auto envelope = parse_event(with(bolt_app_mention, pointer, value));
  if (envelope && envelope->type == Type::app_mention) {
    CHECK_FALSE(envelope->command.user.empty());
    CHECK_FALSE(envelope->command.channel.empty());
    CHECK_FALSE(envelope->event_id.empty());
  }
  if (required_by_mention) CHECK_FALSE((envelope && envelope->type == Type::app_mention));
  const auto interaction = parse_interaction(with(ack_click(), pointer, value));
  if (interaction && !interaction->ignored) {
    CHECK_FALSE(interaction->command.user.empty());
    CHECK_FALSE(interaction->command.channel.empty());
    CHECK(interaction->command.text == "INC-7 ack");
  }
}

}  // namespace
}  // namespace warroom::bot::slack
