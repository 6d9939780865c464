// Calling Slack's response_url, and only on allowed hosts.
#include "bot/slack/response_url.h"

#include <algorithm>

#include "bot/json_post.h"
#include "bot/slack/web_api.h"

namespace warroom::bot::slack {
bool is_allowed_response_url(std::string_view url, const std::vector<std::string>& hosts) {
  const auto base = BaseUrl::parse(url);  // refuses other schemes, userinfo and empty hosts
  if (!base) return false;
  const auto scheme_end = base->origin.find("://");
  const std::string scheme = base->origin.substr(0, scheme_end);
  const std::string authority = base->origin.substr(scheme_end + 3);
  const std::string host = authority.substr(0, authority.find(':'));
  const bool loopback = host == "127.0.0.1" || host == "localhost";
  if (scheme != "https" && !loopback) return false;
  return std::ranges::find(hosts, host) != hosts.end();
}

Delivery post_to_response_url(const std::string& url, const std::string& json_body) {
  return post_json(url, json_body, "response_url");
}

}  // namespace warroom::bot::slack
