// The review of a scripted incident, compared byte for byte with a golden file that was read
// for correctness once. Set WARROOM_UPDATE_GOLDEN=1 to rewrite it after a deliberate change,
// then read the diff before committing it.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/review/review_support.h"

namespace warroom::testing {
namespace {

const std::filesystem::path golden_file =
    std::filesystem::path(WARROOM_SOURCE_DIR) / "tests/review/golden/scripted_incident.md";

std::string read_golden() {
  std::ifstream file(golden_file, std::ios::binary);
  std::stringstream contents;
  contents << file.rdbuf();
  return contents.str();
}

TEST_CASE("the review of a scripted incident matches the golden Markdown", "[review]") {
  ChatSession session;
  script_incident(session);
  const std::string markdown = review_of(session, 1);
  const char* update = std::getenv("WARROOM_UPDATE_GOLDEN");  // NOLINT(concurrency-mt-unsafe)
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(golden_file, std::ios::binary) << markdown;
  }
  CHECK(markdown == read_golden());
}

TEST_CASE("the same review renders the same document twice", "[review]") {
  ChatSession session;
  script_incident(session);
  CHECK(review_of(session, 1) == review_of(session, 1));
  CHECK(review_of(session, 1, bot::ReviewFormat::html) ==
        review_of(session, 1, bot::ReviewFormat::html));
}

TEST_CASE("an incident that does not exist has no review", "[review]") {
  ChatSession session;
  const auto db = session.database.open();
  storage::SqliteStore store(*db);
  CHECK_FALSE(bot::render_review(store, 7, bot::ReviewFormat::markdown, builtin_templates(),
                                 session.clock.now()));
}

}  // namespace
}  // namespace warroom::testing
