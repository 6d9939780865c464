// WARROOM_TEMPLATES may replace review.md.mustache; a broken one is an error naming the file,
// in process and through the real binary, never a crash.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "tests/review/review_support.h"
#include "tests/support/process.h"

namespace warroom::testing {
namespace {

void write(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

TEST_CASE("the built-in review template is named review.md", "[review]") {
  CHECK(builtin_templates().has("review.md"));
}

TEST_CASE("a review.md.mustache in the override folder replaces the built-in review", "[review]") {
  ChatSession session;
  session.run("alice", "declare Payments failing.");
  session.run("alice", "note first");
  session.run("alice", "status identified");
  write(session.database.folder() / "review.md.mustache",
        "Custom review of {{{key}}}: {{title}}\n"
        "{{#phases}}\n{{{phase_name}}} {{{phase_offset}}}\n{{/phases}}");
  const templates::Templates templates(session.database.folder().string());
  CHECK(review_of(session, 1, bot::ReviewFormat::markdown, templates) ==
        "Custom review of INC-1: Payments failing\\.\n"
        "Investigating 00:00\n"
        "Identified 00:00\n");
  CHECK(review_of(session, 1, bot::ReviewFormat::html, templates)
            .find("<p>Custom review of INC-1: Payments failing.\nInvestigating 00:00\n"
                  "Identified 00:00</p>") != std::string::npos);
}

TEST_CASE("a review template with a syntax error is refused with the file named", "[review]") {
  ChatSession session;
  write(session.database.folder() / "review.md.mustache", "# {{key}}\n{{#phases}} never closed");
  try {
    const templates::Templates templates(session.database.folder().string());
    FAIL("a broken template was accepted");
  } catch (const std::runtime_error& error) {
    CHECK_THAT(error.what(), Catch::Contains("review.md.mustache"));
    CHECK_THAT(error.what(), Catch::Contains("Unclosed section \"phases\""));
  }
}

TEST_CASE("warroom review with a broken override exits 1 naming the file", "[review]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  const auto folder = session.database.folder() / "templates";
  std::filesystem::create_directory(folder);
  write(folder / "review.md.mustache", "{{#phases}}");
  const auto result =
      run_process(warroom({"review", "INC-1", "--db", session.database.path().string()}), "",
                  {{"WARROOM_TEMPLATES", folder.string()}});
  CHECK(result.exit_code == 1);
  CHECK(result.out.empty());
  CHECK_THAT(result.err, Catch::Contains("review.md.mustache"));
  CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
}

TEST_CASE("warroom review uses a working override from WARROOM_TEMPLATES", "[review]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  const auto folder = session.database.folder() / "templates";
  std::filesystem::create_directory(folder);
  write(folder / "review.md.mustache", "PIR {{{key}}} ({{{event_count}}} events)\n");
  const auto result =
      run_process(warroom({"review", "INC-1", "--db", session.database.path().string()}), "",
                  {{"WARROOM_TEMPLATES", folder.string()}});
  CHECK(result.exit_code == 0);
  CHECK(result.out == "PIR INC-1 (1 events)\n");
}

}  // namespace
}  // namespace warroom::testing
