// `warroom serve`: the HTTP server with the Slack endpoints, health and readiness, the
// group-commit writer and the outbox worker.
#pragma once

#include <string>
#include <vector>

#include "commands/config.h"

namespace warroom::bot {

struct ServeOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;
  std::string database_path = "warroom.db";
  commands::Config config;
  std::string signing_secret;  // empty: the Slack endpoints answer 503 and say why
  std::string bot_token;       // empty: outbound messages wait in the outbox
  std::string slack_api_url = "https://slack.com/api/";
  std::vector<std::string> hooks_hosts{"hooks.slack.com"};
  std::string public_url;        // empty: http://<bind>:<port>
  std::string templates_folder;  // WARROOM_TEMPLATES; empty: built-in templates only
  std::string read_token;        // WARROOM_READ_TOKEN(_FILE); empty: loopback clients only may read
};

// Blocks until SIGTERM or SIGINT, then stops accepting, finishes in-flight requests, lets the
// writer commit what it holds and the outbox worker record its call in flight, and returns 0.
// Returns 1 (after a log line) when the database, the templates or the port cannot be used.
int serve(const ServeOptions& options);

}  // namespace warroom::bot
