// `warroom serve`: the HTTP server. Today it answers /healthz and /readyz; the chat platform
// endpoints hang off the same server.
#pragma once

#include <string>

#include "commands/config.h"

namespace warroom::bot {

struct ServeOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;
  std::string database_path = "warroom.db";
  commands::Config config;
};

// Blocks until SIGTERM or SIGINT, then stops accepting, finishes in-flight requests and
// returns 0; returns 1 (after a log line) when it cannot open the database or the port.
int serve(const ServeOptions& options);

}  // namespace warroom::bot
