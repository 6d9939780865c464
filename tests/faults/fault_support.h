// What the crash and fault tests share: a `warroom serve` that can be killed and restarted on
// the same file, client threads that drive signed slash commands and remember every answer,
// the checks on the file afterwards, latency figures, and the knobs `make soak` turns up.
#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/fake_slack.h"
#include "tests/support/process.h"
#include "tests/support/temp_database.h"

namespace warroom::testing {

// An integer from the environment (`make soak` sets them), or `fallback` when unset or not a
// positive number.
int knob(const char* name, int fallback);

// Keeps a fault going for `duration`: a deliberate length of time, never a synchronisation.
void hold_for(std::chrono::milliseconds duration);

// "q<client>x<n>z": a command's unique mark, found again in the timeline and in Slack calls.
std::string mark(int client, int n);
// Every mark in `text`.
std::vector<std::string> marks_in(const std::string& text);

// The environment of a server that talks to Slack at `api_url`, plus `extra`.
std::map<std::string, std::string> slack_environment(
    const std::string& api_url, const std::map<std::string, std::string>& extra = {});

// `warroom serve` on a free port over `database`, started and healthy on construction (throws
// with its log otherwise); SIGTERM on destruction.
class FaultServer {
 public:
  FaultServer(const std::filesystem::path& database,
              const std::map<std::string, std::string>& environment);
  int port() const { return port_; }
  // Sends `signal` and waits for the exit: the exit code, or -1 (killed, or still running at
  // the deadline, then killed).
  int stop(int signal, std::chrono::seconds deadline = std::chrono::seconds(20));
  // The last `lines` lines the server logged.
  std::string log_tail(std::size_t lines = 30) const;

 private:
  int port_;
  std::unique_ptr<BackgroundProcess> process_;
};

// `/incident <text>` as U1 in `channel`, signed; the HTTP status (0: no answer) and body.
struct SlashAnswer {
  int status = 0;
  std::string body;
  nlohmann::json json;  // discarded unless the body was JSON
  double latency_ms = 0;
};
SlashAnswer send_command(int port, const std::string& channel, const std::string& text);

// Client threads, each sending signed slash commands one after another (pausing `pause` after
// each) to whatever port `port()` says at that moment, until stopped; every answer is kept.
class CommandLoad {
 public:
  struct Command {
    std::string channel;
    std::string text;  // carries mark(client, n)
  };
  struct Answer {
    int client = 0;
    std::string mark;
    bool is_update = false;
    SlashAnswer answer;
    std::chrono::steady_clock::time_point sent_at;
  };
  using MakeCommand = std::function<Command(int client, int n)>;

  CommandLoad(std::function<int()> port, int clients, MakeCommand make,
              std::chrono::milliseconds pause = std::chrono::milliseconds(0));
  ~CommandLoad();
  CommandLoad(const CommandLoad&) = delete;
  CommandLoad& operator=(const CommandLoad&) = delete;
  CommandLoad(CommandLoad&&) = delete;
  CommandLoad& operator=(CommandLoad&&) = delete;

  // Answers so far that were 2xx and in_channel (the command was stored).
  std::size_t acknowledged() const { return acknowledged_.load(); }
  std::vector<Answer> answers() const;
  // Lets each client finish the command it is sending, then joins them. Idempotent.
  void stop();

 private:
  void run_client(int client);

  std::function<int()> port_;
  MakeCommand make_;
  std::chrono::milliseconds pause_;
  std::atomic<bool> stopping_{false};
  std::atomic<std::size_t> acknowledged_{0};
  mutable std::mutex mutex_;
  std::vector<Answer> answers_;
  std::vector<std::thread> threads_;
};

// True when a 2xx answer says the command was stored (response_type in_channel).
bool stored_reply(const SlashAnswer& answer);

struct Stop {
  int exit_code = 0;
  double took_ms = 0;
};

// The scenario of the kill -9 and SIGTERM tests: `warroom serve` talking to a fake Slack over a
// temporary file (incident channels off), INC-1 declared in C1 and INC-2 in C2, and `clients`
// threads sending `make`'s commands to whichever server is up.
class ServerUnderLoad {
 public:
  ServerUnderLoad(int clients, CommandLoad::MakeCommand make);

  // `rounds` times, at a random moment (after 20 to 300 more acknowledged commands): stops the
  // server with `signal` and starts a new one on the same file with the same environment. Each
  // stop's exit code and milliseconds from the signal to the exit. Throws when the load stops
  // being acknowledged.
  std::vector<Stop> stop_and_restart(int signal, int rounds);
  // Once 20 more commands were acknowledged by the last server: stops the load, checks that
  // the outbox drains, stops the server with SIGTERM (checked: exit 0) and exports the file.
  nlohmann::json finish();

  FakeSlack slack;
  const TempDatabase database;
  const std::map<std::string, std::string> environment;

  [[nodiscard]] const CommandLoad& load() const { return *load_; }

 private:
  std::unique_ptr<FaultServer> server_;
  std::atomic<int> port_;
  std::unique_ptr<CommandLoad> load_;  // last: stops before the server goes
};

// Checks that every answered command of `answers` was acknowledged as stored (a 2xx
// in_channel, never an error) and is in `stored`; unanswered ones (the server was down) may or
// may not be. How many were answered, and how many not.
struct AnswerCounts {
  std::size_t answered = 0;
  std::size_t unanswered = 0;
};
AnswerCounts check_answered_are_stored(const std::vector<CommandLoad::Answer>& answers,
                                       const std::set<std::string>& stored);

// `warroom export` of every incident in `database`.
nlohmann::json export_all(const std::filesystem::path& database);
// The marks in every timeline event of `exported`.
std::set<std::string> marks_on_timelines(const nlohmann::json& exported);
// The marks of the chat.postMessage calls among `requests`, once per call (a message carries
// its text twice: as text and in its blocks).
std::multiset<std::string> posted_marks(const std::vector<FakeSlack::Request>& requests);
// Polls until no outbox row of `database` is pending; false at the deadline.
bool outbox_drains(const std::filesystem::path& database, std::chrono::milliseconds deadline);
// The incidents of `exported` whose hash chain does not verify ("INC-2 at seq 7").
std::vector<std::string> broken_chains(const nlohmann::json& exported);
// PRAGMA integrity_check's first row ("ok" when the file is sound).
std::string integrity_check(const std::filesystem::path& database);
// The first column of the first row of `sql`, as a number.
long long query_number(const std::filesystem::path& database, const std::string& sql);

// Latency figures of answers in milliseconds: "n 120, p50 2.1 ms, p99 9.8 ms, max 12.0 ms".
struct Latencies {
  std::size_t count = 0;
  double p50 = 0, p99 = 0, max = 0;
  std::string describe() const;
};
Latencies latencies_of(std::vector<double> milliseconds);

// What "answers fast" means in these tests: 99 % of answers under 500 ms, and every one inside
// Slack's 3-second budget with room to spare. A slash command is answered after its fsync, and
// on a shared disk another job's burst of writes stalled an fsync for up to 2 s with no fault
// injected at all, so a single slow answer is the disk's, not the fault's.
inline constexpr double typical_answer_bound_ms = 500;
inline constexpr double every_answer_bound_ms = 2500;
// Checks `figures` against both bounds.
void check_fast(const Latencies& figures);

// "12.3 s": `duration`, or the time since `start`.
std::string seconds_text(std::chrono::duration<double> duration);
std::string seconds_since(std::chrono::steady_clock::time_point start);

// One line for the figures a run reports (stdout, so `make soak` shows them).
void report(const std::string& line);

}  // namespace warroom::testing
