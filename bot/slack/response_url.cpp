// Calling Slack's response_url, and only on allowed hosts.
#include "bot/slack/response_url.h"

#include <httplib.h>

#include <algorithm>

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
  const auto base = BaseUrl::parse(url);
  if (!base) return {.outcome = Delivery::Outcome::failed, .error = "malformed response_url"};
  httplib::Client client(base->origin);
  client.set_connection_timeout(3);
  client.set_read_timeout(10);
  const std::string path = base->path_prefix.substr(0, base->path_prefix.size() - 1);
  const auto result =
      client.Post(path.empty() ? "/" : path.c_str(), json_body, "application/json; charset=utf-8");
  if (!result) {
    return {.outcome = Delivery::Outcome::retry, .error = httplib::to_string(result.error())};
  }
  const int status = result->status;
  if (status >= 200 && status < 300) return {.outcome = Delivery::Outcome::sent};
  if (status == 429) {
    return {.outcome = Delivery::Outcome::rate_limited,
            .error = "ratelimited",
            .retry_after = std::chrono::seconds(1)};
  }
  const auto outcome = status >= 500 ? Delivery::Outcome::retry : Delivery::Outcome::failed;
  return {.outcome = outcome, .error = "response_url answered HTTP " + std::to_string(status)};
}

}  // namespace warroom::bot::slack
