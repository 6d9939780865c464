// The status page in a real browser: headless Chromium loads /status from `warroom serve`
// and we check the DOM for what a person sees. Skipped with a warning without Chromium
// (the Makefile installs Debian's `chromium`).
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>

#include "tests/support/read_server.h"

namespace warroom::testing {
namespace {

constexpr const char* chromium = "/usr/bin/chromium";

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The DOM after load, as Chromium prints it; its profile lives in a throwaway folder.
ProcessResult dump_dom(const std::string& url, const std::filesystem::path& profile) {
  return run_process(
      {chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
       "--disable-background-networking", "--disable-component-update", "--disable-sync",
       "--disable-quic", "--user-data-dir=" + profile.string(), "--dump-dom", url},
      "", {}, std::chrono::seconds(30));
}

}  // namespace

TEST_CASE("headless chromium shows a person the open incident on the status page",
          "[status][browser]") {
  if (!std::filesystem::exists(chromium)) {
    WARN("skipped: /usr/bin/chromium is missing (make deps installs Debian's chromium)");
    return;
  }
  ReadServer server;
  server.chat("alice", "ops-payments",
              "declare Payments failing for EU cards sev1\n"
              "update Rolling back the <b>14:02</b> deploy\n");
  const auto started = std::chrono::steady_clock::now();
  const auto result = dump_dom("http://127.0.0.1:" + std::to_string(server.port()) + "/status",
                               server.database().folder() / "chromium-profile");
  const auto took = std::chrono::steady_clock::now() - started;
  INFO("chromium stderr: " << result.err);
  REQUIRE(result.exit_code == 0);
  const std::string& dom = result.out;
  CHECK(contains(dom, "Incident status"));
  CHECK(contains(dom, "INC-1"));
  CHECK(contains(dom, "Payments failing for EU cards"));
  CHECK(contains(dom, "SEV1"));
  CHECK(contains(dom, "investigating"));
  CHECK(contains(dom, "@alice"));
  CHECK(contains(dom, "Rolling back the &lt;b&gt;14:02&lt;/b&gt; deploy"));  // text, not markup
  CHECK(contains(dom, "Next update"));
  CHECK(contains(dom, "due "));
  CHECK(took < std::chrono::seconds(20));
}

}  // namespace warroom::testing
