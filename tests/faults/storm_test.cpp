// Slack storms: the Web API refuses connections, then hangs, then answers 500, then 429 with
// Retry-After, while slash commands keep coming. Every command answers fast from the commit;
// when Slack comes back every message is delivered once, in order per channel, and no 429 is
// retried before its Retry-After. WARROOM_STORM_SECONDS sets each phase (5 here, 60 in soak).
#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <optional>
#include <set>

#include "tests/faults/fault_support.h"
#include "tests/support/fake_slack.h"
#include "tests/support/raw_sqlite.h"
#include "tests/support/temp_database.h"

namespace warroom::testing {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

constexpr int clients = 3;
constexpr int retry_after_seconds = 2;
const std::vector<std::string> chat_methods = {"conversations.create",
                                               "conversations.invite",
                                               "conversations.setTopic",
                                               "chat.postMessage",
                                               "pins.add",
                                               "chat.postEphemeral"};

// Client c updates INC-(c+1) from #general, so each update goes to the incident's own channel
// and to the announce channel.
CommandLoad::Command update_from_general(int client, int n) {
  return {"C0GENERAL",
          "INC-" + std::to_string(client + 1) + " update " + mark(client, n) + " still degraded"};
}

struct Phase {
  std::string name;
  std::optional<FakeSlack::Answer> answer;  // none: nothing listens, connections are refused
  Clock::time_point started_at;
  std::vector<FakeSlack::Request> calls;  // what Slack received during the phase
};

// The client and sequence number of a mark "q<c>x<n>z".
std::pair<int, int> parse_mark(const std::string& one) {
  const auto x = one.find('x');
  return {std::stoi(one.substr(1, x - 1)), std::stoi(one.substr(x + 1, one.size() - x - 2))};
}

// Per channel, the marks of the chat.postMessage calls, in the order Slack received them.
std::map<std::string, std::vector<std::string>> marks_by_channel(
    const std::vector<FakeSlack::Request>& requests) {
  std::map<std::string, std::vector<std::string>> by_channel;
  for (const auto& request : requests) {
    if (request.method != "chat.postMessage" || !request.body.is_object()) continue;
    const auto text = request.body.value("text", "");
    for (auto& one : marks_in(text)) by_channel[request.body.value("channel", "")].push_back(one);
  }
  return by_channel;
}

// Runs one faulty phase: a FakeSlack on `api_port` answering every call with `answer`.
void run_faulty_phase(Phase& phase, int api_port, std::chrono::seconds length,
                      const std::function<void()>& during) {
  phase.started_at = Clock::now();
  if (!phase.answer) {
    during();
    hold_for(length);
    return;
  }
  FakeSlack faulty(api_port);
  for (const auto& method : chat_methods) faulty.answer(method, *phase.answer);
  during();
  hold_for(length);
  faulty.stop();  // a hanging call ends with a 503
  phase.calls = faulty.requests();
}

void check_retry_after(const std::vector<FakeSlack::Request>& rate_limited,
                       const std::vector<FakeSlack::Request>& later, double& closest_ms) {
  std::vector<FakeSlack::Request> all = rate_limited;
  all.insert(all.end(), later.begin(), later.end());
  for (std::size_t i = 0; i < rate_limited.size(); ++i) {
    for (std::size_t j = i + 1; j < all.size(); ++j) {
      if (all[j].method != all[i].method) continue;
      const double gap_ms =
          std::chrono::duration<double, std::milli>(all[j].at - all[i].at).count();
      closest_ms = std::min(closest_ms, gap_ms);
      CAPTURE(all[i].method, gap_ms);
      CHECK(gap_ms >= retry_after_seconds * 1000.0);
      break;
    }
  }
}

// Every command answered 2xx, stored, and fast in every phase, whatever Slack did; the
// latencies by the phase each command was sent in.
std::map<std::string, std::vector<double>> check_answers(
    const std::vector<CommandLoad::Answer>& answers, const std::vector<Phase>& phases) {
  std::map<std::string, std::vector<double>> latency_by_phase;
  for (const auto& sent : answers) {
    CAPTURE(sent.mark, sent.answer.status, sent.answer.body);
    REQUIRE(stored_reply(sent.answer));
    std::string phase_name = phases.front().name;
    for (const auto& phase : phases) {
      if (sent.sent_at >= phase.started_at) phase_name = phase.name;
    }
    latency_by_phase[phase_name].push_back(sent.answer.latency_ms);
  }
  for (const auto& [phase, latencies] : latency_by_phase) {
    CAPTURE(phase);
    check_fast(latencies_of(latencies));
  }
  return latency_by_phase;
}

// The faulty Slacks were told to fail every method the worker calls, so nothing they received
// was a success: what Slack got is what the healthy one got.
void check_faulty_phases_succeeded_nothing(const std::vector<Phase>& phases) {
  for (const auto& phase : phases) {
    for (const auto& call : phase.calls) {
      CAPTURE(phase.name, call.method);
      CHECK(std::find(chat_methods.begin(), chat_methods.end(), call.method) != chat_methods.end());
    }
  }
}

// Once each, in order per channel: client c's marks ascend in INC-(c+1)'s channel and in the
// announce channel, and every stored update appears exactly once in each.
void check_once_in_order(const nlohmann::json& exported,
                         const std::vector<FakeSlack::Request>& delivered) {
  const auto stored = marks_on_timelines(exported);
  const auto by_channel = marks_by_channel(delivered);
  std::map<int, std::string> channel_of_client;
  for (const auto& incident : exported.at("incidents")) {
    const int number = std::stoi(incident.value("key", "INC-0").substr(4));
    CHECK_FALSE(incident.value("channel", "").empty());
    if (number <= clients) channel_of_client[number - 1] = incident.value("channel", "");
  }
  for (const std::string& channel : {channel_of_client[0], channel_of_client[1],
                                     channel_of_client[2], std::string("C0ANNOUNCE")}) {
    CAPTURE(channel);
    std::map<int, int> last_of_client;
    std::set<std::string> seen;
    const auto found = by_channel.find(channel);
    REQUIRE(found != by_channel.end());
    for (const auto& one : found->second) {
      CAPTURE(one);
      const auto [client, n] = parse_mark(one);
      CHECK(seen.insert(one).second);                                           // once
      CHECK((!last_of_client.contains(client) || last_of_client[client] < n));  // in order
      last_of_client[client] = n;
      if (channel != "C0ANNOUNCE") CHECK(channel == channel_of_client[client]);
    }
    const auto expected = std::count_if(stored.begin(), stored.end(), [&](const auto& one) {
      return channel == "C0ANNOUNCE" || channel_of_client[parse_mark(one).first] == channel;
    });
    CHECK(static_cast<long>(seen.size()) == expected);
  }
}

}  // namespace

TEST_CASE("through Slack storms commands answer fast and every message arrives once in order",
          "[faults][storm]") {
  const std::chrono::seconds length{knob("WARROOM_STORM_SECONDS", 5)};
  // Backoff doubles up to 5 min (+20 % jitter): after an outage of T the next try of a message
  // can be ~1.2 T away, so recovery may take that long.
  const auto recovery_deadline =
      std::min<std::chrono::milliseconds>(length * 4 * 3 / 2 + 30s, 420s);
  const auto started = Clock::now();
  const TempDatabase database;
  const int api_port = free_port();
  FaultServer server(database.path(),
                     slack_environment("http://127.0.0.1:" + std::to_string(api_port) + "/api/"));
  const int port = server.port();
  for (int incident = 1; incident <= clients; ++incident) {
    REQUIRE(stored_reply(
        send_command(port, "C0GENERAL", "declare Storm " + std::to_string(incident) + " sev2")));
  }
  CommandLoad load([port] { return port; }, clients, update_from_general, 50ms);
  int fresh = clients;
  const auto declare_fresh = [&] {  // a new channel to create: a first try in this phase
    REQUIRE(stored_reply(
        send_command(port, "C0GENERAL", "declare Fresh " + std::to_string(++fresh) + " sev3")));
  };
  std::vector<Phase> phases = {
      {.name = "refused"},
      {.name = "hanging", .answer = FakeSlack::hanging()},
      {.name = "500", .answer = FakeSlack::server_error()},
      {.name = "429", .answer = FakeSlack::rate_limited(retry_after_seconds)}};
  for (auto& phase : phases) run_faulty_phase(phase, api_port, length, declare_fresh);

  Phase back{.name = "back", .started_at = Clock::now()};
  FakeSlack healthy(api_port);
  hold_for(length);  // commands keep coming while the backlog drains
  load.stop();
  const auto load_stopped = Clock::now();
  const bool drained = outbox_drains(database.path(), recovery_deadline);
  INFO(server.log_tail());
  CHECK(drained);
  const auto drained_s = seconds_since(load_stopped);
  CHECK(query_number(database.path(), "SELECT count(*) FROM outbox WHERE state = 'failed'") == 0);
  hold_for(300ms);  // nothing more may come
  back.calls = healthy.requests();
  phases.push_back(back);

  const auto answers = load.answers();
  auto latency_by_phase = check_answers(answers, phases);
  check_faulty_phases_succeeded_nothing(phases);
  const auto exported = export_all(database.path());
  check_once_in_order(exported, back.calls);
  double closest_ms = 1e9;
  check_retry_after(phases[3].calls, back.calls, closest_ms);
  CHECK(integrity_check(database.path()) == "ok");
  CHECK(broken_chains(exported).empty());

  for (const auto& phase : phases) {
    report("storm " + phase.name + ": " + std::to_string(phase.calls.size()) +
           " Slack calls, slash command answers " +
           latencies_of(latency_by_phase[phase.name]).describe());
  }
  const auto first_call =
      back.calls.empty() ? Clock::duration{} : back.calls.front().at - back.started_at;
  report("storm: " + std::to_string(length.count()) + " s per phase, " +
         std::to_string(answers.size()) + " updates, each delivered once to two channels; " +
         "first call " + seconds_text(first_call) + " after Slack came back, backlog drained " +
         drained_s + " after the load stopped; closest retry after a 429 " +
         std::to_string(closest_ms).substr(0, std::to_string(closest_ms).find('.') + 2) +
         " ms (Retry-After " + std::to_string(retry_after_seconds) + " s); " +
         seconds_since(started));
}

TEST_CASE("a backlog of 100000 undelivered messages does not slow slash commands",
          "[faults][storm]") {
  // Planning a delivery round tested every pending row for being its destination's oldest, in
  // a write transaction, after every commit: with 30,000 waiting, commands waited seconds.
  const std::chrono::seconds length{knob("WARROOM_STORM_SECONDS", 5)};
  const TempDatabase database;
  RawSqlite(database.path())
      .execute(
          "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) "
          "INSERT INTO outbox (created_at, destination, method, text) "
          "SELECT '2026-11-24T10:00:00.000Z', 'C0BACKLOG' || (i % 8), 'chat.postMessage', "
          "'waiting ' || i FROM n");
  // Slack refuses connections: the backlog stays, and the worker plans a round on every commit.
  FaultServer server(database.path(),
                     slack_environment("http://127.0.0.1:" + std::to_string(free_port()) + "/api/",
                                       {{"WARROOM_INCIDENT_CHANNELS", "off"}}));
  const int port = server.port();
  for (int incident = 1; incident <= clients; ++incident) {
    REQUIRE(stored_reply(send_command(port, "C" + std::to_string(incident),
                                      "declare Backlog " + std::to_string(incident) + " sev2")));
  }
  CommandLoad load(
      [port] { return port; }, clients,
      [](int client, int n) -> CommandLoad::Command {
        return {"C" + std::to_string(client + 1), "update " + mark(client, n) + " still queued"};
      },
      50ms);
  hold_for(length);
  load.stop();
  INFO(server.log_tail());
  std::vector<double> latencies;
  for (const auto& sent : load.answers()) {
    CAPTURE(sent.mark, sent.answer.status, sent.answer.body);
    REQUIRE(stored_reply(sent.answer));
    latencies.push_back(sent.answer.latency_ms);
  }
  check_fast(latencies_of(latencies));
  CHECK(latencies_of(latencies).p50 < 100);  // one commit and its fsync, not a scan (was 170)
  CHECK(query_number(database.path(), "SELECT count(*) FROM outbox WHERE state = 'pending'") >
        100000);
  report("backlog of 100,000 messages, Slack refusing: slash command answers " +
         latencies_of(latencies).describe());
}

}  // namespace warroom::testing
