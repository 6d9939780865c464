// ChatSession: runs command lines as chat users against a real, migrated SQLite file in a
// temp folder, with a manual clock, one transaction per line (as the console does), and
// reads back what a user would notice: replies, incidents, events, outbox rows.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "bot/command_runner.h"
#include "commands/clock.h"
#include "commands/config.h"
#include "storage/database.h"
#include "storage/records.h"
#include "tests/support/temp_database.h"

namespace warroom::testing {

// 2026-11-24T09:00:00.000Z, the clock's start in every session.
TimePoint session_start();

class ChatSession {
 public:
  ChatSession();

  // Runs `line` as `user` in `channel` at the clock's time; the reply's mentions are
  // rendered as `@user`, as the console shows them.
  commands::Reply run(std::string_view user, std::string_view line,
                      std::string_view channel = "C1");
  // The same, with the outbox rows the command queued.
  bot::CommandResult run_full(std::string_view user, std::string_view line,
                              std::string_view channel = "C1");

  // Fails the test (throws) when the incident does not exist.
  storage::Incident incident(std::int64_t number);
  std::vector<storage::Event> events(std::int64_t number);
  std::vector<storage::OutboxMessage> outbox();
  storage::ChainReport verify(std::int64_t number);
  std::int64_t incident_count();

  commands::ManualClock clock{session_start()};
  commands::Config config{.announce_channel = "C0ANNOUNCE", .incident_channels = false};
  TempDatabase database;

 private:
  std::unique_ptr<storage::Database> db_;
};

}  // namespace warroom::testing
