// The binary's verbs, flags and exit codes (DESIGN section 1): 0 ok, 2 usage, 1 otherwise.
#include <catch2/catch.hpp>

#include "storage/migrations.h"
#include "tests/support/process.h"
#include "tests/support/temp_database.h"

namespace warroom::testing {

TEST_CASE("warroom --help and warroom VERB --help describe everything and exit 0", "[bot][cli]") {
  const auto top = run_process(warroom({"--help"}));
  CHECK(top.exit_code == 0);
  for (const char* verb : {"serve", "chat", "export", "migrate"}) {
    CAPTURE(verb);
    CHECK(top.out.find(verb) != std::string::npos);
    const auto help = run_process(warroom({verb, "--help"}));
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("--db") != std::string::npos);
  }
}

TEST_CASE("usage errors exit 2 with a one-line reason on stderr", "[bot][cli]") {
  const TempDatabase database;
  const std::string db = database.path().string();
  const auto unknown_verb = run_process(warroom({"frobnicate"}));
  CHECK(unknown_verb.exit_code == 2);
  CHECK(unknown_verb.err.find("warroom:") == 0);
  CHECK(run_process(warroom({"chat", "--db", db})).exit_code == 2);  // --as is required
  CHECK(run_process(warroom({"chat", "--db", db, "--as", "al ice"})).exit_code == 2);
  CHECK(run_process(warroom({"serve", "--port", "99999"})).exit_code == 2);
  const auto bad_key = run_process(warroom({"export", "INC-x", "--db", db}));
  CHECK(bad_key.exit_code == 2);
  CHECK(bad_key.err.find("expected an incident key like INC-7") != std::string::npos);
}

TEST_CASE("exporting an incident that does not exist exits 1 and says so", "[bot][cli]") {
  const TempDatabase database;
  const auto missing = run_process(warroom({"export", "INC-9", "--db", database.path().string()}));
  CHECK(missing.exit_code == 1);
  CHECK(missing.err == "warroom: export: there is no INC-9\n");
}

TEST_CASE("migrate creates the schema in a new file and reports its version", "[bot][cli]") {
  const TempDatabase database(false);
  const auto first = run_process(warroom({"migrate", "--db", database.path().string()}));
  CHECK(first.exit_code == 0);
  CHECK(first.out.find("schema version " + std::to_string(storage::latest_schema_version())) !=
        std::string::npos);
  CHECK(std::filesystem::exists(database.path()));
  const auto again = run_process(warroom({"migrate", "--db", database.path().string()}));
  CHECK(again.exit_code == 0);
  CHECK(again.out == first.out);
}

TEST_CASE("the database file can come from WARROOM_DB", "[bot][cli]") {
  const TempDatabase database;
  const auto declared = run_process(warroom({"chat", "--as", "alice"}), "declare From env\n",
                                    {{"WARROOM_DB", database.path().string()}});
  REQUIRE(declared.exit_code == 0);
  const auto exported =
      run_process(warroom({"export", "INC-1"}), "", {{"WARROOM_DB", database.path().string()}});
  CHECK(exported.exit_code == 0);
  CHECK(exported.out.find("From env") != std::string::npos);
}

TEST_CASE("a database that cannot be opened is a one-line error with exit 1", "[bot][cli]") {
  const auto result =
      run_process(warroom({"chat", "--db", "/nonexistent-folder/x.db", "--as", "alice"}), "list\n");
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("warroom: ") == 0);
}

}  // namespace warroom::testing
