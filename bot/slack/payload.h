// Slack's inbound payloads turned into what warroom runs: slash commands (form fields),
// Events API envelopes (JSON) and interactivity payloads (JSON in the `payload` field).
// Everything returned is plain text: Slack markup is decoded here (markup.h).
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "commands/expected.h"

namespace warroom::bot::slack {

using commands::Expected;

// One command as Slack asked for it, before it becomes an Invocation.
struct SlackCommand {
  std::string user;          // U123
  std::string channel;       // C123
  std::string team;          // T123
  std::string text;          // decoded plain text: `@U123` mentions, entities decoded
  std::string response_url;  // empty when Slack sent none
};

// From a slash command's form fields (httplib's req.params: already URL-decoded). Errors
// name the missing field (user_id, channel_id).
Expected<SlackCommand> parse_slash_command(const std::multimap<std::string, std::string>& form);

struct EventEnvelope {
  enum class Type { url_verification, app_mention, ignored };
  Type type = Type::ignored;
  std::string challenge;  // url_verification
  std::string event_id;   // event_callback: the id Slack retries with
  SlackCommand command;   // app_mention: the text after the bot's own mention
};

// From an Events API body. Malformed JSON, a non-object root or a missing field is an error;
// an event warroom does not handle is `ignored` (answered 200, never run).
Expected<EventEnvelope> parse_event(std::string_view body);

struct Interaction {
  bool ignored = true;   // a payload warroom does not act on (e.g. the Join link button)
  SlackCommand command;  // block_actions button: `INC-7 ack` as the clicking user
};

// From the `payload` form field of an interactivity request.
Expected<Interaction> parse_interaction(std::string_view payload_json);

}  // namespace warroom::bot::slack
