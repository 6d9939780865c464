// One command, one unit of work: runs a command line inside a transaction, commits when the
// command succeeded, rolls back when it was refused, and reports what it queued to post.
#pragma once

#include <vector>

#include "commands/command.h"
#include "storage/records.h"

namespace warroom::storage {
class Database;
}

namespace warroom::bot {

struct CommandResult {
  commands::Reply reply;
  std::vector<storage::OutboxMessage> queued;  // outbox rows this command wrote
};

// Throws storage::Error when the database fails; nothing is then committed.
CommandResult run_command(storage::Database& db, const commands::Invocation& who);

}  // namespace warroom::bot
