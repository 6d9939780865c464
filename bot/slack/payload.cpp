// Slack's inbound payloads (slash-command forms, Events API bodies, interactivity payloads)
// turned into SlackCommand values. Untrusted JSON is parsed without exceptions and every
// field's type is checked before it is read; text is markup-decoded and UTF-8-repaired.
#include "bot/slack/payload.h"

#include <nlohmann/json.hpp>

#include "bot/slack/markup.h"
#include "commands/arguments.h"
#include "commands/text.h"

namespace warroom::bot::slack {
namespace {

using commands::unexpected;
using nlohmann::json;

// The string at `object[key]`, or nullptr when `object` is not an object, the key is absent
// or its value is not a string. Never throws.
const std::string* string_at(const json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  const auto found = object.find(key);
  if (found == object.end() || !found->is_string()) return nullptr;
  return found->get_ptr<const std::string*>();
}

// The object at `object[key]`, or an empty (null) json when absent or not an object.
const json& object_at(const json& object, const char* key) {
  static const json none;
  if (!object.is_object()) return none;
  const auto found = object.find(key);
  if (found == object.end() || !found->is_object()) return none;
  return *found;
}

std::string form_value(const std::multimap<std::string, std::string>& form,
                       const std::string& key) {
  const auto found = form.find(key);
  return found == form.end() ? std::string{} : commands::repair_utf8(found->second);
}

std::string decoded_text(std::string_view raw) {
  return commands::repair_utf8(decode_markup(raw));
}

// `<@UBOT> declare …` → `declare …`: only a mention at the very start (after blanks) is the
// bot being addressed; later mentions are arguments.
std::string_view strip_leading_mention(std::string_view text) {
  constexpr std::string_view blanks = " \t\r\n";
  const auto start = text.find_first_not_of(blanks);
  if (start == std::string_view::npos) return {};
  text.remove_prefix(start);
  if (!text.starts_with("<@")) return text;
  const auto close = text.find('>');
  if (close == std::string_view::npos) return text;
  text.remove_prefix(close + 1);
  const auto rest = text.find_first_not_of(blanks);
  return rest == std::string_view::npos ? std::string_view{} : text.substr(rest);
}

Expected<EventEnvelope> parse_app_mention(const json& root, const json& event) {
  EventEnvelope envelope;
  // Messages posted by bots (ours included) never run commands: no loops between bots.
  const auto bot_id = event.find("bot_id");
  if (bot_id != event.end() && !bot_id->is_null()) return envelope;
  const auto* user = string_at(event, "user");
  const auto* channel = string_at(event, "channel");
  const auto* text = string_at(event, "text");
  const auto* event_id = string_at(root, "event_id");
  if (user == nullptr || user->empty()) return unexpected("app_mention: missing event.user");
  if (channel == nullptr || channel->empty()) {
    return unexpected("app_mention: missing event.channel");
  }
  if (text == nullptr) return unexpected("app_mention: missing event.text");
  if (event_id == nullptr || event_id->empty()) return unexpected("app_mention: missing event_id");

  envelope.type = EventEnvelope::Type::app_mention;
  envelope.event_id = commands::repair_utf8(*event_id);
  envelope.command.user = commands::repair_utf8(*user);
  envelope.command.channel = commands::repair_utf8(*channel);
  const auto* team = string_at(event, "team");
  if (team == nullptr) team = string_at(root, "team_id");
  if (team != nullptr) envelope.command.team = commands::repair_utf8(*team);
  envelope.command.text = decoded_text(strip_leading_mention(*text));
  return envelope;
}

// `INC-<n>` as the dispatcher reads it (so not INC-0): the only value our ack button carries.
bool is_incident_key(std::string_view value) {
  constexpr std::size_t max_digits = 18;
  return value.starts_with("INC-") && value.size() <= 4 + max_digits &&
         commands::parse_incident_key(value).has_value();
}

}  // namespace

Expected<SlackCommand> parse_slash_command(const std::multimap<std::string, std::string>& form) {
  SlackCommand command;
  command.user = form_value(form, "user_id");
  command.channel = form_value(form, "channel_id");
  if (command.user.empty()) return unexpected("slash command: missing user_id");
  if (command.channel.empty()) return unexpected("slash command: missing channel_id");
  command.team = form_value(form, "team_id");
  command.response_url = form_value(form, "response_url");
  const auto text = form.find("text");
  if (text != form.end()) command.text = decoded_text(text->second);
  return command;
}

Expected<EventEnvelope> parse_event(std::string_view body) {
  const json root = json::parse(body, nullptr, false);
  if (root.is_discarded()) return unexpected("event: body is not valid JSON");
  if (!root.is_object()) return unexpected("event: body is not a JSON object");
  const auto* type = string_at(root, "type");
  if (type == nullptr) return unexpected("event: missing type");

  if (*type == "url_verification") {
    const auto* challenge = string_at(root, "challenge");
    if (challenge == nullptr) return unexpected("url_verification: missing challenge");
    EventEnvelope envelope;
    envelope.type = EventEnvelope::Type::url_verification;
    envelope.challenge = *challenge;
    return envelope;
  }
  if (*type != "event_callback") return EventEnvelope{};  // app_rate_limited and the like

  const json& event = object_at(root, "event");
  if (!event.is_object()) return unexpected("event_callback: missing event");
  const auto* event_type = string_at(event, "type");
  if (event_type == nullptr) return unexpected("event_callback: missing event.type");
  EventEnvelope envelope;
  if (const auto* event_id = string_at(root, "event_id")) envelope.event_id = *event_id;
  if (*event_type != "app_mention") return envelope;
  return parse_app_mention(root, event);
}

Expected<Interaction> parse_interaction(std::string_view payload_json) {
  const json root = json::parse(payload_json, nullptr, false);
  if (root.is_discarded()) return unexpected("interaction: payload is not valid JSON");
  if (!root.is_object()) return unexpected("interaction: payload is not a JSON object");
  const auto* type = string_at(root, "type");
  if (type == nullptr) return unexpected("interaction: missing type");
  Interaction interaction;
  if (*type != "block_actions") return interaction;  // view_submission, shortcuts…

  const auto actions = root.find("actions");
  if (actions == root.end() || !actions->is_array() || actions->empty()) return interaction;
  const json& action = actions->front();
  const auto* action_id = string_at(action, "action_id");
  const auto* value = string_at(action, "value");
  // Only our ack button acts; the Join button is a plain link Slack reports as well.
  if (action_id == nullptr || *action_id != "ack") return interaction;
  if (value == nullptr || !is_incident_key(*value)) return interaction;

  const json& user = object_at(root, "user");
  const auto* user_id = string_at(user, "id");
  if (user_id == nullptr || user_id->empty()) return unexpected("block_actions: missing user.id");
  const auto* channel_id = string_at(object_at(root, "channel"), "id");
  if (channel_id == nullptr) channel_id = string_at(object_at(root, "container"), "channel_id");
  if (channel_id == nullptr || channel_id->empty()) {
    return unexpected("block_actions: missing channel.id");
  }

  interaction.ignored = false;
  interaction.command.user = commands::repair_utf8(*user_id);
  interaction.command.channel = commands::repair_utf8(*channel_id);
  const auto* team_id = string_at(object_at(root, "team"), "id");
  if (team_id == nullptr) team_id = string_at(user, "team_id");
  if (team_id != nullptr) interaction.command.team = commands::repair_utf8(*team_id);
  if (const auto* url = string_at(root, "response_url")) {
    interaction.command.response_url = commands::repair_utf8(*url);
  }
  interaction.command.text = *value + " ack";
  return interaction;
}

}  // namespace warroom::bot::slack
