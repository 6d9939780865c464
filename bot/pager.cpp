// Paging webhook calls, and the router between them and the chat platform.
#include "bot/pager.h"

#include <nlohmann/json.hpp>

#include "commands/format.h"

namespace warroom::bot {

std::string page_body(const storage::OutboxMessage& message, const std::string& public_url) {
  const auto field = [&message](const char* name) {
    return storage::value_of(message.fields, name);
  };
  const std::string key = field("key");
  const auto plain = [](std::string_view user) { return "@" + std::string(user); };
  nlohmann::json body{{"event", "incident.paged"},
                      {"incident", key},
                      {"title", field("title")},
                      {"severity", field("severity")},
                      {"status", field("status")},
                      {"owner", field("owner")},
                      {"service", field("service")},
                      {"actor", field("actor")},
                      {"text", commands::render_mentions(message.text, plain)},
                      {"url", public_url.empty() ? "" : public_url + "/incidents/" + key}};
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Pager::Pager(const commands::Config& config, std::string public_url, PostTimeouts timeouts)
    : config_(config), public_url_(std::move(public_url)), timeouts_(timeouts) {}

Delivery Pager::deliver(const storage::OutboxMessage& message) const {
  const std::string prefix = "page:";
  const auto severity = message.destination.starts_with(prefix)
                            ? storage::parse_severity(message.destination.substr(prefix.size()))
                            : std::nullopt;
  if (!severity) {
    return {.outcome = Delivery::Outcome::failed,
            .error = "destination \"" + message.destination + "\" names no severity"};
  }
  const std::string& url = config_.policy(*severity).page;
  if (url.empty()) {
    return {.outcome = Delivery::Outcome::failed,
            .error = "the config has no paging webhook for " + std::string(to_string(*severity))};
  }
  return post_json(url, page_body(message, public_url_),
                   "paging webhook for " + std::string(to_string(*severity)), timeouts_);
}

Delivery OutboundRouter::deliver(const storage::OutboxMessage& message,
                                 const std::string& channel) {
  if (message.method == "page") return pager_.deliver(message);
  if (chat_ == nullptr) {
    return {.outcome = Delivery::Outcome::retry, .error = "no chat platform is configured"};
  }
  return chat_->deliver(message, channel);
}

}  // namespace warroom::bot
