// A unique temp folder (mkdtemp) holding one migrated database, removed on destruction.
#include "tests/support/temp_database.h"

#include <cerrno>
#include <cstdlib>  // mkdtemp
#include <stdexcept>
#include <string>
#include <system_error>

#include "storage/migrations.h"

namespace warroom::testing {
namespace {

std::filesystem::path make_unique_folder() {
  std::string pattern = (std::filesystem::temp_directory_path() / "warroom-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    throw std::system_error(errno, std::generic_category(), "mkdtemp " + pattern);
  }
  return pattern;
}

}  // namespace

TempDatabase::TempDatabase(bool migrated)
    : folder_(make_unique_folder()), path_(folder_ / "warroom.db") {
  if (!migrated) return;
  try {
    storage::Database database(path_.string());
    storage::migrate(database);
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
    throw;
  }
}

TempDatabase::~TempDatabase() {
  std::error_code ignored;  // a destructor must not throw; a leftover temp folder is harmless
  std::filesystem::remove_all(folder_, ignored);
}

std::unique_ptr<storage::Database> TempDatabase::open() const {
  return std::make_unique<storage::Database>(path_.string());
}

}  // namespace warroom::testing
