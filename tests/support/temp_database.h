// TempDatabase: a migrated warroom database in a fresh folder under the system temp
// directory, removed with everything in it on destruction. Tests open as many connections
// as they like, and close and reopen them to test durability.
#pragma once

#include <filesystem>
#include <memory>

#include "storage/database.h"

namespace warroom::testing {

class TempDatabase {
 public:
  // Creates the folder and the database file and migrates it (unless `migrated` is false:
  // then the file does not exist yet). Throws on failure.
  explicit TempDatabase(bool migrated = true);
  ~TempDatabase();
  TempDatabase(const TempDatabase&) = delete;
  TempDatabase& operator=(const TempDatabase&) = delete;
  TempDatabase(TempDatabase&&) = delete;
  TempDatabase& operator=(TempDatabase&&) = delete;

  // The database file (`warroom.db` inside folder()).
  const std::filesystem::path& path() const { return path_; }
  const std::filesystem::path& folder() const { return folder_; }

  // A new connection to the file; close it by destroying it.
  std::unique_ptr<storage::Database> open() const;

 private:
  std::filesystem::path folder_;
  std::filesystem::path path_;
};

}  // namespace warroom::testing
