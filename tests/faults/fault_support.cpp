// The fault tests' server, load and checks: real processes, real sockets, the real file.
#include "tests/faults/fault_support.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <fstream>
#include <random>
#include <regex>
#include <stdexcept>

#include "tests/support/http.h"
#include "tests/support/raw_sqlite.h"
#include "tests/support/slack_requests.h"

namespace warroom::testing {
namespace {

using namespace std::chrono_literals;

// Between two tries while the server is down (a kill): pacing, so a client does not spin.
constexpr auto retry_pause = 20ms;

}  // namespace

int knob(const char* name, int fallback) {
  const char* value = std::getenv(name);
  if (value == nullptr) return fallback;
  char* end = nullptr;
  const long number = std::strtol(value, &end, 10);
  return end != value && *end == '\0' && number > 0 ? static_cast<int>(number) : fallback;
}

void hold_for(std::chrono::milliseconds duration) {
  wait_for([] { return false; }, duration);
}

std::string mark(int client, int n) {
  return "q" + std::to_string(client) + "x" + std::to_string(n) + "z";
}

std::vector<std::string> marks_in(const std::string& text) {
  static const std::regex pattern("q[0-9]+x[0-9]+z");
  std::vector<std::string> found;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern);
       it != std::sregex_iterator(); ++it) {
    found.push_back(it->str());
  }
  return found;
}

std::map<std::string, std::string> slack_environment(
    const std::string& api_url, const std::map<std::string, std::string>& extra) {
  std::map<std::string, std::string> environment = extra;
  environment.emplace("SLACK_SIGNING_SECRET", test_signing_secret);
  environment.emplace("SLACK_BOT_TOKEN", "xoxb-test-token");
  environment.emplace("WARROOM_SLACK_API_URL", api_url);
  environment.emplace("WARROOM_SLACK_HOOKS_HOSTS", "127.0.0.1");
  environment.emplace("WARROOM_ANNOUNCE_CHANNEL", "C0ANNOUNCE");
  return environment;
}

FaultServer::FaultServer(const std::filesystem::path& database,
                         const std::map<std::string, std::string>& environment)
    : port_(free_port()),
      process_(std::make_unique<BackgroundProcess>(
          warroom({"serve", "--port", std::to_string(port_), "--db", database.string()}),
          environment)) {
  if (!wait_until_healthy(port_)) {
    throw std::runtime_error("warroom serve did not start:\n" + log_tail());
  }
}

int FaultServer::stop(int signal, std::chrono::seconds deadline) {
  return process_->stop(signal, deadline);
}

std::string FaultServer::log_tail(std::size_t lines) const {
  std::ifstream file(process_->log_path());
  std::deque<std::string> last;
  for (std::string line; std::getline(file, line);) {
    last.push_back(line);
    if (last.size() > lines) last.pop_front();
  }
  std::string text;
  for (const auto& line : last) text += line + "\n";
  return text;
}

SlashAnswer send_command(int port, const std::string& channel, const std::string& text) {
  const auto started = std::chrono::steady_clock::now();
  const auto response = post_signed(port, "/slack/commands", slash_body("U1", channel, text),
                                    "application/x-www-form-urlencoded");
  SlashAnswer answer;
  answer.latency_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  if (response) {
    answer.status = response->status;
    answer.body = response->body;
    answer.json = nlohmann::json::parse(response->body, nullptr, false);
  }
  return answer;
}

bool stored_reply(const SlashAnswer& answer) {
  return answer.status >= 200 && answer.status < 300 && answer.json.is_object() &&
         answer.json.value("response_type", "") == "in_channel";
}

CommandLoad::CommandLoad(std::function<int()> port, int clients, MakeCommand make,
                         std::chrono::milliseconds pause)
    : port_(std::move(port)), make_(std::move(make)), pause_(pause) {
  for (int client = 0; client < clients; ++client) {
    threads_.emplace_back([this, client] { run_client(client); });
  }
}

CommandLoad::~CommandLoad() {
  stop();
}

void CommandLoad::stop() {
  stopping_ = true;
  for (auto& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
}

std::vector<CommandLoad::Answer> CommandLoad::answers() const {
  const std::lock_guard lock(mutex_);
  return answers_;
}

void CommandLoad::run_client(int client) {
  for (int n = 0; !stopping_; ++n) {
    const Command command = make_(client, n);
    Answer answer{.client = client,
                  .mark = mark(client, n),
                  .is_update = command.text.starts_with("update") ||
                               command.text.find(" update ") != std::string::npos,
                  .sent_at = std::chrono::steady_clock::now()};
    answer.answer = send_command(port_(), command.channel, command.text);
    if (stored_reply(answer.answer)) ++acknowledged_;
    const bool answered = answer.answer.status != 0;
    {
      const std::lock_guard lock(mutex_);
      answers_.push_back(std::move(answer));
    }
    if (!answered) {
      std::this_thread::sleep_for(retry_pause);
    } else if (pause_ > 0ms) {
      std::this_thread::sleep_for(pause_);
    }
  }
}

ServerUnderLoad::ServerUnderLoad(int clients, CommandLoad::MakeCommand make)
    : environment(slack_environment(slack.base_url(), {{"WARROOM_INCIDENT_CHANNELS", "off"}})),
      server_(std::make_unique<FaultServer>(database.path(), environment)),
      port_(server_->port()) {
  REQUIRE(stored_reply(send_command(port_, "C1", "declare Checkout errors sev2")));
  REQUIRE(stored_reply(send_command(port_, "C2", "declare Search latency sev3")));
  load_ = std::make_unique<CommandLoad>([this] { return port_.load(); }, clients, std::move(make));
}

std::vector<Stop> ServerUnderLoad::stop_and_restart(int signal, int rounds) {
  std::mt19937 random(std::random_device{}());
  std::uniform_int_distribution<std::size_t> more_answers(20, 300);
  std::vector<Stop> stops;
  for (int round = 0; round < rounds; ++round) {
    const auto target = load_->acknowledged() + more_answers(random);
    if (!wait_for([&] { return load_->acknowledged() >= target; }, 30s)) {
      throw std::runtime_error("commands stopped being acknowledged:\n" + server_->log_tail());
    }
    const auto signalled = std::chrono::steady_clock::now();
    const int exit_code = server_->stop(signal);
    stops.push_back({.exit_code = exit_code,
                     .took_ms = std::chrono::duration<double, std::milli>(
                                    std::chrono::steady_clock::now() - signalled)
                                    .count()});
    server_ = std::make_unique<FaultServer>(database.path(), environment);
    port_ = server_->port();
  }
  return stops;
}

nlohmann::json ServerUnderLoad::finish() {
  const auto after_last_start = load_->acknowledged() + 20;
  REQUIRE(wait_for([&] { return load_->acknowledged() >= after_last_start; }, 30s));
  load_->stop();
  INFO(server_->log_tail());
  CHECK(outbox_drains(database.path(), 60s));  // rows a stop left pending go after the restart
  CHECK(server_->stop(SIGTERM) == 0);
  return export_all(database.path());
}

AnswerCounts check_answered_are_stored(const std::vector<CommandLoad::Answer>& answers,
                                       const std::set<std::string>& stored) {
  AnswerCounts counts;
  for (const auto& sent : answers) {
    if (sent.answer.status == 0) {
      ++counts.unanswered;
      continue;
    }
    ++counts.answered;
    CAPTURE(sent.mark, sent.answer.status, sent.answer.body);
    REQUIRE(stored_reply(sent.answer));
    CHECK(stored.contains(sent.mark));
  }
  return counts;
}

nlohmann::json export_all(const std::filesystem::path& database) {
  const auto result = run_process(warroom({"export", "--db", database.string()}));
  if (result.exit_code != 0) throw std::runtime_error("warroom export failed: " + result.err);
  return nlohmann::json::parse(result.out);
}

std::set<std::string> marks_on_timelines(const nlohmann::json& exported) {
  std::set<std::string> found;
  for (const auto& incident : exported.at("incidents")) {
    for (const auto& event : incident.at("timeline")) {
      for (auto& one : marks_in(event.value("text", ""))) found.insert(std::move(one));
    }
  }
  return found;
}

std::multiset<std::string> posted_marks(const std::vector<FakeSlack::Request>& requests) {
  std::multiset<std::string> marks;
  for (const auto& request : requests) {
    if (request.method != "chat.postMessage") continue;
    auto found = marks_in(request.body_text);
    std::ranges::sort(found);
    marks.insert(found.begin(), std::unique(found.begin(), found.end()));
  }
  return marks;
}

bool outbox_drains(const std::filesystem::path& database, std::chrono::milliseconds deadline) {
  return wait_for(
      [&] {
        return query_number(database, "SELECT count(*) FROM outbox WHERE state = 'pending'") == 0;
      },
      deadline);
}

std::vector<std::string> broken_chains(const nlohmann::json& exported) {
  std::vector<std::string> broken;
  for (const auto& incident : exported.at("incidents")) {
    const auto& chain = incident.at("chain");
    if (chain.at("verified") == true) continue;
    broken.push_back(incident.value("key", "?") + " at seq " + chain.at("first_broken_seq").dump());
  }
  return broken;
}

std::string integrity_check(const std::filesystem::path& database) {
  const RawSqlite db(database);
  return query_text(db.handle(), "PRAGMA integrity_check");
}

long long query_number(const std::filesystem::path& database, const std::string& sql) {
  const RawSqlite db(database);
  return std::stoll(query_text(db.handle(), sql));
}

std::string Latencies::describe() const {
  char text[160];
  std::snprintf(text, sizeof text, "n %zu, p50 %.1f ms, p99 %.1f ms, max %.1f ms", count, p50, p99,
                max);
  return text;
}

Latencies latencies_of(std::vector<double> milliseconds) {
  Latencies figures{.count = milliseconds.size()};
  if (milliseconds.empty()) return figures;
  std::ranges::sort(milliseconds);
  const auto at = [&](double share) {
    const auto index = static_cast<std::size_t>(share * static_cast<double>(milliseconds.size()));
    return milliseconds[std::min(index, milliseconds.size() - 1)];
  };
  figures.p50 = at(0.50);
  figures.p99 = at(0.99);
  figures.max = milliseconds.back();
  return figures;
}

void check_fast(const Latencies& figures) {
  CAPTURE(figures.describe());
  CHECK(figures.p99 < typical_answer_bound_ms);
  CHECK(figures.max < every_answer_bound_ms);
}

std::string seconds_text(std::chrono::duration<double> duration) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f s", duration.count());
  return text;
}

std::string seconds_since(std::chrono::steady_clock::time_point start) {
  return seconds_text(std::chrono::steady_clock::now() - start);
}

void report(const std::string& line) {
  std::printf("[faults] %s\n", line.c_str());
  std::fflush(stdout);
}

}  // namespace warroom::testing
