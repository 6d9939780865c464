// WebApi: a small client for Slack's Web API (POST JSON with a bearer token). Exports
// WebApi, its Result and BaseUrl (the base URL split into origin and path prefix).
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace httplib {
class Client;
}

namespace warroom::bot::slack {

// `https://slack.com/api/` as httplib needs it: a Client with a path in its base URL fails
// every request, so the path becomes a prefix of each request's path.
struct BaseUrl {
  std::string origin;       // "https://slack.com", "http://127.0.0.1:8089"
  std::string path_prefix;  // "/api/" (always starts and ends with '/')

  // nullopt unless `url` is http:// or https:// with a host and no query, fragment or user.
  static std::optional<BaseUrl> parse(std::string_view url);
};

class WebApi {
 public:
  struct Timeouts {
    std::chrono::milliseconds connect{3000};
    std::chrono::milliseconds read{10000};  // also bounds how long a hanging call blocks
  };

  // What one call brought back. Missing fields in Slack's answer are left empty.
  struct Result {
    int http_status = 0;  // 0: no HTTP answer (connection refused, timeout, TLS…)
    bool ok = false;      // Slack's "ok"
    std::string error;    // Slack's "error", or what failed on the wire or in the answer
    std::chrono::milliseconds retry_after{0};  // from Retry-After on a 429 (1000 ms if absent)
    std::string channel_id;                    // "channel": {"id": …} (conversations.create)
    std::string ts;                            // "ts" (chat.postMessage)
    std::string body;                          // the answer as received
  };

  // Throws std::invalid_argument naming `base_url` (never the token) when it cannot be parsed.
  WebApi(std::string_view base_url, std::string token, Timeouts timeouts);
  WebApi(std::string_view base_url, std::string token) : WebApi(base_url, std::move(token), {}) {}
  ~WebApi();
  WebApi(WebApi&&) noexcept;
  WebApi& operator=(WebApi&&) noexcept;
  WebApi(const WebApi&) = delete;
  WebApi& operator=(const WebApi&) = delete;

  // POSTs `json_body` to `<base>/<method>`. Never throws for network or API failures: the
  // Result says what happened. Not thread-safe: one caller at a time.
  Result call(std::string_view method, const std::string& json_body);

 private:
  BaseUrl base_;
  std::string token_;
  std::unique_ptr<httplib::Client> client_;
};

}  // namespace warroom::bot::slack
