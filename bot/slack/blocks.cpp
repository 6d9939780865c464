// Slack JSON for replies and outbox messages: mrkdwn text from the templates, Block Kit
// assembled with nlohmann/json (never by templating JSON).
#include "bot/slack/blocks.h"

#include <nlohmann/json.hpp>

#include "bot/slack/markup.h"
#include "commands/format.h"
#include "templates/templates.h"

namespace warroom::bot::slack {
namespace {

using nlohmann::json;

// Slack refuses a section whose text is longer than this.
constexpr std::size_t section_limit = 3000;

std::string slack_mention(std::string_view user) {
  return "<@" + std::string(user) + ">";
}

// Splits `text` into pieces of at most section_limit bytes, at a newline when there is one,
// and never inside a UTF-8 sequence.
std::vector<std::string> split_sections(const std::string& text) {
  std::vector<std::string> pieces;
  std::size_t at = 0;
  while (text.size() - at > section_limit) {
    std::size_t cut = text.rfind('\n', at + section_limit);
    if (cut == std::string::npos || cut <= at) {
      cut = at + section_limit;
      while (cut > at && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    }
    pieces.push_back(text.substr(at, cut - at));
    at = text[cut] == '\n' ? cut + 1 : cut;
  }
  pieces.push_back(text.substr(at));
  return pieces;
}

// Built by moving values in: a braced initializer list copies every string it holds, and
// this runs for every slash-command reply.
json sections(const std::string& text) {
  json blocks = json::array();
  for (auto& piece : split_sections(text)) {
    if (piece.empty()) continue;
    json mrkdwn = json::object();
    mrkdwn["type"] = "mrkdwn";
    mrkdwn["text"] = std::move(piece);
    json section = json::object();
    section["type"] = "section";
    section["text"] = std::move(mrkdwn);
    blocks.push_back(std::move(section));
  }
  return blocks;
}

std::string dump(const json& document) {
  return document.dump(-1, ' ', false, json::error_handler_t::replace);
}

// "Join the incident channel" (when it is another channel) and "Acknowledge".
json declaration_buttons(const storage::OutboxMessage& message, const std::string& posted_in) {
  json buttons = json::array();
  const auto channel = message.fields.find("incident_channel");
  if (channel != message.fields.end() && !channel->second.empty() && channel->second != posted_in) {
    buttons.push_back({{"type", "button"},
                       {"action_id", "join"},
                       {"text", {{"type", "plain_text"}, {"text", "Join the incident channel"}}},
                       {"url", "https://slack.com/app_redirect?channel=" + channel->second}});
  }
  buttons.push_back({{"type", "button"},
                     {"action_id", "ack"},
                     {"style", "primary"},
                     {"value", message.fields.count("key") ? message.fields.at("key") : ""},
                     {"text", {{"type", "plain_text"}, {"text", "Acknowledge"}}}});
  return {{"type", "actions"}, {"elements", buttons}};
}

// The template's fields plus `<@U…>` mentions for every field that names a person.
std::map<std::string, std::string> with_mentions(std::map<std::string, std::string> fields) {
  for (const char* person : {"owner", "from", "to", "actor"}) {
    const auto found = fields.find(person);
    if (found != fields.end() && !found->second.empty()) {
      fields[std::string(person) + "_mention"] = slack_mention(found->second);
    }
  }
  return fields;
}

}  // namespace

std::string to_mrkdwn(std::string_view command_text) {
  return commands::render_mentions(escape_mrkdwn(command_text), slack_mention);
}

MessageRenderer::MessageRenderer(const templates::Templates& templates, std::string public_url)
    : templates_(templates), public_url_(std::move(public_url)) {}

std::string MessageRenderer::reply_body(const commands::Reply& reply) const {
  std::string text = to_mrkdwn(reply.text);
  const bool everyone = reply.visibility == commands::Visibility::in_channel;
  json body = json::object();
  body["response_type"] = everyone ? "in_channel" : "ephemeral";
  body["blocks"] = sections(text);
  body["text"] = std::move(text);
  return dump(body);
}

std::string MessageRenderer::post_body(const storage::OutboxMessage& message,
                                       const std::string& channel) const {
  std::string text;
  if (templates_.has(message.template_name)) {
    auto rendered =
        templates_.render(message.template_name, with_mentions(message.fields),
                          [](const std::string& value) { return escape_mrkdwn(value); });
    if (rendered) text = *rendered;
  }
  if (text.empty()) text = to_mrkdwn(message.text);  // no template, or it failed: plain text
  json blocks = sections(text);
  if (const auto key = message.fields.find("key");
      key != message.fields.end() && !public_url_.empty()) {
    const std::string link = "<" + public_url_ + "/incidents/" + key->second + "|" + key->second +
                             " on the status page>";
    blocks.push_back(
        {{"type", "context"}, {"elements", json::array({{{"type", "mrkdwn"}, {"text", link}}})}});
  }
  if (message.template_name == "declared") {
    blocks.push_back(declaration_buttons(message, channel));
  }
  return dump({{"channel", channel},
               {"text", text},
               {"blocks", blocks},
               {"unfurl_links", false},
               {"unfurl_media", false}});
}

}  // namespace warroom::bot::slack
