// Replays tests/fuzz/corpus/<target>/ through the fuzz targets' own functions (fuzz/targets.h):
// every crash `make fuzz` ever found stays a regression test here, next to a few seeds, in
// the normal build and under ASan+UBSan.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include "fuzz/targets.h"

namespace warroom::fuzz {
namespace {

std::vector<std::filesystem::path> corpus_of(std::string_view target) {
  const auto folder =
      std::filesystem::path(WARROOM_SOURCE_DIR) / "tests" / "fuzz" / "corpus" / target;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string contents_of(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

void replay(const Target& target) {
  const auto files = corpus_of(target.name);
  REQUIRE_FALSE(files.empty());
  for (const auto& file : files) {
    CAPTURE(file.string());
    CHECK_NOTHROW(target.run(contents_of(file)));
  }
}

const Target& target_named(std::string_view name) {
  for (const auto& target : targets) {
    if (target.name == name) return target;
  }
  FAIL("no fuzz target named " << name);
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("every target has a corpus folder and every corpus folder a target", "[fuzz]") {
  const auto root = std::filesystem::path(WARROOM_SOURCE_DIR) / "tests" / "fuzz" / "corpus";
  std::vector<std::string> folders;
  for (const auto& entry : std::filesystem::directory_iterator(root)) {
    if (entry.is_directory()) folders.push_back(entry.path().filename().string());
  }
  std::vector<std::string> names;
  names.reserve(targets.size());
  for (const auto& target : targets) names.emplace_back(target.name);
  std::sort(folders.begin(), folders.end());
  std::sort(names.begin(), names.end());
  CHECK(folders == names);
}

TEST_CASE("saved form bodies decode into sound commands", "[fuzz]") {
  replay(target_named("form"));
}

TEST_CASE("saved Events API bodies parse into sound commands or errors", "[fuzz]") {
  replay(target_named("event"));
}

TEST_CASE("saved interaction payloads parse into sound commands or errors", "[fuzz]") {
  replay(target_named("interaction"));
}

TEST_CASE("saved command lines keep replies honest and hash chains intact", "[fuzz]") {
  replay(target_named("command"));
}

TEST_CASE("saved message fields render as mrkdwn that pages nobody", "[fuzz]") {
  replay(target_named("mrkdwn"));
}

TEST_CASE("saved review text stays text through the Markdown escaper and cmark", "[fuzz]") {
  replay(target_named("markdown"));
}

}  // namespace warroom::fuzz
