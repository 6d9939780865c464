// The fake paging webhook.
#include "tests/support/fake_pager.h"

#include <httplib.h>

#include <stdexcept>

namespace warroom::testing {

FakePager::FakePager() : server_(std::make_unique<httplib::Server>()) {
  server_->Post("/hook", [this](const httplib::Request& request, httplib::Response& response) {
    const std::lock_guard lock(mutex_);
    bodies_.push_back(request.body);
    targets_.push_back(request.target);
    int status = 202;
    if (!statuses_.empty()) {
      status = statuses_.front();
      statuses_.erase(statuses_.begin());
    }
    response.status = status;
    if (status == 429) response.set_header("Retry-After", "7");
    response.set_content("{}", "application/json");
  });
  port_ = server_->bind_to_any_port("127.0.0.1");
  if (port_ <= 0) throw std::runtime_error("fake pager: cannot bind 127.0.0.1");
  thread_ = std::thread([this] { server_->listen_after_bind(); });
}

FakePager::~FakePager() {
  server_->stop();
  thread_.join();
}

std::string FakePager::url() const {
  return "http://127.0.0.1:" + std::to_string(port_) + "/hook?key=s3cret";
}

void FakePager::answer(std::vector<int> statuses) {
  const std::lock_guard lock(mutex_);
  statuses_ = std::move(statuses);
}

std::vector<std::string> FakePager::bodies() {
  const std::lock_guard lock(mutex_);
  return bodies_;
}

std::vector<std::string> FakePager::targets() {
  const std::lock_guard lock(mutex_);
  return targets_;
}

}  // namespace warroom::testing
