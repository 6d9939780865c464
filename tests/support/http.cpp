// Polling a test's server until it is up.
#include "tests/support/http.h"

#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>

namespace warroom::testing {

bool wait_until_healthy(int port, std::chrono::seconds deadline) {
  const auto until = std::chrono::steady_clock::now() + deadline;
  httplib::Client client("127.0.0.1", port);
  client.set_connection_timeout(1);
  while (std::chrono::steady_clock::now() < until) {
    if (const auto response = client.Get("/healthz"); response && response->status == 200) {
      return true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

std::string raw_exchange(int port, const std::string& request, std::chrono::milliseconds deadline) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  std::string answer;
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
      send(fd, request.data(), request.size(), MSG_NOSIGNAL) >= 0) {
    const auto until = std::chrono::steady_clock::now() + deadline;
    char buffer[4096];
    while (std::chrono::steady_clock::now() < until) {
      pollfd readable{fd, POLLIN, 0};
      if (poll(&readable, 1, 50) <= 0) continue;
      const ssize_t n = recv(fd, buffer, sizeof buffer, 0);
      if (n <= 0) break;
      answer.append(buffer, static_cast<std::size_t>(n));
    }
  }
  close(fd);
  return answer;
}

}  // namespace warroom::testing
