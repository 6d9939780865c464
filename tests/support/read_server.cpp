// Starting a real server for the read endpoints and seeding it through the console.
#include "tests/support/read_server.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "tests/support/http.h"

namespace warroom::testing {

ReadServer::ReadServer(const std::map<std::string, std::string>& environment) : port_(free_port()) {
  process_ = std::make_unique<BackgroundProcess>(
      warroom({"serve", "--port", std::to_string(port_), "--db", database_.path().string()}),
      environment);
  if (!wait_until_healthy(port_)) throw std::runtime_error("warroom serve did not start: " + log());
}

void ReadServer::chat(const std::string& user, const std::string& channel,
                      const std::string& lines) {
  const auto result = run_process(
      warroom({"chat", "--db", database_.path().string(), "--as", user, "--channel", channel}),
      lines);
  if (result.exit_code != 0) throw std::runtime_error("warroom chat failed: " + result.err);
}

httplib::Result ReadServer::get(const std::string& path, const httplib::Headers& headers) const {
  httplib::Client client("127.0.0.1", port_);
  client.set_connection_timeout(3);
  client.set_read_timeout(10);
  auto result = client.Get(path, headers);
  if (!result) throw std::runtime_error("GET " + path + ": no answer");
  return result;
}

std::string ReadServer::log() const {
  std::ifstream file(process_->log_path());
  std::stringstream contents;
  contents << file.rdbuf();
  return contents.str();
}

}  // namespace warroom::testing
