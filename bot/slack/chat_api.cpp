// Slack's side of outbox delivery: request bodies per method, and the mapping from HTTP
// status and Slack's `error` to a Delivery outcome (sent, retry, rate_limited, failed).
#include "bot/slack/chat_api.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>

#include "bot/slack/blocks.h"
#include "bot/slack/response_url.h"

namespace warroom::bot::slack {
namespace {

using nlohmann::json;
using Outcome = Delivery::Outcome;

// Answers that mean the wanted state already holds.
constexpr std::array<std::string_view, 3> benign_errors{"already_in_channel", "cant_invite_self",
                                                        "already_pinned"};
// Errors Slack documents as temporary on its side: try again later.
constexpr std::array<std::string_view, 4> transient_errors{
    "internal_error", "fatal_error", "service_unavailable", "request_timeout"};
constexpr int last_name_suffix = 9;

bool is_one_of(const std::string& error, const auto& list) {
  return std::ranges::any_of(list, [&](std::string_view known) { return error == known; });
}

std::string dump(const json& body) {
  return body.dump(-1, ' ', false, json::error_handler_t::replace);
}

Delivery classify(const WebApi::Result& result) {
  Delivery delivery;
  delivery.error = result.error;
  if (result.http_status == 0 || result.http_status >= 500) {
    delivery.outcome = Outcome::retry;
    if (result.http_status != 0) delivery.error = "HTTP " + std::to_string(result.http_status);
  } else if (result.http_status == 429) {
    delivery.outcome = Outcome::rate_limited;
    delivery.retry_after = result.retry_after;
    if (delivery.error.empty()) delivery.error = "ratelimited";
  } else if (result.ok || is_one_of(result.error, benign_errors)) {
    delivery.outcome = Outcome::sent;
  } else if (is_one_of(result.error, transient_errors)) {
    delivery.outcome = Outcome::retry;
  } else {
    delivery.outcome = Outcome::failed;
  }
  return delivery;
}

}  // namespace

SlackChatApi::SlackChatApi(WebApi api, const MessageRenderer& renderer,
                           std::vector<std::string> hooks_hosts)
    : api_(std::move(api)), renderer_(renderer), hooks_hosts_(std::move(hooks_hosts)) {}

Delivery SlackChatApi::deliver(const storage::OutboxMessage& message, const std::string& channel) {
  if (message.method == "conversations.create") return create_channel(message);
  if (message.method == "response_url") return respond(message);
  const auto body = request_body(message, channel);
  if (!body) {
    return Delivery{.outcome = Outcome::failed,
                    .error = "unknown chat API method " + message.method};
  }
  const WebApi::Result result = api_.call(message.method, *body);
  Delivery delivery = classify(result);
  if (delivery.outcome == Outcome::sent) delivery.ts = result.ts;
  return delivery;
}

std::optional<std::string> SlackChatApi::request_body(const storage::OutboxMessage& message,
                                                      const std::string& channel) const {
  const std::string& method = message.method;
  if (method == "chat.postMessage") return renderer_.post_body(message, channel);
  if (method == "conversations.invite") {
    return dump({{"channel", channel}, {"users", storage::value_of(message.fields, "users")}});
  }
  if (method == "conversations.setTopic") {
    return dump({{"channel", channel}, {"topic", storage::value_of(message.fields, "topic")}});
  }
  if (method == "chat.postEphemeral") {
    return dump({{"channel", channel},
                 {"user", storage::value_of(message.fields, "user")},
                 {"text", to_mrkdwn(message.text)}});
  }
  if (method == "pins.add") {
    return dump(
        {{"channel", channel}, {"timestamp", storage::value_of(message.fields, "timestamp")}});
  }
  return std::nullopt;
}

Delivery SlackChatApi::respond(const storage::OutboxMessage& message) const {
  const std::string url = storage::value_of(message.fields, "url");
  if (!is_allowed_response_url(url, hooks_hosts_)) {
    return Delivery{.outcome = Outcome::failed, .error = "response_url host is not allowed"};
  }
  const std::string type = storage::value_of(message.fields, "response_type");
  return post_to_response_url(url, dump({{"response_type", type.empty() ? "ephemeral" : type},
                                         {"replace_original", false},
                                         {"text", to_mrkdwn(message.text)}}));
}

// A taken name is most often someone else's channel (or an old incident's): try the name
// with -2 … -9 before giving up.
Delivery SlackChatApi::create_channel(const storage::OutboxMessage& message) {
  const std::string name = storage::value_of(message.fields, "name");
  for (int suffix = 1; suffix <= last_name_suffix; ++suffix) {
    const std::string candidate = suffix == 1 ? name : name + "-" + std::to_string(suffix);
    const WebApi::Result result =
        api_.call("conversations.create", dump({{"name", candidate}, {"is_private", false}}));
    if (!result.ok && result.error == "name_taken" && result.http_status < 300) continue;
    Delivery delivery = classify(result);
    if (delivery.outcome != Outcome::sent) return delivery;
    if (result.channel_id.empty()) {
      return Delivery{.outcome = Outcome::failed,
                      .error = "conversations.create answered without a channel id"};
    }
    delivery.channel = result.channel_id;
    return delivery;
  }
  return Delivery{.outcome = Outcome::failed,
                  .error = "name_taken: " + name + " and -2 to -" +
                           std::to_string(last_name_suffix) + " are all taken"};
}

}  // namespace warroom::bot::slack
