// Runs one command line in its own transaction (the console's unit of work).
#include "bot/command_runner.h"

#include "commands/registry.h"
#include "storage/database.h"
#include "storage/sqlite_store.h"
#include "storage/transaction.h"

namespace warroom::bot {

CommandResult run_command(storage::Database& db, const commands::Invocation& who) {
  storage::Transaction transaction(db);
  storage::SqliteStore store(db);
  const auto outbox_before = store.last_outbox_id();
  auto reply = commands::dispatch(who, store);
  if (reply.outcome == commands::Outcome::refused) return {std::move(reply), {}};  // rolls back
  auto queued = store.outbox_after(outbox_before);
  transaction.commit();
  return {std::move(reply), std::move(queued)};
}

}  // namespace warroom::bot
