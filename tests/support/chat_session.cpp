// ChatSession: command lines through the real runner, on a real database file.
#include "tests/support/chat_session.h"

#include <limits>
#include <stdexcept>

#include "commands/format.h"
#include "storage/sqlite_store.h"

namespace warroom::testing {

TimePoint session_start() {
  return *parse_utc("2026-11-24T09:00:00.000Z");
}

ChatSession::ChatSession() : db_(database.open()) {}

bot::CommandResult ChatSession::run_full(std::string_view user, std::string_view line,
                                         std::string_view channel) {
  const commands::Invocation who{.user = std::string(user),
                                 .channel = std::string(channel),
                                 .platform = commands::Platform::console,
                                 .text = std::string(line),
                                 .at = clock.now(),
                                 .config = &config};
  auto result = bot::run_command(*db_, who);
  result.reply.text = commands::render_mentions(
      result.reply.text, [](std::string_view name) { return "@" + std::string(name); });
  return result;
}

commands::Reply ChatSession::run(std::string_view user, std::string_view line,
                                 std::string_view channel) {
  return run_full(user, line, channel).reply;
}

storage::Incident ChatSession::incident(std::int64_t number) {
  storage::SqliteStore store(*db_);
  auto found = store.find_incident(number);
  if (!found) throw std::runtime_error("no INC-" + std::to_string(number) + " in the database");
  return *found;
}

std::vector<storage::Event> ChatSession::events(std::int64_t number) {
  storage::SqliteStore store(*db_);
  return store.events(number);
}

std::vector<storage::OutboxMessage> ChatSession::outbox() {
  storage::SqliteStore store(*db_);
  return store.outbox_after(0);
}

storage::ChainReport ChatSession::verify(std::int64_t number) {
  storage::SqliteStore store(*db_);
  return store.verify_chain(number);
}

std::int64_t ChatSession::incident_count() {
  storage::SqliteStore store(*db_);
  return static_cast<std::int64_t>(
      store.list_incidents({.limit = std::numeric_limits<std::int32_t>::max()}).size());
}

}  // namespace warroom::testing
