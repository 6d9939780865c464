// Waiting for a server started by a test to answer on loopback.
#pragma once

#include <chrono>
#include <string>

namespace warroom::testing {

// Polls GET /healthz on 127.0.0.1:`port` until it answers 200; false at the deadline.
bool wait_until_healthy(int port, std::chrono::seconds deadline = std::chrono::seconds(20));

// Sends `request` as raw bytes to 127.0.0.1:`port` and returns what came back until the
// server closed or `deadline` passed (for requests httplib's client cannot make).
std::string raw_exchange(int port, const std::string& request,
                         std::chrono::milliseconds deadline = std::chrono::milliseconds(3000));

}  // namespace warroom::testing
