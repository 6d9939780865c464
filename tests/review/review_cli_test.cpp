// `warroom review INC-n [--db …] [--format md|html] [-o FILE]` through the real binary.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/support/process.h"
#include "tests/support/temp_database.h"

namespace warroom::testing {
namespace {

std::string read(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream contents;
  contents << file.rdbuf();
  return contents.str();
}

// A database with INC-1, declared through the console.
std::string declared_database(const TempDatabase& database) {
  const std::string path = database.path().string();
  const auto declared = run_process(warroom({"chat", "--db", path, "--as", "alice"}),
                                    "declare Payments failing sev2\nnote <script>x</script>\n");
  REQUIRE(declared.exit_code == 0);
  return path;
}

TEST_CASE("warroom review prints the Markdown review of an incident", "[review]") {
  const TempDatabase database;
  const std::string db = declared_database(database);
  const auto result = run_process(warroom({"review", "INC-1", "--db", db}));
  CHECK(result.exit_code == 0);
  CHECK(result.err.empty());
  CHECK(result.out.rfind("# INC-1: Payments failing\n", 0) == 0);
  CHECK(result.out.find("- **Severity:** SEV2 now") != std::string::npos);
  CHECK(result.out.find("\\<script\\>x\\<\\/script\\>") != std::string::npos);
  CHECK(run_process(warroom({"review", "inc-1", "--db", db, "--format", "md"})).out == result.out);
}

TEST_CASE("warroom review --format html -o writes a whole page to the file", "[review]") {
  const TempDatabase database;
  const std::string db = declared_database(database);
  const auto file = database.folder() / "INC-1.html";
  const auto result = run_process(
      warroom({"review", "INC-1", "--db", db, "--format", "html", "-o", file.string()}));
  CHECK(result.exit_code == 0);
  CHECK(result.out.empty());
  const std::string page = read(file);
  CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(page.find("<h1>INC-1: Payments failing</h1>") != std::string::npos);
  CHECK(page.find("&lt;script&gt;x&lt;/script&gt;") != std::string::npos);
  CHECK(page.find("<script") == std::string::npos);
}

TEST_CASE("warroom review refuses a bad key or format with exit 2 and an unknown incident with 1",
          "[review]") {
  const TempDatabase database;
  const std::string db = declared_database(database);
  const auto bad_key = run_process(warroom({"review", "INC-x", "--db", db}));
  CHECK(bad_key.exit_code == 2);
  CHECK_THAT(bad_key.err, Catch::Contains("INC-x"));
  const auto bad_format = run_process(warroom({"review", "INC-1", "--db", db, "--format", "pdf"}));
  CHECK(bad_format.exit_code == 2);
  CHECK_THAT(bad_format.err, Catch::Contains("pdf"));
  CHECK(run_process(warroom({"review", "--db", db})).exit_code == 2);
  const auto missing = run_process(warroom({"review", "INC-9", "--db", db}));
  CHECK(missing.exit_code == 1);
  CHECK(missing.err == "warroom: review: there is no INC-9\n");
  const auto unwritable =
      run_process(warroom({"review", "INC-1", "--db", db, "-o", "/nonexistent-folder/review.md"}));
  CHECK(unwritable.exit_code == 1);
  CHECK_THAT(unwritable.err, Catch::Contains("/nonexistent-folder/review.md"));
}

TEST_CASE("warroom review --help describes the verb", "[review]") {
  const auto help = run_process(warroom({"review", "--help"}));
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.out, Catch::Contains("--format"));
  CHECK_THAT(help.out, Catch::Contains("-o,--output"));
}

}  // namespace
}  // namespace warroom::testing
