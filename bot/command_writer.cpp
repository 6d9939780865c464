// Group commit: one writer thread, a savepoint per command, one commit per batch.
#include "bot/command_writer.h"

#include <spdlog/spdlog.h>

#include <optional>
#include <vector>

#include "bot/metrics.h"
#include "commands/registry.h"
#include "storage/database.h"
#include "storage/error.h"
#include "storage/sqlite_store.h"
#include "storage/transaction.h"

namespace warroom::bot {
namespace {

constexpr std::size_t max_batch = 256;

// What the person who sent the command is told; the log keeps SQLite's own words.
std::string failure_for_people(const std::exception& error) {
  const auto* storage_error = dynamic_cast<const storage::Error*>(&error);
  if (storage_error != nullptr && storage_error->disk_full()) {
    return "the database is full (its disk has no space left). Ask whoever runs warroom to free "
           "some space, then try again";
  }
  return error.what();
}

// Runs one job inside its own savepoint. Throws only when the whole transaction is lost.
CommandOutcome run_job(storage::Database& db, storage::SqliteStore& store, const CommandJob& job) {
  const auto& who = job.invocation;
  try {
    std::optional<commands::Reply> refused;
    // The rows this job queues: from the first id enqueued after this mark (ids only grow
    // within the batch's transaction, and nobody else writes during it).
    const std::size_t mark = store.enqueued_ids().size();
    const auto queued_since_mark = [&store, mark] {
      const auto& ids = store.enqueued_ids();
      return ids.size() > mark ? store.outbox_after(ids[mark] - 1)
                               : std::vector<storage::OutboxMessage>{};
    };
    {
      storage::Savepoint savepoint(db);
      if (!job.delivery_id.empty() && !store.remember_delivery(job.delivery_id, who.at)) {
        savepoint.release();
        return {.kind = CommandOutcome::Kind::duplicate};
      }
      auto reply = commands::dispatch(who, store);
      if (reply.outcome == commands::Outcome::ok) {
        if (job.queue_reply) job.queue_reply(store, reply);
        auto queued = queued_since_mark();
        savepoint.release();
        return {.result = {std::move(reply), std::move(queued)}};
      }
      refused = std::move(reply);  // the savepoint rolls the command back
    }
    storage::Savepoint savepoint(db);  // a refusal still answers, and still counts as seen
    if (!job.delivery_id.empty()) store.remember_delivery(job.delivery_id, who.at);
    std::vector<storage::OutboxMessage> queued;
    if (job.queue_reply) {
      job.queue_reply(store, *refused);
      queued = queued_since_mark();  // the reply alone: the command rolled back
    }
    savepoint.release();
    return {.result = {std::move(*refused), std::move(queued)}};
  } catch (const std::exception& error) {
    if (!db.in_transaction()) throw;  // SQLite gave the whole batch up (e.g. disk full)
    spdlog::error("command \"{}\" failed and was rolled back: {}", who.text.substr(0, 40),
                  error.what());
    return {.kind = CommandOutcome::Kind::failed, .error = failure_for_people(error)};
  }
}

// Counts one decided command for /metrics: ok or refused as it ran, error when it (or its
// whole batch) failed; a duplicate delivery ran nothing and is not counted.
void count_command(Metrics& metrics, const CommandJob& job, const CommandOutcome& outcome) {
  if (outcome.kind == CommandOutcome::Kind::duplicate) return;
  auto counted = Metrics::CommandOutcome::error;
  if (outcome.kind == CommandOutcome::Kind::ran) {
    counted = outcome.result.reply.outcome == commands::Outcome::ok
                  ? Metrics::CommandOutcome::ok
                  : Metrics::CommandOutcome::refused;
  }
  metrics.count_command(commands::command_name(job.invocation.text), counted);
}

}  // namespace

CommandWriter::CommandWriter(const std::string& database_path,
                             std::function<void(std::size_t queued)> after_commit, Metrics* metrics)
    : database_path_(database_path),
      after_commit_(std::move(after_commit)),
      metrics_(metrics),
      thread_([this] { write_batches(); }) {}

CommandWriter::~CommandWriter() {
  {
    const std::scoped_lock lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

std::future<CommandOutcome> CommandWriter::submit(CommandJob job) {
  std::promise<CommandOutcome> promise;
  auto future = promise.get_future();
  {
    const std::scoped_lock lock(mutex_);
    queue_.push_back({.job = std::move(job), .promise = std::move(promise)});
  }
  wake_.notify_one();
  return future;
}

CommandOutcome CommandWriter::run(CommandJob job) {
  Waiter waiter;
  {
    const std::scoped_lock lock(mutex_);
    queue_.push_back({.job = std::move(job), .waiter = &waiter});
  }
  wake_.notify_one();
  {
    std::unique_lock lock(waiter.mutex);
    waiter.woken.wait(lock, [&waiter] { return waiter.done; });
  }
  for (Waiter* next : waiter.next) {
    if (next != nullptr) wake(*next);
  }
  return std::move(waiter.outcome);
}

// Under the waiter's mutex: once it is released, the waiter may return and its stack is gone.
void CommandWriter::wake(Waiter& waiter) {
  const std::scoped_lock lock(waiter.mutex);
  waiter.done = true;
  waiter.woken.notify_one();
}

void CommandWriter::write_batches() {
  std::unique_ptr<storage::Database> db;  // opened on this thread, reopened after a failure
  while (true) {
    std::deque<Pending> batch;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and everything queued has run
      while (!queue_.empty() && batch.size() < max_batch) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    run_batch(db, batch);
  }
}

void CommandWriter::run_batch(std::unique_ptr<storage::Database>& db, std::deque<Pending>& batch) {
  std::vector<CommandOutcome> outcomes;
  try {
    if (!db) db = std::make_unique<storage::Database>(database_path_);
    storage::Transaction transaction(*db);
    storage::SqliteStore store(*db);
    for (const auto& pending : batch) outcomes.push_back(run_job(*db, store, pending.job));
    transaction.commit();
  } catch (const std::exception& error) {
    spdlog::error("a batch of {} commands failed, nothing of it was stored: {}", batch.size(),
                  error.what());
    outcomes.assign(batch.size(), CommandOutcome{.kind = CommandOutcome::Kind::failed,
                                                 .error = failure_for_people(error)});
  }
  std::size_t queued = 0;
  std::vector<Waiter*> waiters;  // callers of run(): waiter i wakes waiters 2i+1 and 2i+2
  for (std::size_t i = 0; i < batch.size(); ++i) {
    if (metrics_ != nullptr) count_command(*metrics_, batch[i].job, outcomes[i]);
    queued += outcomes[i].result.queued.size();
    if (Waiter* waiter = batch[i].waiter) {
      waiter->outcome = std::move(outcomes[i]);  // read after the wakers' mutexes hand it on
      waiters.push_back(waiter);
    } else {
      batch[i].promise->set_value(std::move(outcomes[i]));
    }
  }
  for (std::size_t i = 0; i < waiters.size(); ++i) {
    for (std::size_t child = 0; child < 2; ++child) {
      const std::size_t index = 2 * i + 1 + child;
      waiters[i]->next.at(child) = index < waiters.size() ? waiters[index] : nullptr;
    }
  }
  if (!waiters.empty()) wake(*waiters.front());
  if (after_commit_) after_commit_(queued);
}

}  // namespace warroom::bot
