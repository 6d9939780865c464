// One JSON POST to a URL outside the chat platform's Web API (Slack's response_url, a paging
// webhook), classified like a chat API call so the outbox treats every call alike.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "bot/chat_api.h"

namespace warroom::bot {

// `https://host:port/path?query` split as httplib needs it (a Client whose base URL has a
// path fails every request).
struct UrlParts {
  std::string origin;  // "https://host:port"
  std::string target;  // "/path?query" ("/" when empty)
  std::string host;    // "host"

  // nullopt unless http:// or https:// with a host and at most a numeric port, and no
  // userinfo, fragment or blanks.
  static std::optional<UrlParts> parse(std::string_view url);
};

struct PostTimeouts {
  std::chrono::milliseconds connect{3000};
  std::chrono::milliseconds read{10000};
};

// 2xx sent; 429 rate_limited (Retry-After seconds, 1 s without one); 5xx, 408 or no answer
// retry; anything else failed. `what` names the callee in errors ("response_url"); the URL
// itself never appears in them (it may hold a key).
Delivery post_json(const std::string& url, const std::string& json_body, std::string_view what,
                   PostTimeouts timeouts = {});

}  // namespace warroom::bot
