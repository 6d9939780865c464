// The group-commit writer: many commands, few commits, each command alone in its savepoint.
#include "bot/command_writer.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <future>
#include <stdexcept>
#include <thread>
#include <vector>

#include "commands/clock.h"
#include "storage/sqlite_store.h"
#include "tests/support/temp_database.h"

namespace warroom::bot {
namespace {

struct Writer {
  testing::TempDatabase database;
  commands::Config config;
  std::atomic<int> commits{0};  // counted on the writer thread, read by the test
  CommandWriter writer{database.path().string(), [this](std::size_t) { ++commits; }};

  CommandJob job(const std::string& user, const std::string& channel, const std::string& text) {
    return {.invocation = {.user = user,
                           .channel = channel,
                           .platform = commands::Platform::slack,
                           .text = text,
                           .at = commands::SystemClock{}.now(),
                           .config = &config}};
  }
  std::vector<storage::Event> events(std::int64_t number) {
    const auto db = database.open();
    storage::SqliteStore store(*db);
    return store.events(number);
  }
};

}  // namespace

TEST_CASE("concurrent commands from many threads all commit, with fewer commits than commands",
          "[bot][writer]") {
  Writer w;
  REQUIRE(w.writer.submit(w.job("U1", "C1", "declare Database down")).get().kind ==
          CommandOutcome::Kind::ran);
  std::vector<std::future<CommandOutcome>> outcomes;
  for (int i = 0; i < 200; ++i) {
    outcomes.push_back(w.writer.submit(w.job("U1", "C1", "note step " + std::to_string(i))));
  }
  for (auto& outcome : outcomes) {
    const auto result = outcome.get();
    CHECK(result.kind == CommandOutcome::Kind::ran);
    CHECK(result.result.reply.outcome == commands::Outcome::ok);
  }
  const auto events = w.events(1);
  CHECK(events.size() == 201);
  CHECK(w.commits.load() < 201);  // batched: one commit served many commands
}

TEST_CASE("callers of run on many threads each get their own reply, with fewer commits",
          "[bot][writer]") {
  Writer w;
  REQUIRE(w.writer.run(w.job("U1", "C1", "declare Database down")).kind ==
          CommandOutcome::Kind::ran);
  constexpr int threads = 16;
  constexpr int per_thread = 20;
  std::vector<std::thread> callers;
  std::atomic<int> mismatched{0};
  for (int t = 0; t < threads; ++t) {
    callers.emplace_back([&w, &mismatched, t] {
      for (int i = 0; i < per_thread; ++i) {
        const std::string note = "step " + std::to_string(t) + "." + std::to_string(i);
        const auto outcome = w.writer.run(w.job("U1", "C1", "note " + note));
        if (outcome.kind != CommandOutcome::Kind::ran ||
            outcome.result.reply.text.find(note) == std::string::npos) {
          ++mismatched;
        }
      }
    });
  }
  for (auto& caller : callers) caller.join();
  CHECK(mismatched == 0);
  CHECK(w.events(1).size() == 1 + threads * per_thread);
  CHECK(w.commits.load() < 1 + threads * per_thread);  // batched: one commit served many callers
}

TEST_CASE("a refused or failing command rolls back alone and the rest of its batch commits",
          "[bot][writer]") {
  Writer w;
  w.writer.submit(w.job("U1", "C1", "declare Database down")).get();
  auto throwing = w.job("U1", "C1", "note this one breaks after running");
  throwing.queue_reply = [](storage::Store&, const commands::Reply&) {
    throw std::runtime_error("broken reply queue");
  };
  auto before = w.writer.submit(w.job("U1", "C1", "note before"));
  auto refused = w.writer.submit(w.job("U1", "C1", "sev five because"));
  auto failed = w.writer.submit(std::move(throwing));
  auto after = w.writer.submit(w.job("U1", "C1", "note after"));

  CHECK(before.get().kind == CommandOutcome::Kind::ran);
  const auto refusal = refused.get();
  CHECK(refusal.kind == CommandOutcome::Kind::ran);
  CHECK(refusal.result.reply.outcome == commands::Outcome::refused);
  const auto failure = failed.get();
  CHECK(failure.kind == CommandOutcome::Kind::failed);
  CHECK(failure.error == "broken reply queue");
  CHECK(after.get().kind == CommandOutcome::Kind::ran);

  std::vector<std::string> texts;
  for (const auto& event : w.events(1)) texts.push_back(event.text);
  CHECK(texts == std::vector<std::string>{"Database down", "before", "after"});
}

TEST_CASE("a delivery id runs its command once, even when submitted again", "[bot][writer]") {
  Writer w;
  w.writer.submit(w.job("U1", "C1", "declare Database down")).get();
  auto first = w.job("U1", "C1", "note from an event");
  first.delivery_id = "slack-event:Ev1";
  auto again = first;
  CHECK(w.writer.submit(std::move(first)).get().kind == CommandOutcome::Kind::ran);
  CHECK(w.writer.submit(std::move(again)).get().kind == CommandOutcome::Kind::duplicate);
  CHECK(w.events(1).size() == 2);
}

}  // namespace warroom::bot
