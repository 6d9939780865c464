// Who may use the read endpoints (/status*, /incidents/*, /metrics, /problems.json; DESIGN
// section 3). No read token: loopback clients only, and a request that came through a proxy
// (X-Forwarded-For or Forwarded) is not loopback. With a token: `Authorization: Bearer
// <token>` or `?token=<token>` on every request, compared in constant time.
#pragma once

#include <string>
#include <string_view>

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace warroom::bot {

class ReadAccess {
 public:
  // `token` empty: loopback only.
  explicit ReadAccess(std::string token = {}) : token_(std::move(token)) {}

  [[nodiscard]] bool allows(const httplib::Request& request) const;
  // When the request may not read, answers 401 with a reason that names no secret and
  // returns false; otherwise leaves `response` alone and returns true.
  bool check(const httplib::Request& request, httplib::Response& response) const;
  // "?token=…" when the request carried the token in its query (a browser link), so pages
  // can keep it on their links; "" otherwise. Only call after allows() said yes.
  [[nodiscard]] std::string link_query(const httplib::Request& request) const;

 private:
  std::string token_;
};

// Whether `remote_addr` is 127.0.0.1 or ::1 (IPv4-mapped ::ffff:127.0.0.1 too).
bool is_loopback_address(std::string_view remote_addr);

}  // namespace warroom::bot
