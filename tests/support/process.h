// Runs the real warroom binary (or any program) as a child process: feeds stdin, captures
// stdout and stderr, and kills it at a deadline so a hanging binary fails the test instead of
// hanging it.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace warroom::testing {

struct ProcessResult {
  int exit_code = -1;  // -1 when killed at the deadline or by a signal
  std::string out;
  std::string err;
};

// `environment` adds to (or overrides) the test's own environment.
ProcessResult run_process(const std::vector<std::string>& argv, const std::string& input = {},
                          const std::map<std::string, std::string>& environment = {},
                          std::chrono::seconds deadline = std::chrono::seconds(60));

// The warroom binary under test, then `arguments`.
std::vector<std::string> warroom(std::vector<std::string> arguments);

// A child left running (a server): stopped with SIGTERM (then SIGKILL) on destruction.
class BackgroundProcess {
 public:
  BackgroundProcess(const std::vector<std::string>& argv,
                    const std::map<std::string, std::string>& environment = {});
  ~BackgroundProcess();
  BackgroundProcess(const BackgroundProcess&) = delete;
  BackgroundProcess& operator=(const BackgroundProcess&) = delete;
  BackgroundProcess(BackgroundProcess&&) = delete;
  BackgroundProcess& operator=(BackgroundProcess&&) = delete;

  // Sends `signal` and waits up to `deadline` for the exit; returns the exit code, or -1.
  int stop(int signal, std::chrono::seconds deadline = std::chrono::seconds(10));
  // What the child wrote to stderr so far is in this file.
  const std::string& log_path() const { return log_path_; }

 private:
  pid_t pid_ = -1;
  std::string log_path_;
};

// A TCP port on 127.0.0.1 that was free a moment ago.
int free_port();

}  // namespace warroom::testing
