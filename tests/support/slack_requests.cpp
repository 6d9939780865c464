// Signed Slack requests for end-to-end tests.
#include "tests/support/slack_requests.h"

#include <chrono>

#include "bot/slack/verify.h"

namespace warroom::testing {

std::string slash_body(const std::string& user, const std::string& channel,
                       const std::string& text) {
  const httplib::Params form = {
      {"token", "xyzz0WbapA4vBCDEFasx0q6G"},
      {"team_id", "T1DC2JH3J"},
      {"team_domain", "testteamnow"},
      {"channel_id", channel},
      {"channel_name", "foobar"},
      {"user_id", user},
      {"user_name", "roadrunner"},
      {"command", "/incident"},
      {"text", text},
      {"api_app_id", "A1"},
      {"is_enterprise_install", "false"},
      {"response_url", "https://hooks.slack.com/commands/T1DC2JH3J/397700885554/96rGlfmibIGlg"},
      {"trigger_id", "398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"}};
  return httplib::detail::params_to_query_str(form);
}

std::string interaction_body(const std::string& payload_json) {
  return "payload=" + httplib::detail::encode_query_param(payload_json);
}

httplib::Result post_signed(int port, const std::string& path, const std::string& body,
                            const std::string& content_type, const std::string& secret,
                            long age_seconds, const httplib::Headers& extra) {
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  const std::string timestamp = std::to_string(now - age_seconds);
  httplib::Headers headers = extra;
  headers.emplace("X-Slack-Request-Timestamp", timestamp);
  headers.emplace("X-Slack-Signature", bot::slack::sign(secret, timestamp, body));
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(10);
  return client.Post(path.c_str(), headers, body, content_type.c_str());
}

}  // namespace warroom::testing
