// Calling Slack's response_url, and only on allowed hosts.
#include "bot/slack/response_url.h"

#include <algorithm>

#include "bot/json_post.h"

namespace warroom::bot::slack {
bool is_allowed_response_url(std::string_view url, const std::vector<std::string>& hosts) {
  // The parser post_json posts with, so what is checked is exactly where the reply goes (a
  // URL only another parser accepts would pass here and then fail for good in the outbox).
  const auto parts = UrlParts::parse(url);  // refuses other schemes, userinfo, odd ports, blanks
  if (!parts) return false;
  const bool loopback = parts->host == "127.0.0.1" || parts->host == "localhost";
  if (!parts->origin.starts_with("https://") && !loopback) return false;
  return std::ranges::find(hosts, parts->host) != hosts.end();
}

Delivery post_to_response_url(const std::string& url, const std::string& json_body) {
  return post_json(url, json_body, "response_url");
}

}  // namespace warroom::bot::slack
