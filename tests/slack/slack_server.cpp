// Starting and driving a real `warroom serve` against a fake Slack.
#include "tests/slack/slack_server.h"

#include <csignal>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "tests/support/http.h"
#include "tests/support/slack_requests.h"

namespace warroom::testing {

SlackServer::SlackServer(FakeSlack& slack, const TempDatabase& database,
                         std::map<std::string, std::string> environment)
    : database_(database), port_(free_port()) {
  environment.emplace("SLACK_SIGNING_SECRET", test_signing_secret);
  environment.emplace("SLACK_BOT_TOKEN", "xoxb-test-token");
  environment.emplace("WARROOM_SLACK_API_URL", slack.base_url());
  environment.emplace("WARROOM_SLACK_HOOKS_HOSTS", "127.0.0.1");  // only the fake
  environment.emplace("WARROOM_ANNOUNCE_CHANNEL", "C0ANNOUNCE");
  process_ = std::make_unique<BackgroundProcess>(
      warroom({"serve", "--port", std::to_string(port_), "--db", database.path().string()}),
      environment);
  if (!wait_until_healthy(port_)) throw std::runtime_error("warroom serve did not start: " + log());
}

nlohmann::json SlackServer::command(const std::string& user, const std::string& channel,
                                    const std::string& text) {
  const auto response = post_signed(port_, "/slack/commands", slash_body(user, channel, text),
                                    "application/x-www-form-urlencoded");
  if (!response || response->status != 200) {
    throw std::runtime_error("slash command failed: " +
                             (response ? std::to_string(response->status) + " " + response->body
                                       : std::string("no answer")));
  }
  return nlohmann::json::parse(response->body);
}

nlohmann::json SlackServer::exported(int number) const {
  const auto result = run_process(
      warroom({"export", "INC-" + std::to_string(number), "--db", database_.path().string()}));
  if (result.exit_code != 0) throw std::runtime_error("export failed: " + result.err);
  return nlohmann::json::parse(result.out);
}

int SlackServer::stop() {
  return process_->stop(SIGTERM);
}

std::string SlackServer::log() const {
  std::ifstream file(process_->log_path());
  std::stringstream contents;
  contents << file.rdbuf();
  return contents.str();
}

}  // namespace warroom::testing
