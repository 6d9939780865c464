// Slow and abusive clients: 200 connections that each send one byte a second (slowloris) do
// not keep /healthz or signed slash commands waiting; oversized headers and bodies are refused
// and the server stays up. WARROOM_SLOWLORIS_SECONDS sets how long (5 here, 60 in soak).
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <latch>
#include <mutex>
#include <optional>
#include <thread>

#include "bot/slack/verify.h"
#include "tests/faults/fault_support.h"
#include "tests/support/fake_slack.h"
#include "tests/support/http.h"
#include "tests/support/slack_requests.h"
#include "tests/support/temp_database.h"

namespace warroom::testing {
namespace {

using namespace std::chrono_literals;

// Connections that send a request one byte a second and never finish it. They connect without
// blocking, a few per round, while the others keep dripping: a connection silent for 2 s would
// be closed by the server's timeouts and no longer hold a thread.
class SlowClients {
 public:
  SlowClients(int port, int count) : port_(port), count_(count) {
    thread_ = std::thread([this] { drip(); });
  }
  ~SlowClients() {
    stopping_ = true;
    thread_.join();
    for (const auto& client : clients_) close(client.fd);
  }
  SlowClients(const SlowClients&) = delete;
  SlowClients& operator=(const SlowClients&) = delete;
  SlowClients(SlowClients&&) = delete;
  SlowClients& operator=(SlowClients&&) = delete;

  // Connections that have sent at least one byte and that the server has not closed.
  std::size_t held() const {
    const std::lock_guard lock(mutex_);
    std::size_t open = 0;
    for (const auto& client : clients_) {
      char byte = 0;
      const auto n = recv(client.fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
      if (client.sent > 0 && n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) ++open;
    }
    return open;
  }

 private:
  struct Client {
    int fd = -1;
    std::size_t sent = 0;
  };

  void connect_one() {
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<std::uint16_t>(port_));
    connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);  // EINPROGRESS
    clients_.push_back({.fd = fd});
  }

  void drip() {
    const std::string request =
        "POST /slack/commands HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + std::string(10000, 's');
    while (!stopping_) {
      const auto round = std::chrono::steady_clock::now();
      {
        const std::lock_guard lock(mutex_);
        for (std::size_t i = 0; i < 50 && clients_.size() < static_cast<std::size_t>(count_); ++i) {
          connect_one();
        }
        for (auto& client : clients_) {  // fails until connected: that byte goes next round
          if (send(client.fd, &request[client.sent % request.size()], 1,
                   MSG_NOSIGNAL | MSG_DONTWAIT) == 1) {
            ++client.sent;
          }
        }
      }
      wait_for([this] { return stopping_.load(); },
               std::chrono::duration_cast<std::chrono::milliseconds>(
                   round + 1s - std::chrono::steady_clock::now()));
    }
  }

  int port_;
  int count_;
  mutable std::mutex mutex_;
  std::vector<Client> clients_;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

// The status of the first answer in `raw` ("HTTP/1.1 413 …"), or 0.
int status_of(const std::string& raw) {
  return raw.starts_with("HTTP/1.1 ") && raw.size() >= 12 ? std::stoi(raw.substr(9, 3)) : 0;
}

// How long GET /healthz took to answer 200 on a new connection; nullopt when it did not.
std::optional<double> health_ms(int port) {
  const auto started = std::chrono::steady_clock::now();
  httplib::Client client("127.0.0.1", port);
  client.set_connection_timeout(5);
  client.set_read_timeout(5);
  const auto response = client.Get("/healthz");
  if (!response || response->status != 200) return std::nullopt;
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
      .count();
}

bool answers_health(int port) {
  return health_ms(port).has_value();
}

// A POST of `body` to /slack/commands, chunked in pieces of 4 KiB, signed when `signed_request`.
std::string chunked_post(const std::string& body, bool signed_request) {
  std::string request =
      "POST /slack/commands HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
      "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n";
  if (signed_request) {
    const auto timestamp = std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                              std::chrono::system_clock::now().time_since_epoch())
                                              .count());
    request += "X-Slack-Request-Timestamp: " + timestamp +
               "\r\nX-Slack-Signature: " + bot::slack::sign(test_signing_secret, timestamp, body) +
               "\r\n";
  }
  request += "\r\n";
  for (std::size_t at = 0; at < body.size(); at += 4096) {
    const auto piece = body.substr(at, 4096);
    char size[16];
    std::snprintf(size, sizeof size, "%zx\r\n", piece.size());
    request += size + piece + "\r\n";
  }
  return request + "0\r\n\r\n";
}

}  // namespace

TEST_CASE("200 slow clients do not keep health checks or slash commands waiting",
          "[faults][slowloris]") {
  const int connections = knob("WARROOM_SLOWLORIS_CONNECTIONS", 200);
  const std::chrono::seconds length{knob("WARROOM_SLOWLORIS_SECONDS", 5)};
  const TempDatabase database;
  FaultServer server(database.path(), {{"SLACK_SIGNING_SECRET", test_signing_secret}});
  const int port = server.port();
  REQUIRE(stored_reply(send_command(port, "C1", "declare Slow clients drill sev3")));

  SlowClients slow(port, connections);
  const auto all_held = [&] { return slow.held() == static_cast<std::size_t>(connections); };
  const auto connecting = std::chrono::steady_clock::now();
  CHECK(wait_for(all_held, 20s));
  const auto connect_s = seconds_since(connecting);
  std::vector<double> health_latencies, command_ms;
  const auto until = std::chrono::steady_clock::now() + length;
  for (int n = 0; std::chrono::steady_clock::now() < until; ++n) {
    const auto health = health_ms(port);
    CHECK(health.has_value());
    health_latencies.push_back(health.value_or(5000));
    const auto answer = send_command(port, "C1", "note " + mark(0, n) + " still slow");
    CAPTURE(answer.status, answer.body);
    CHECK(stored_reply(answer));
    command_ms.push_back(answer.latency_ms);
    hold_for(100ms);  // pacing between probes
  }
  const auto held = slow.held();
  CHECK(held == static_cast<std::size_t>(connections));  // they really held a thread each
  INFO(server.log_tail());
  CHECK(latencies_of(health_latencies).max < typical_answer_bound_ms);  // no fsync in these
  check_fast(latencies_of(command_ms));
  CHECK(answers_health(port));
  report("slowloris: " + std::to_string(connections) + " connections dripping a byte a second (" +
         "all held after " + connect_s + ", " + std::to_string(held) + " still held after " +
         std::to_string(length.count()) + " s more); /healthz " +
         latencies_of(health_latencies).describe() + "; slash commands " +
         latencies_of(command_ms).describe());
}

TEST_CASE("a burst of 200 new connections is answered without a resent SYN", "[faults][limits]") {
  // httplib's listen backlog of 5 dropped the SYNs of a burst: clients resent after 1 s.
  const TempDatabase database;
  FaultServer server(database.path(), {{"SLACK_SIGNING_SECRET", test_signing_secret}});
  constexpr int burst = 200;
  std::latch start(burst);
  std::vector<double> latencies(burst, 0);
  std::vector<std::thread> clients;
  for (int i = 0; i < burst; ++i) {
    clients.emplace_back([&, i] {
      start.arrive_and_wait();
      latencies[i] = health_ms(server.port()).value_or(5000);
    });
  }
  for (auto& client : clients) client.join();
  const auto figures = latencies_of(latencies);
  CHECK(figures.max < typical_answer_bound_ms);
  report("burst: " + std::to_string(burst) + " simultaneous new connections to /healthz, " +
         figures.describe());
}

TEST_CASE("oversized headers and bodies are refused and the server stays up", "[faults][limits]") {
  const TempDatabase database;
  FaultServer server(database.path(), {{"SLACK_SIGNING_SECRET", test_signing_secret}});
  const int port = server.port();
  REQUIRE(stored_reply(send_command(port, "C1", "declare Abuse drill sev3")));

  const std::string big(100 * 1024, 'h');
  const auto header =
      raw_exchange(port, "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + big + "\r\n\r\n", 1000ms);
  CHECK((status_of(header) == 400 || status_of(header) == 431 || status_of(header) == 413));
  CHECK(answers_health(port));

  const auto uri = raw_exchange(port, "GET /" + big + " HTTP/1.1\r\nHost: x\r\n\r\n", 1000ms);
  CHECK(status_of(uri) == 414);
  CHECK(answers_health(port));

  const std::string body(70 * 1024, 'b');
  const auto with_length = raw_exchange(
      port,
      "POST /slack/commands HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: " +
          std::to_string(body.size()) + "\r\n\r\n" + body,
      1000ms);
  CHECK(status_of(with_length) == 413);
  CHECK(answers_health(port));

  // Chunked bodies are bounded too: unsigned or signed, over 64 KiB is 413 before any check.
  CHECK(status_of(raw_exchange(port, chunked_post(body, false), 1000ms)) == 413);
  CHECK(status_of(raw_exchange(port, chunked_post(body, true), 1000ms)) == 413);
  CHECK(answers_health(port));

  const auto multipart = raw_exchange(
      port,
      "POST /slack/commands HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
      "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 4\r\n\r\n--b\n",
      1000ms);
  CHECK(status_of(multipart) == 415);

  // Under the limit a body is taken whatever its size or framing: a note of 3,990 "é" is a
  // 24 KB form (httplib alone refuses forms over 8 KiB).
  std::string long_note = "note " + mark(1, 0) + " ";
  for (int i = 0; i < 3990; ++i) long_note += "é";
  const auto accented = send_command(port, "C1", long_note);
  CAPTURE(accented.status, accented.body.substr(0, 200));
  CHECK(stored_reply(accented));
  const auto chunked = raw_exchange(
      port, chunked_post(slash_body("U1", "C1", "note " + mark(2, 0) + " chunked"), true), 2000ms);
  CHECK(status_of(chunked) == 200);
  CHECK(chunked.find("in_channel") != std::string::npos);

  CHECK(answers_health(port));
  CHECK(server.stop(SIGTERM) == 0);
  const auto stored = marks_on_timelines(export_all(database.path()));
  CHECK(stored.contains(mark(1, 0)));
  CHECK(stored.contains(mark(2, 0)));
}

}  // namespace warroom::testing
