// Disk full: the database lives on a small tmpfs whose free space a filler file takes. Commands
// answer a clear, ephemeral error, nothing is half-written, the server stays up, and once the
// filler is gone commands succeed again. Needs permission to mount (root here); without it the
// test says so and skips: tests/storage/transaction_test.cpp covers SQLITE_FULL through
// max_page_count.
#include <fcntl.h>
#include <sys/mount.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>

#include "tests/faults/fault_support.h"
#include "tests/support/http.h"
#include "tests/support/slack_requests.h"

namespace warroom::testing {
namespace {

namespace fs = std::filesystem;

// A tmpfs of `size` mounted on a fresh folder, unmounted and removed on destruction.
class SmallDisk {
 public:
  explicit SmallDisk(const std::string& size)
      : folder_(fs::temp_directory_path() /
                ("warroom-disk-" + std::to_string(getpid()) + "-" +
                 std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()))) {
    fs::create_directories(folder_);
    const std::string options = "size=" + size + ",mode=0700";
    if (mount("tmpfs", folder_.c_str(), "tmpfs", 0, options.c_str()) == 0) {
      mounted_ = true;
    } else {
      why_not_ = std::strerror(errno);
    }
  }
  ~SmallDisk() {
    if (mounted_) umount2(folder_.c_str(), MNT_DETACH);
    std::error_code ignored;
    fs::remove_all(folder_, ignored);
  }
  SmallDisk(const SmallDisk&) = delete;
  SmallDisk& operator=(const SmallDisk&) = delete;
  SmallDisk(SmallDisk&&) = delete;
  SmallDisk& operator=(SmallDisk&&) = delete;

  bool mounted() const { return mounted_; }
  const std::string& why_not() const { return why_not_; }
  const fs::path& folder() const { return folder_; }

 private:
  fs::path folder_;
  bool mounted_ = false;
  std::string why_not_;
};

// Writes `path` until the file system has no byte left; the number of bytes written.
std::size_t fill(const fs::path& path) {
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  REQUIRE(fd >= 0);
  const std::string block(64 * 1024, 'f');
  std::size_t written = 0;
  for (std::size_t size : {block.size(), std::size_t{4096}, std::size_t{1}}) {
    for (ssize_t n = 0; (n = write(fd, block.data(), size)) > 0;) {
      written += static_cast<std::size_t>(n);
    }
  }
  close(fd);
  return written;
}

bool answers_health(int port) {
  return raw_exchange(port, "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
      .starts_with("HTTP/1.1 200");
}

}  // namespace

TEST_CASE("on a full disk commands are refused clearly and succeed again once space is freed",
          "[faults][disk]") {
  const SmallDisk disk("4m");
  if (!disk.mounted()) {
    WARN("SKIPPED: cannot mount a tmpfs here (" << disk.why_not()
                                                << "); tests/storage/transaction_test.cpp "
                                                   "covers SQLITE_FULL through max_page_count");
    return;
  }
  const auto database = disk.folder() / "warroom.db";
  const auto filler = disk.folder() / "filler";
  FaultServer server(database, {{"SLACK_SIGNING_SECRET", test_signing_secret},
                                {"WARROOM_ANNOUNCE_CHANNEL", "C0ANNOUNCE"}});
  const int port = server.port();
  REQUIRE(stored_reply(send_command(port, "C1", "declare Disk drill sev2")));
  REQUIRE(stored_reply(send_command(port, "C1", "note " + mark(0, 0) + " before the disk fills")));
  const auto filled = fill(filler);

  // Long updates, so the write-ahead log must grow: each is stored or refused, never half.
  std::vector<std::string> refused;
  std::vector<double> latencies;
  int stored_while_full = 0;
  for (int n = 1; n <= 100 && refused.size() < 5; ++n) {
    const auto answer =
        send_command(port, "C1", "update " + mark(0, n) + " " + std::string(3000, 'w'));
    latencies.push_back(answer.latency_ms);
    CAPTURE(answer.status, answer.body);
    REQUIRE(answer.status == 200);
    if (stored_reply(answer)) {
      ++stored_while_full;
      continue;
    }
    refused.push_back(mark(0, n));
    CHECK(answer.json.value("response_type", "") == "ephemeral");
    const std::string text = answer.json.value("text", "");
    CHECK(text.find("could not save that, nothing was changed") != std::string::npos);
    CHECK(text.find("the database is full") != std::string::npos);
  }
  INFO(server.log_tail());
  REQUIRE_FALSE(refused.empty());
  CHECK(answers_health(port));

  fs::remove(filler);
  REQUIRE(stored_reply(send_command(port, "C1", "note " + mark(1, 0) + " after space was freed")));
  CHECK(server.stop(SIGTERM) == 0);

  CHECK(integrity_check(database) == "ok");
  const auto exported = export_all(database);
  CHECK(broken_chains(exported).empty());
  const auto stored = marks_on_timelines(exported);
  CHECK(stored.contains(mark(0, 0)));
  CHECK(stored.contains(mark(1, 0)));
  // Nowhere: not on a timeline, not in the outbox, not in any table.
  const auto dump = run_process({"/usr/bin/sqlite3", database.string(), ".dump"});
  REQUIRE(dump.exit_code == 0);
  for (const auto& one : refused) {
    CAPTURE(one);
    CHECK_FALSE(stored.contains(one));
    CHECK(dump.out.find(one) == std::string::npos);
  }
  report("disk full: filler " + std::to_string(filled / 1024) + " KiB, " +
         std::to_string(stored_while_full) + " updates still fitted, then " +
         std::to_string(refused.size()) + " refused (ephemeral, \"the database is full\"), " +
         "answers " + latencies_of(latencies).describe() +
         "; the server stayed up and took commands again once space was freed");
}

}  // namespace warroom::testing
