// FakeSlack: Slack's Web API on loopback for tests (POST /api/<method>), recording every
// request and answering like Slack unless told otherwise per method. Also exports wait_for.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace warroom::testing {

// Polls `predicate` every few milliseconds until it holds or `timeout` passes; returns its
// last value. The way tests wait for another thread: never a bare sleep.
bool wait_for(const std::function<bool()>& predicate,
              std::chrono::milliseconds timeout = std::chrono::seconds(10));

class FakeSlack {
 public:
  struct Request {
    std::string method;  // "chat.postMessage"
    std::string path;    // "/api/chat.postMessage"
    std::string authorization;
    std::string content_type;
    std::string body_text;
    nlohmann::json body;  // discarded when the body was not JSON
    std::chrono::steady_clock::time_point at;
  };

  // An answer other than Slack's usual success.
  struct Answer {
    int status = 200;
    std::string body;
    std::optional<int> retry_after_seconds;  // the Retry-After header
    bool hang = false;                       // never answer until stop()
  };
  static Answer rate_limited(std::optional<int> retry_after_seconds);  // 429, like the fixture
  static Answer server_error();                                        // 500, an HTML body
  static Answer slack_error(const std::string& error);                 // 200 {"ok":false,…}
  static Answer hanging();

  // Binds 127.0.0.1 on a free port (or on `port`, to come back where a stopped one served)
  // and serves on a thread; throws if it does not start.
  explicit FakeSlack(int port = 0);
  ~FakeSlack();
  FakeSlack(const FakeSlack&) = delete;
  FakeSlack& operator=(const FakeSlack&) = delete;
  FakeSlack(FakeSlack&&) = delete;
  FakeSlack& operator=(FakeSlack&&) = delete;

  // "http://127.0.0.1:<port>/api/"
  std::string base_url() const;
  // The next `times` calls of `method` (all of them when negative) get `answer`.
  void answer(const std::string& method, Answer answer, int times = -1);
  // Back to the usual success for `method`.
  void answer_normally(const std::string& method);

  std::vector<Request> requests() const;
  std::vector<Request> requests(const std::string& method) const;

  // Releases hanging handlers, stops the server and joins its thread. Idempotent.
  void stop();

 private:
  struct Override {
    Answer answer;
    int remaining = -1;
  };
  void handle(const httplib::Request& request, httplib::Response& response);
  std::optional<Answer> take_override(const std::string& method);
  std::string usual_answer(const Request& request);

  std::unique_ptr<httplib::Server> server_;
  int port_ = 0;
  mutable std::mutex mutex_;
  std::condition_variable released_;
  bool stopping_ = false;
  std::vector<Request> requests_;
  std::map<std::string, Override> overrides_;
  int next_channel_ = 1;
  int next_ts_ = 1700000001;
  bool listen_returned_ = false;  // under mutex_
  std::thread thread_;
};

}  // namespace warroom::testing
