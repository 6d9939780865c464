// Slack's three endpoints on the HTTP server: /slack/commands, /slack/events and
// /slack/interactions. Every request is verified before anything else is read or stored.
#pragma once

#include <string>
#include <vector>

#include "commands/clock.h"
#include "commands/config.h"

namespace httplib {
class Server;
}

namespace warroom::bot {
class CommandWriter;
}

namespace warroom::bot::slack {

class MessageRenderer;

struct SlackSettings {
  std::string signing_secret;            // empty: every Slack endpoint answers 503 and says why
  std::vector<std::string> hooks_hosts;  // hosts a response_url may point at
};

struct SlackEndpoints {
  SlackSettings settings;
  CommandWriter& writer;
  const MessageRenderer& renderer;
  const commands::Config& config;
  const commands::Clock& clock;
};

// The routes keep a reference to `endpoints`: it must outlive the server.
void add_slack_routes(httplib::Server& server, const SlackEndpoints& endpoints);

}  // namespace warroom::bot::slack
