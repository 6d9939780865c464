// A real `warroom serve` wired to a fake Slack Web API on loopback, for end-to-end tests.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/support/fake_slack.h"
#include "tests/support/process.h"
#include "tests/support/temp_database.h"

namespace warroom::testing {

class SlackServer {
 public:
  // Starts the binary on a free port and waits until it is healthy. `environment` overrides
  // the defaults (signing secret, bot token, fake API URL, announce channel C0ANNOUNCE).
  explicit SlackServer(FakeSlack& slack, const TempDatabase& database,
                       std::map<std::string, std::string> environment = {});

  int port() const { return port_; }
  // `/incident <text>` as `user` in `channel`; the parsed JSON answer (HTTP 200 required).
  nlohmann::json command(const std::string& user, const std::string& channel,
                         const std::string& text);
  // `warroom export INC-n` on the same file.
  nlohmann::json exported(int number) const;
  // Stops with SIGTERM and returns the exit code.
  int stop();
  // What the server logged so far.
  std::string log() const;

 private:
  const TempDatabase& database_;
  int port_;
  std::unique_ptr<BackgroundProcess> process_;
};

}  // namespace warroom::testing
