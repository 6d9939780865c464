// response_url is only ever called on an allowed host (no SSRF).
#include "bot/slack/response_url.h"

#include <catch2/catch.hpp>

namespace warroom::bot::slack {

TEST_CASE("only response_urls on an allowed host are called", "[slack]") {
  const std::vector<std::string> hosts = {"hooks.slack.com", "127.0.0.1"};
  const auto [url, allowed] = GENERATE(table<std::string, bool>({
      {"https://hooks.slack.com/actions/T1/1/abc", true},
      {"https://hooks.slack.com:443/commands/T1/2/def", true},
      {"http://127.0.0.1:8089/api/respond", true},
      {"http://hooks.slack.com/actions/T1/1/abc", false},  // plain http off loopback
      {"https://hooks.slack.com.evil.example/actions", false},
      {"https://evil.example/hooks.slack.com/", false},
      {"https://user@hooks.slack.com/actions", false},
      {"https://evil.example#@hooks.slack.com/", false},
      {"ftp://hooks.slack.com/x", false},
      {"https:///actions", false},
      {"hooks.slack.com/actions", false},
      {"", false},
      {"http://169.254.169.254/latest/meta-data", false},
      {"http://localhost:8089/api/respond", false},  // loopback, but not on the list
  }));
  CAPTURE(url);
  CHECK(is_allowed_response_url(url, hosts) == allowed);
}

}  // namespace warroom::bot::slack
