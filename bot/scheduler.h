// Scheduler: the server's clock-driven work. Once a second it sends the update-cadence
// reminders that are due (commands/cadence.h) in one write transaction, then wakes the
// outbox worker. Its own connection and thread; storage errors are logged, never thrown.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "commands/cadence.h"
#include "commands/clock.h"

namespace warroom::storage {
class Database;
}

namespace warroom::bot {

class Scheduler {
 public:
  // `config` and `clock` must outlive the scheduler; `after_commit` runs after a tick that
  // queued something. `period` 0: no thread (tests call tick() themselves).
  Scheduler(const std::string& database_path, const commands::Config& config,
            const commands::Clock& clock, std::function<void()> after_commit,
            std::chrono::milliseconds period = std::chrono::seconds(1));
  ~Scheduler();
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;
  Scheduler(Scheduler&&) = delete;
  Scheduler& operator=(Scheduler&&) = delete;

  // One round at the clock's now. Throws storage::Error (the thread logs it).
  commands::ReminderCount tick();
  void stop();  // idempotent

 private:
  void run();

  std::unique_ptr<storage::Database> db_;
  const commands::Config& config_;
  const commands::Clock& clock_;
  std::function<void()> after_commit_;
  std::chrono::milliseconds period_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;  // last: starts once everything above exists
};

}  // namespace warroom::bot
