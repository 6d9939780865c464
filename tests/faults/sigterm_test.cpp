// SIGTERM under load: the server stops accepting, finishes the requests it has, lets the
// writer commit and the outbox worker record its call in flight, and exits 0. After a restart
// every outbox row is delivered exactly once: none was half-sent.
// WARROOM_SOAK_TERMS sets the number of SIGTERMs under load (2 here, 10 in `make soak`).
#include <httplib.h>

#include <catch2/catch.hpp>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <future>
#include <iterator>

#include "tests/faults/fault_support.h"
#include "tests/support/fake_slack.h"
#include "tests/support/slack_requests.h"
#include "tests/support/temp_database.h"

namespace warroom::testing {
namespace {

using namespace std::chrono_literals;

CommandLoad::Command update_or_note(int client, int n) {
  const std::string channel = client % 2 == 0 ? "C1" : "C2";
  if (n % 3 == 2) return {channel, "note " + mark(client, n) + " still looking"};
  return {channel, "update " + mark(client, n) + " mitigation in progress"};
}

// The marks of every `update` on the timelines: each is one outbox row to the announce channel.
std::multiset<std::string> update_marks(const nlohmann::json& exported) {
  std::multiset<std::string> marks;
  for (const auto& incident : exported.at("incidents")) {
    for (const auto& event : incident.at("timeline")) {
      if (event.value("kind", "") != "update") continue;
      for (auto& one : marks_in(event.value("text", ""))) marks.insert(std::move(one));
    }
  }
  return marks;
}

bool healthy(int port) {
  httplib::Client client("127.0.0.1", port);
  client.set_connection_timeout(1);
  client.set_read_timeout(1);
  const auto response = client.Get("/healthz");
  return response && response->status == 200;
}

// The pid of the `warroom serve` on `port`, found by its command line; 0 when none is.
pid_t serve_pid(int port) {
  const std::string wanted =
      std::string("serve") + '\0' + "--port" + '\0' + std::to_string(port) + '\0';
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    std::ifstream file(entry.path() / "cmdline");
    const std::string command_line{std::istreambuf_iterator<char>(file), {}};
    if (command_line.find(wanted) != std::string::npos && command_line.find(WARROOM_BINARY) == 0) {
      return static_cast<pid_t>(std::stoi(entry.path().filename().string()));
    }
  }
  return 0;
}

// How many threads of `pid` do not block SIGTERM (SigBlk in /proc/…/task/…/status).
int threads_taking_sigterm(pid_t pid) {
  int taking = 0;
  const auto tasks = std::filesystem::path("/proc") / std::to_string(pid) / "task";
  for (const auto& task : std::filesystem::directory_iterator(tasks)) {
    std::ifstream status(task.path() / "status");
    for (std::string line; std::getline(status, line);) {
      if (!line.starts_with("SigBlk:")) continue;
      const auto blocked = std::stoull(line.substr(7), nullptr, 16);
      if ((blocked & (1ULL << (SIGTERM - 1))) == 0) ++taking;
    }
  }
  return taking;
}

}  // namespace

TEST_CASE("only the signal watcher of serve can receive SIGTERM", "[faults][sigterm]") {
  // A thread that does not block SIGTERM may be handed it, and dies with the default action
  // (exit 143, no graceful stop): the watcher alone waits for it (sigwait lifts the block).
  const TempDatabase database;
  FaultServer server(database.path(), {{"SLACK_SIGNING_SECRET", test_signing_secret}});
  const pid_t pid = serve_pid(server.port());
  REQUIRE(pid > 0);
  CHECK(threads_taking_sigterm(pid) <= 1);
  CHECK(server.stop(SIGTERM) == 0);
}

TEST_CASE("SIGTERM under load stores every acknowledged command and exits 0", "[faults][sigterm]") {
  const int terms = knob("WARROOM_SOAK_TERMS", 2);
  const auto started = std::chrono::steady_clock::now();
  ServerUnderLoad run(4, update_or_note);
  std::vector<double> stop_ms;
  for (const auto& stop : run.stop_and_restart(SIGTERM, terms)) {
    CHECK(stop.exit_code == 0);
    stop_ms.push_back(stop.took_ms);
  }
  const auto exported = run.finish();
  const auto& database = run.database;
  // An answer during the shutdown is a real answer: the command was stored.
  const auto counts = check_answered_are_stored(run.load().answers(), marks_on_timelines(exported));
  // Exactly once: a row in flight at SIGTERM was recorded before the exit, never sent again.
  const auto updates = update_marks(exported);
  const auto posted = posted_marks(run.slack.requests());
  std::size_t wrong = 0;
  for (const auto& one : updates) {
    if (posted.count(one) != 1) ++wrong;
  }
  CHECK(wrong == 0);
  CHECK(posted.size() == updates.size());
  CHECK(query_number(database.path(), "SELECT count(*) FROM outbox WHERE state <> 'sent'") == 0);
  CHECK(integrity_check(database.path()) == "ok");
  CHECK(broken_chains(exported).empty());
  report("SIGTERM under load: " + std::to_string(terms) + " stops, each exit 0 (" +
         latencies_of(stop_ms).describe() + " from signal to exit), " +
         std::to_string(counts.answered) + " commands answered and found stored, " +
         std::to_string(counts.unanswered) + " refused while stopped, " +
         std::to_string(updates.size()) + " updates each posted exactly once, " +
         seconds_since(started));
}

TEST_CASE("SIGTERM while a chat call hangs stops accepting at once and exits 0 when it ends",
          "[faults][sigterm]") {
  const TempDatabase database;
  auto first = std::make_unique<FakeSlack>();
  first->answer("chat.postMessage", FakeSlack::hanging());
  auto server = std::make_unique<FaultServer>(
      database.path(),
      slack_environment(first->base_url(), {{"WARROOM_INCIDENT_CHANNELS", "off"}}));
  const int port = server->port();
  REQUIRE(stored_reply(send_command(port, "C1", "declare Login broken sev2")));
  REQUIRE(wait_for([&] { return first->requests("chat.postMessage").size() == 1; }));

  auto exit_code = std::async(std::launch::async, [&server] { return server->stop(SIGTERM); });
  // Not accepting any more, while the worker still waits for Slack's answer.
  CHECK(wait_for([&] { return !healthy(port); }, 5s));
  CHECK(exit_code.wait_for(0s) == std::future_status::timeout);
  const auto released = std::chrono::steady_clock::now();
  first->stop();  // the hanging call ends (503): the worker records a retry, then stops
  CHECK(exit_code.get() == 0);
  const auto exit_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - released)
          .count();
  CHECK(exit_ms < 5000);

  FakeSlack second;
  server = std::make_unique<FaultServer>(
      database.path(),
      slack_environment(second.base_url(), {{"WARROOM_INCIDENT_CHANNELS", "off"}}));
  INFO(server->log_tail());
  REQUIRE(wait_for([&] { return second.requests("chat.postMessage").size() == 1; }, 20s));
  hold_for(300ms);  // nothing more may come
  CHECK(second.requests("chat.postMessage").size() == 1);
  CHECK(second.requests("chat.postMessage")[0].body_text.find("Login broken") != std::string::npos);
  CHECK(query_number(database.path(), "SELECT count(*) FROM outbox WHERE state = 'pending'") == 0);
  CHECK(server->stop(SIGTERM) == 0);
  report("SIGTERM with a hanging Slack call: exit 0 " + std::to_string(static_cast<int>(exit_ms)) +
         " ms after the call ended; the message was delivered once after the restart");
}

}  // namespace warroom::testing
