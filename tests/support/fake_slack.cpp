// FakeSlack's server: an httplib::Server on 127.0.0.1 run by listen_after_bind() on a thread,
// stopped only once it runs (httplib 0.11.4's stop() before that is a no-op and join hangs).
#include "tests/support/fake_slack.h"

#include <httplib.h>

#include <stdexcept>

namespace warroom::testing {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

}  // namespace

bool wait_for(const std::function<bool()>& predicate, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (predicate()) return true;
    std::this_thread::sleep_for(5ms);
  }
  return predicate();
}

FakeSlack::Answer FakeSlack::rate_limited(std::optional<int> retry_after_seconds) {
  return Answer{.status = 429,
                .body = R"({"ok":false,"error":"ratelimited"})",
                .retry_after_seconds = retry_after_seconds};
}

FakeSlack::Answer FakeSlack::server_error() {
  return Answer{.status = 500, .body = "<html><body>Internal Server Error</body></html>"};
}

FakeSlack::Answer FakeSlack::slack_error(const std::string& error) {
  return Answer{.body = json{{"ok", false}, {"error", error}}.dump()};
}

FakeSlack::Answer FakeSlack::hanging() {
  return Answer{.hang = true};
}

FakeSlack::FakeSlack(int port) : server_(std::make_unique<httplib::Server>()) {
  server_->set_read_timeout(2);
  server_->set_keep_alive_timeout(1);
  server_->Post(R"(/api/([A-Za-z.]+))",
                [this](const httplib::Request& request, httplib::Response& response) {
                  handle(request, response);
                });
  if (port <= 0) {
    port_ = server_->bind_to_any_port("127.0.0.1");
  } else {
    port_ = server_->bind_to_port("127.0.0.1", port) ? port : -1;
  }
  if (port_ <= 0) throw std::runtime_error("fake Slack: cannot bind 127.0.0.1");
  thread_ = std::thread([this] {
    server_->listen_after_bind();
    const std::lock_guard lock(mutex_);
    listen_returned_ = true;
  });
  const bool started = wait_for(
      [this] {
        const std::lock_guard lock(mutex_);
        return server_->is_running() || listen_returned_;
      },
      10s);
  if (!started || !server_->is_running()) {
    stop();
    throw std::runtime_error("fake Slack: the server did not start");
  }
}

FakeSlack::~FakeSlack() {
  stop();
}

void FakeSlack::stop() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  released_.notify_all();
  if (!thread_.joinable()) return;
  // stop() before the listen loop runs is lost: wait until it runs or has already returned.
  wait_for([this] {
    const std::lock_guard lock(mutex_);
    return server_->is_running() || listen_returned_;
  });
  server_->stop();
  thread_.join();
}

std::string FakeSlack::base_url() const {
  return "http://127.0.0.1:" + std::to_string(port_) + "/api/";
}

void FakeSlack::answer(const std::string& method, Answer answer, int times) {
  const std::lock_guard lock(mutex_);
  overrides_[method] = Override{.answer = std::move(answer), .remaining = times};
}

void FakeSlack::answer_normally(const std::string& method) {
  const std::lock_guard lock(mutex_);
  overrides_.erase(method);
}

std::vector<FakeSlack::Request> FakeSlack::requests() const {
  const std::lock_guard lock(mutex_);
  return requests_;
}

std::vector<FakeSlack::Request> FakeSlack::requests(const std::string& method) const {
  std::vector<Request> matching;
  for (auto& request : requests()) {
    if (request.method == method) matching.push_back(std::move(request));
  }
  return matching;
}

std::optional<FakeSlack::Answer> FakeSlack::take_override(const std::string& method) {
  const auto found = overrides_.find(method);
  if (found == overrides_.end()) return std::nullopt;
  Answer answer = found->second.answer;
  if (found->second.remaining > 0 && --found->second.remaining == 0) overrides_.erase(found);
  return answer;
}

std::string FakeSlack::usual_answer(const Request& request) {
  const auto text = [&](const char* key) {
    return request.body.is_object() && request.body.contains(key) && request.body[key].is_string()
               ? request.body[key].get<std::string>()
               : std::string{};
  };
  if (request.method == "conversations.create") {
    const std::string id = "C" + std::to_string(next_channel_++);
    return json{{"ok", true}, {"channel", {{"id", id}, {"name", text("name")}}}}.dump();
  }
  if (request.method == "chat.postMessage") {
    const std::string ts = std::to_string(next_ts_++) + ".000100";
    return json{{"ok", true}, {"channel", text("channel")}, {"ts", ts}}.dump();
  }
  return R"({"ok":true})";
}

void FakeSlack::handle(const httplib::Request& request, httplib::Response& response) {
  Request recorded{.method = request.matches[1].str(),
                   .path = request.path,
                   .authorization = request.get_header_value("Authorization"),
                   .content_type = request.get_header_value("Content-Type"),
                   .body_text = request.body,
                   .body = json::parse(request.body, nullptr, false),
                   .at = std::chrono::steady_clock::now()};
  std::unique_lock lock(mutex_);
  requests_.push_back(recorded);
  const auto answer = take_override(recorded.method);
  if (answer && answer->hang) {
    released_.wait(lock, [this] { return stopping_; });
    response.status = 503;
    return;
  }
  if (!answer) {
    response.set_content(usual_answer(recorded), "application/json; charset=utf-8");
    return;
  }
  response.status = answer->status;
  if (answer->retry_after_seconds) {
    response.set_header("Retry-After", std::to_string(*answer->retry_after_seconds));
  }
  response.set_content(answer->body,
                       answer->status == 500 ? "text/html" : "application/json; charset=utf-8");
}

}  // namespace warroom::testing
