// ReadServer: a real `warroom serve` on a fresh database for tests of the read endpoints,
// seeded through the real console (`warroom chat`), queried over HTTP on loopback.
#pragma once

#include <httplib.h>

#include <map>
#include <memory>
#include <string>

#include "tests/support/process.h"
#include "tests/support/temp_database.h"

namespace warroom::testing {

class ReadServer {
 public:
  // Starts the binary on a free port with `environment` added (e.g. WARROOM_READ_TOKEN) and
  // waits until it is healthy; throws with the server's log if it does not start.
  explicit ReadServer(const std::map<std::string, std::string>& environment = {});

  // Runs `lines` (one command per line) through `warroom chat --as user --channel channel` on
  // the same database file; throws when the console exits non-zero.
  void chat(const std::string& user, const std::string& channel, const std::string& lines);
  // GET `path` on loopback with `headers`; throws when there is no answer at all.
  httplib::Result get(const std::string& path, const httplib::Headers& headers = {}) const;
  int port() const { return port_; }
  const TempDatabase& database() const { return database_; }
  // What the server logged so far.
  std::string log() const;

 private:
  TempDatabase database_;
  int port_;
  std::unique_ptr<BackgroundProcess> process_;
};

}  // namespace warroom::testing
