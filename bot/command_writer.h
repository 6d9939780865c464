// The server's one writer (group commit): commands from every HTTP thread queue here, and one
// thread runs them in batches: BEGIN IMMEDIATE, a SAVEPOINT per command (a refused or failing
// command rolls back alone), one COMMIT, then every answer. Nothing is answered before its
// commit, and one durable commit serves many commands.
#pragma once

#include <array>
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "bot/command_runner.h"

namespace warroom::storage {
class Database;
}

namespace warroom::bot {

class Metrics;

struct CommandJob {
  commands::Invocation invocation;
  // A platform delivery id (Slack's event_id): the command runs only the first time it is
  // seen, and the id is stored in the same transaction as the command. Empty: no dedup.
  std::string delivery_id;
  // Queues the reply as outbox rows (for platforms whose reply is not the HTTP answer); runs
  // in the batch's transaction, after the command, for refusals too.
  std::function<void(storage::Store&, const commands::Reply&)> queue_reply;
};

struct CommandOutcome {
  enum class Kind { ran, duplicate, failed };
  Kind kind = Kind::ran;
  CommandResult result;  // ran: the reply and the outbox rows it queued
  std::string error;     // failed: what went wrong (nothing of the command was stored)
};

class CommandWriter {
 public:
  // Opens its own connection to `database_path` (already migrated). `after_commit` runs on
  // the writer thread after each batch committed, with the number of outbox rows the batch
  // queued (the server wakes the outbox worker only when there are some). `metrics`,
  // when given, counts each command by name and outcome once its batch is decided, before
  // anyone hears the answer (duplicates are not counted); it must outlive the writer.
  CommandWriter(const std::string& database_path,
                std::function<void(std::size_t queued)> after_commit, Metrics* metrics = nullptr);
  // Runs what is queued, then stops.
  ~CommandWriter();
  CommandWriter(const CommandWriter&) = delete;
  CommandWriter& operator=(const CommandWriter&) = delete;
  CommandWriter(CommandWriter&&) = delete;
  CommandWriter& operator=(CommandWriter&&) = delete;

  // Thread-safe. The future is ready once the job's batch committed (or failed).
  std::future<CommandOutcome> submit(CommandJob job);
  // Thread-safe: submit(job).get(), except for who wakes whom. The writer thread, the one
  // serial stage, wakes only the first caller of a batch; each caller wakes two more before
  // it answers (a tree, so the last is woken after a few hand-overs, not one per caller). A
  // wake-up costs a system call and often an interrupt to the other core, and eight of them
  // per batch were a sixth of the writer's work.
  CommandOutcome run(CommandJob job);

 private:
  // A caller of run(), waiting on its own stack until the batch is decided.
  struct Waiter {
    std::mutex mutex;
    std::condition_variable woken;
    bool done = false;
    CommandOutcome outcome;
    std::array<Waiter*, 2> next{};  // callers of the same batch this caller wakes
  };
  struct Pending {
    CommandJob job;
    std::optional<std::promise<CommandOutcome>> promise;  // submit()
    Waiter* waiter = nullptr;                             // run()
  };
  static void wake(Waiter& waiter);
  void write_batches();
  void run_batch(std::unique_ptr<storage::Database>& db, std::deque<Pending>& batch);

  std::string database_path_;
  std::function<void(std::size_t queued)> after_commit_;
  Metrics* metrics_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Pending> queue_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace warroom::bot
