// FakePager: a paging service's webhook on loopback (POST /hook), recording each call and
// answering with the statuses it is told (then 202).
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace httplib {
class Server;
}

namespace warroom::testing {

class FakePager {
 public:
  FakePager();
  ~FakePager();
  FakePager(const FakePager&) = delete;
  FakePager& operator=(const FakePager&) = delete;
  FakePager(FakePager&&) = delete;
  FakePager& operator=(FakePager&&) = delete;

  // "http://127.0.0.1:<port>/hook?key=s3cret": the query stands for a routing key.
  std::string url() const;
  // The next calls are answered with these statuses, in order (a 429 with Retry-After: 7).
  void answer(std::vector<int> statuses);
  std::vector<std::string> bodies();
  std::vector<std::string> targets();  // path and query as received

 private:
  std::unique_ptr<httplib::Server> server_;
  int port_ = 0;
  std::mutex mutex_;
  std::vector<int> statuses_;
  std::vector<std::string> bodies_;
  std::vector<std::string> targets_;
  std::thread thread_;
};

}  // namespace warroom::testing
