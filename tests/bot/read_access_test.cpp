// The read rule in-process: loopback without a token (and never through a proxy), the
// token in the Authorization header or the query with one; links keep only a valid token.
#include "bot/read_access.h"

#include <httplib.h>

#include <catch2/catch.hpp>

namespace warroom::bot {
namespace {

httplib::Request request_from(const std::string& address) {
  httplib::Request request;
  request.method = "GET";
  request.path = "/status";
  request.remote_addr = address;
  return request;
}

}  // namespace

TEST_CASE("without a read token only loopback clients not behind a proxy may read", "[status]") {
  const ReadAccess access;
  CHECK(access.allows(request_from("127.0.0.1")));
  CHECK(access.allows(request_from("::1")));
  CHECK(access.allows(request_from("::ffff:127.0.0.1")));
  CHECK_FALSE(access.allows(request_from("10.0.0.5")));
  CHECK_FALSE(access.allows(request_from("192.168.1.20")));
  CHECK_FALSE(access.allows(request_from("")));

  auto proxied = request_from("127.0.0.1");
  SECTION("X-Forwarded-For") {
    proxied.headers.emplace("X-Forwarded-For", "127.0.0.1");
  }
  SECTION("Forwarded") {
    proxied.headers.emplace("Forwarded", "for=127.0.0.1");
  }
  CHECK_FALSE(access.allows(proxied));
}

TEST_CASE("with a read token every client needs it in the header or the query", "[status]") {
  const ReadAccess access("tok-123");
  CHECK_FALSE(access.allows(request_from("127.0.0.1")));

  auto request = request_from("10.0.0.5");
  SECTION("Bearer header") {
    request.headers.emplace("Authorization", "Bearer tok-123");
    CHECK(access.allows(request));
  }
  SECTION("scheme in any case") {
    request.headers.emplace("Authorization", "bearer tok-123");
    CHECK(access.allows(request));
  }
  SECTION("query") {
    request.params.emplace("token", "tok-123");
    CHECK(access.allows(request));
  }
  SECTION("wrong header") {
    request.headers.emplace("Authorization", "Bearer tok-1234");
    CHECK_FALSE(access.allows(request));
  }
  SECTION("prefix of the token") {
    request.params.emplace("token", "tok-12");
    CHECK_FALSE(access.allows(request));
  }
  SECTION("other scheme") {
    request.headers.emplace("Authorization", "Basic tok-123");
    CHECK_FALSE(access.allows(request));
  }
  SECTION("empty bearer") {
    request.headers.emplace("Authorization", "Bearer ");
    CHECK_FALSE(access.allows(request));
  }
}

TEST_CASE("a refused read answers 401 and never echoes the token", "[status]") {
  const ReadAccess access("tok-123");
  auto request = request_from("127.0.0.1");
  request.headers.emplace("Authorization", "Bearer tok-999");
  httplib::Response response;
  CHECK_FALSE(access.check(request, response));
  CHECK(response.status == 401);
  CHECK(response.body.find("tok-") == std::string::npos);
  CHECK(response.get_header_value("WWW-Authenticate") == "Bearer realm=\"warroom\"");
}

TEST_CASE("links keep the token query only when it is the valid token", "[status]") {
  const ReadAccess access("a b/c");
  auto request = request_from("127.0.0.1");
  CHECK(access.link_query(request).empty());
  request.params.emplace("token", "a b/c");
  CHECK(access.link_query(request) == "?token=a%20b%2Fc");

  auto wrong = request_from("127.0.0.1");
  wrong.params.emplace("token", "nope");
  CHECK(access.link_query(wrong).empty());

  auto without_token_configured = request_from("127.0.0.1");
  without_token_configured.params.emplace("token", "a b/c");
  CHECK(ReadAccess().link_query(without_token_configured).empty());
}

TEST_CASE("only 127.0.0.1 and ::1 count as loopback addresses", "[status]") {
  const auto [address, loopback] = GENERATE(table<std::string, bool>({{"127.0.0.1", true},
                                                                      {"::1", true},
                                                                      {"::ffff:127.0.0.1", true},
                                                                      {"127.0.0.10", false},
                                                                      {"0.0.0.0", false},
                                                                      {"::", false},
                                                                      {"1.2.3.4", false}}));
  CAPTURE(address);
  CHECK(is_loopback_address(address) == loopback);
}

}  // namespace warroom::bot
