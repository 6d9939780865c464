// OutboxWorker: the one thread that delivers outbox rows through a ChatApi, in order per
// destination, recording each outcome right after its call. Exports it and retry_delay.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "bot/chat_api.h"
#include "storage/records.h"

namespace warroom::commands {
class Clock;
}
namespace warroom::storage {
class Database;
class SqliteStore;
}  // namespace warroom::storage

namespace warroom::bot {

// The wait before the next try after `attempts` tries (at least 1) failed: 1 s, 2 s, 4 s …
// with the base capped at 5 min, then scaled by 1 + 0.2 * `jitter` (`jitter` in [-1, 1]).
std::chrono::milliseconds retry_delay(std::int64_t attempts, double jitter);

class OutboxWorker {
 public:
  // Opens its own connection to the (already migrated) database at `database_path` and starts
  // the thread. Throws storage::Error when the file cannot be opened. `api` and `clock` must
  // outlive the worker. Storage errors inside the thread are logged and retried after a
  // pause; they never escape it. A non-empty `only_destinations` delivers only rows whose
  // destination starts with it (`page:` when no chat platform is configured: chat rows wait).
  OutboxWorker(const std::string& database_path, ChatApi& api, const commands::Clock& clock,
               std::string only_destinations = "");
  // Stops and joins (see stop()).
  ~OutboxWorker();
  OutboxWorker(const OutboxWorker&) = delete;
  OutboxWorker& operator=(const OutboxWorker&) = delete;
  OutboxWorker(OutboxWorker&&) = delete;
  OutboxWorker& operator=(OutboxWorker&&) = delete;

  // New rows were committed: look now instead of at the next poll (at most 1 s later).
  // Cheap and safe from any thread.
  void notify();
  // Finishes the call in flight (bounded by the chat API's read timeout), records its outcome,
  // and joins the thread. Idempotent.
  void stop();

 private:
  // One message of a round and where it goes; `known_outcome` is set when it cannot be sent
  // at all (a destination that names no incident).
  struct Attempt {
    storage::OutboxMessage message;
    std::string channel;
    std::optional<Delivery> known_outcome;
  };
  struct Round {
    std::vector<Attempt> attempts;
    std::chrono::milliseconds wake_in{0};  // when nothing was attempted
  };

  void run();
  bool stop_requested();
  void wait(std::chrono::milliseconds timeout);
  // Delivers what is due; returns how long to sleep before the next round.
  std::chrono::milliseconds deliver_due_messages();
  Round plan_round();
  static std::optional<Attempt> resolve(storage::SqliteStore& store,
                                        const storage::OutboxMessage& message);
  Delivery call_api(const Attempt& attempt);
  void record(const storage::OutboxMessage& message, const Delivery& delivery);

  std::unique_ptr<storage::Database> db_;
  ChatApi& api_;
  const commands::Clock& clock_;
  std::string only_destinations_;
  std::mt19937 random_;

  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_requested_ = false;
  bool notified_ = false;
  std::thread thread_;  // last: starts once everything above exists
};

}  // namespace warroom::bot
