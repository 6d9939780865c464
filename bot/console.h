// The terminal console: reads command lines from a terminal or a pipe, runs each as `user`
// in `channel`, and prints each reply the way the chat would show it.
#pragma once

#include <iosfwd>
#include <string>

#include "commands/clock.h"
#include "commands/config.h"

namespace warroom::bot {

struct ConsoleOptions {
  std::string database_path;
  std::string user;
  std::string channel = "console";
  commands::Config config;
  bool interactive = false;  // print a banner and a prompt
};

// Returns the process exit code: 0 when every line ran (refusals included), 1 when the
// database failed on some line.
int run_console(const ConsoleOptions& options, const commands::Clock& clock, std::istream& in,
                std::ostream& out);

}  // namespace warroom::bot
