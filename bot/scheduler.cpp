// The scheduler thread: reminders once a second.
#include "bot/scheduler.h"

#include <spdlog/spdlog.h>

#include "storage/database.h"
#include "storage/sqlite_store.h"
#include "storage/transaction.h"

namespace warroom::bot {

Scheduler::Scheduler(const std::string& database_path, const commands::Config& config,
                     const commands::Clock& clock, std::function<void()> after_commit,
                     std::chrono::milliseconds period)
    : db_(std::make_unique<storage::Database>(database_path)),
      config_(config),
      clock_(clock),
      after_commit_(std::move(after_commit)),
      period_(period) {
  if (period_.count() > 0) thread_ = std::thread([this] { run(); });
}

Scheduler::~Scheduler() {
  stop();
}

void Scheduler::stop() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

commands::ReminderCount Scheduler::tick() {
  storage::Transaction transaction(*db_);
  storage::SqliteStore store(*db_);
  const auto count = commands::send_due_reminders(store, config_, clock_.now());
  transaction.commit();
  if (count.owners + count.managers > 0) {
    spdlog::info("reminded {} owner(s) and told the managers about {} incident(s)", count.owners,
                 count.managers);
    if (after_commit_) after_commit_();
  }
  return count;
}

void Scheduler::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    try {
      tick();
    } catch (const std::exception& e) {
      spdlog::error("scheduler: {}; trying again in {} ms", e.what(), period_.count());
    }
    lock.lock();
    wake_.wait_for(lock, period_, [this] { return stopping_; });
  }
}

}  // namespace warroom::bot
