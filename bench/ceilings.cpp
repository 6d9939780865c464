// warroom_ceilings: the two ceilings warroom's slash-command figures are read against, measured
// in the same run (bench/slash.sh): how many single-row commits per second SQLite makes with our
// settings on this disk, and how many requests per second cpp-httplib serves with a handler
// that does no work. Usage: warroom_ceilings sqlite FOLDER [SECONDS] | http --port N [--bind A]
#include <httplib.h>
#include <pthread.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "storage/database.h"
#include "storage/statement.h"
#include "storage/transaction.h"

namespace {

using namespace warroom;
using Clock = std::chrono::steady_clock;

// About the size of a timeline event row: a line of text, an actor, a time and a hash.
constexpr std::string_view row_text =
    "msg 1: DB failover done; replicas catching up (lag 74608s), next update in 30 minutes";
constexpr std::string_view row_hash =
    "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

// Single-row commits, one transaction each, through storage::Database: WAL, synchronous=FULL
// and busy_timeout exactly as warroom opens its file, in FOLDER (the disk the load runs use).
int measure_commits(const std::filesystem::path& folder, double seconds) {
  const auto path = folder / "ceiling-commits.db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  std::vector<double> commit_ms;  // each commit's time: the disk's fsync tail shows here
  double took = 0;
  {
    storage::Database db(path.string());
    db.execute(
        "CREATE TABLE rows (id INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, "
        "text TEXT NOT NULL, hash TEXT NOT NULL)");
    const auto start = Clock::now();
    const auto deadline = start + std::chrono::duration<double>(seconds);
    for (auto begin = start; begin < deadline; begin = Clock::now()) {
      storage::Transaction transaction(db);
      storage::Statement insert(db, "insert row",
                                "INSERT INTO rows (at, actor, text, hash) VALUES (?1, ?2, ?3, ?4)");
      insert.bind_text(1, "2026-11-24T09:00:00.000Z")
          .bind_text(2, "U0BENCH01")
          .bind_text(3, row_text)
          .bind_text(4, row_hash);
      insert.run();
      transaction.commit();
      commit_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - begin).count());
    }
    took = std::chrono::duration<double>(Clock::now() - start).count();
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  const auto commits = static_cast<double>(commit_ms.size());
  std::sort(commit_ms.begin(), commit_ms.end());
  const auto percentile = [&commit_ms](double p) {
    return commit_ms.at(static_cast<std::size_t>(p * static_cast<double>(commit_ms.size() - 1)));
  };
  std::printf(
      "CEILING target=sqlite-commit seconds=%.3f commits=%zu commits_per_s=%.1f p50_ms=%.3f "
      "p99_ms=%.3f max_ms=%.3f folder=%s\n",
      took, commit_ms.size(), commits / took, percentile(0.5), percentile(0.99), commit_ms.back(),
      folder.c_str());
  return 0;
}

// A reply of the size and shape of warroom's answer to an update (about 400 bytes), so the
// server writes what ours writes: a header block and a body.
constexpr std::string_view constant_reply =
    R"({"blocks":[{"text":{"text":"INC-1 update (SEV3, investigating, owner <@U0BENCH01>):\n)"
    R"(msg 0: DB failover done; replicas catching up (lag 74608s)\nNext update by 2026-11-24 )"
    R"(13:36 UTC.","type":"mrkdwn"},"type":"section"}],"response_type":"in_channel","text":)"
    R"("INC-1 update (SEV3, investigating, owner <@U0BENCH01>):\nmsg 0: DB failover done; )"
    R"(replicas catching up (lag 74608s)\nNext update by 2026-11-24 13:36 UTC."})";

// cpp-httplib as warroom configures it (DESIGN section 3, "Server limits": 256 pool threads,
// 2 s timeouts, TCP_NODELAY), keep-alive not capped, and handlers that do no work. Runs until
// SIGTERM or SIGINT.
int serve_constant(const std::string& bind, int port) {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // inherited by every pool thread

  httplib::Server server;
  server.new_task_queue = [] { return new httplib::ThreadPool(256); };
  server.set_read_timeout(2);
  server.set_write_timeout(2);
  server.set_keep_alive_timeout(2);
  server.set_keep_alive_max_count(std::numeric_limits<std::size_t>::max());
  server.set_tcp_nodelay(true);
  const std::string reply(constant_reply);
  server.Post("/slack/commands", [&reply](const httplib::Request&, httplib::Response& response) {
    response.set_content(reply, "application/json");
  });
  server.Get("/healthz", [](const httplib::Request&, httplib::Response& response) {
    response.set_content("ok\n", "text/plain");
  });
  if (!server.bind_to_port(bind, port)) {
    std::fprintf(stderr, "warroom_ceilings: cannot listen on %s:%d\n", bind.c_str(), port);
    return 1;
  }
  std::thread watcher([&server, signals] {
    int received = 0;
    sigwait(&signals, &received);
    while (!server.is_running()) std::this_thread::yield();  // stop() before listen is a no-op
    server.stop();
  });
  std::fprintf(stderr, "warroom_ceilings: empty handler on http://%s:%d\n", bind.c_str(), port);
  server.listen_after_bind();
  watcher.join();
  return 0;
}

int usage() {
  std::fprintf(stderr,
               "usage: warroom_ceilings sqlite FOLDER [SECONDS]\n"
               "       warroom_ceilings http --port N [--bind 127.0.0.1]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string_view mode = argc > 1 ? argv[1] : "";
  try {
    if (mode == "sqlite" && (argc == 3 || argc == 4)) {
      const double seconds = argc == 4 ? std::atof(argv[3]) : 5.0;
      if (seconds <= 0) return usage();
      return measure_commits(argv[2], seconds);
    }
    if (mode == "http") {
      std::string bind = "127.0.0.1";
      int port = 0;
      for (int i = 2; i + 1 < argc; i += 2) {
        const std::string_view flag = argv[i];
        if (flag == "--port") port = std::atoi(argv[i + 1]);
        if (flag == "--bind") bind = argv[i + 1];
      }
      if (port <= 0 || port > 65535) return usage();
      return serve_constant(bind, port);
    }
  } catch (const std::exception& error) {
    std::fprintf(stderr, "warroom_ceilings: %s\n", error.what());
    return 1;
  }
  return usage();
}
