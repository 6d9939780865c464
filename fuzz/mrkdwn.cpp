// Fuzz target "mrkdwn": user text as warroom posts it to Slack. The first byte picks a
// message template (or none), the rest, split at NUL bytes, fills the template's fields; the
// text is also rendered alone (to_mrkdwn) and as a command reply. Nothing may page a channel,
// and the escaping must lose nothing.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "bot/slack/blocks.h"
#include "bot/slack/markup.h"
#include "commands/arguments.h"
#include "commands/text.h"
#include "fuzz/checks.h"
#include "fuzz/targets.h"
#include "templates/templates.h"

namespace warroom::fuzz {
namespace {

// The message templates, and "" for a message with no template (plain text).
constexpr std::array<const char*, 15> template_names{
    "",        "ack",     "assign",   "close",  "declared", "escalate", "handover", "link",
    "overdue", "problem", "reminder", "reopen", "resolve",  "severity", "status"};

// Fields the commands fill with user text (or flags that open a template's sections). The
// key and the incident channel come from warroom and Slack, never from users: they are fixed.
constexpr std::array<const char*, 20> text_fields{
    "text",     "title",         "service",        "impact",       "runbook",
    "role",     "group",         "other",          "other_title",  "previous",
    "problem",  "problem_title", "problem_status", "silence",      "interval",
    "severity", "status",        "is_parent",      "is_duplicate", "is_new"};

// Fields that name a person: always a platform user id by the time a message is rendered.
constexpr std::array<const char*, 4> people_fields{"owner", "from", "to", "actor"};

const std::string_view word_joiner = "\u2060";

std::vector<std::string> split_at_nul(std::string_view input) {
  std::vector<std::string> pieces;
  while (true) {
    const auto end = input.find('\0');
    pieces.push_back(commands::repair_utf8(input.substr(0, end)));
    if (end == std::string_view::npos) return pieces;
    input.remove_prefix(end + 1);
  }
}

std::string without_joiners(std::string_view text) {
  std::string kept;
  for (std::size_t at = 0; at < text.size();) {
    if (text.substr(at).starts_with(word_joiner)) {
      at += word_joiner.size();
    } else {
      kept += text[at++];
    }
  }
  return kept;
}

// escape_mrkdwn keeps every character (decoding its entities and dropping the joiners it
// added gives the text back), leaves no bracket Slack could parse, and no live broadcast.
void check_escaped(const std::string& text) {
  const std::string escaped = bot::slack::escape_mrkdwn(text);
  require(escaped.find_first_of("<>") == std::string::npos, "escaped mrkdwn keeps a bracket",
          escaped);
  std::string decoded;
  for (std::size_t at = 0; at < escaped.size();) {
    bool entity = false;
    for (const auto& [name, plain] : {std::pair{"&lt;", '<'}, {"&gt;", '>'}, {"&amp;", '&'}}) {
      if (std::string_view(escaped).substr(at).starts_with(name)) {
        decoded += plain;
        at += std::string_view(name).size();
        entity = true;
        break;
      }
    }
    if (!entity) decoded += escaped[at++];
  }
  require(without_joiners(decoded) == without_joiners(text), "escaping lost or changed text", text);
  const std::string lower = commands::to_lower_ascii(escaped);
  for (const std::string_view broadcast : {"@here", "@channel", "@everyone"}) {
    require(lower.find(broadcast) == std::string::npos, "a broadcast survived escaping", text);
  }
}

void check_json(const std::string& body, std::string_view what) {
  require(!nlohmann::json::parse(body, nullptr, false).is_discarded(),
          std::string(what) + " is not JSON", body);
  require_no_broadcast(body, what);
}

const bot::slack::MessageRenderer& renderer() {
  static const templates::Templates templates;
  static const bot::slack::MessageRenderer instance(templates, "https://warroom.example.com");
  return instance;
}

}  // namespace

void fuzz_mrkdwn(std::string_view input) {
  if (input.empty()) return;
  const char* template_name =
      template_names[static_cast<unsigned char>(input.front()) % template_names.size()];
  const auto pieces = split_at_nul(input.substr(1));
  storage::OutboxMessage message{.destination = "C0ANNOUNCE",
                                 .method = "chat.postMessage",
                                 .template_name = template_name,
                                 .text = pieces.front(),
                                 .fields = {{"key", "INC-7"}, {"incident_channel", "C0INC"}}};
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    check_escaped(pieces[i]);
    require_no_broadcast(bot::slack::to_mrkdwn(pieces[i]), "to_mrkdwn");
    if (i < text_fields.size()) message.fields[text_fields[i]] = pieces[i];
  }
  for (std::size_t i = 0; i < people_fields.size(); ++i) {
    const std::size_t piece = text_fields.size() + i;
    const bool usable = piece < pieces.size() && commands::is_valid_user_id(pieces[piece]);
    message.fields[people_fields[i]] = usable ? pieces[piece] : "U0FUZZ";
  }
  check_json(renderer().post_body(message, "C0ANNOUNCE"), "a chat.postMessage body");
  check_json(renderer().reply_body(commands::Reply::posted(pieces.front())), "a reply body");
}

}  // namespace warroom::fuzz
