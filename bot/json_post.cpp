// A JSON POST to a URL, with its answer classified for the outbox.
#include "bot/json_post.h"

#include <httplib.h>

#include <algorithm>
#include <charconv>

namespace warroom::bot {

std::optional<UrlParts> UrlParts::parse(std::string_view url) {
  std::size_t scheme_length = 0;
  if (url.starts_with("https://")) {
    scheme_length = 8;
  } else if (url.starts_with("http://")) {
    scheme_length = 7;
  } else {
    return std::nullopt;
  }
  const std::size_t authority_end = url.find_first_of("/?#", scheme_length);
  const std::string_view authority = url.substr(scheme_length, authority_end - scheme_length);
  if (authority.empty() || authority.find('@') != std::string_view::npos) return std::nullopt;
  if (url.find('#') != std::string_view::npos) return std::nullopt;
  if (url.find_first_of(" \t\r\n") != std::string_view::npos) return std::nullopt;
  UrlParts parts;
  parts.origin = std::string(url.substr(0, authority_end));
  parts.host = std::string(authority.substr(0, authority.find(':')));
  if (parts.host.empty()) return std::nullopt;
  // A port is digits after the colon; anything else would only fail at connect, every retry.
  const std::string_view port = authority.substr(parts.host.size());
  const bool port_ok =
      port.empty() || (port.size() > 1 && std::all_of(port.begin() + 1, port.end(),
                                                      [](char c) { return c >= '0' && c <= '9'; }));
  if (!port_ok) return std::nullopt;
  const std::string_view rest =
      authority_end == std::string_view::npos ? "" : url.substr(authority_end);
  parts.target = rest.empty()            ? "/"
                 : rest.starts_with('?') ? "/" + std::string(rest)
                                         : std::string(rest);
  return parts;
}

namespace {

std::chrono::milliseconds retry_after(const httplib::Response& response) {
  const std::string header = response.get_header_value("Retry-After");
  long long seconds = 0;
  const auto [end, error] = std::from_chars(header.data(), header.data() + header.size(), seconds);
  if (error != std::errc() || end != header.data() + header.size() || seconds <= 0) {
    return std::chrono::seconds(1);
  }
  return std::chrono::seconds(std::min<long long>(seconds, 3600));
}

}  // namespace

Delivery post_json(const std::string& url, const std::string& json_body, std::string_view what,
                   PostTimeouts timeouts) {
  using Outcome = Delivery::Outcome;
  const auto parts = UrlParts::parse(url);
  if (!parts) return {.outcome = Outcome::failed, .error = std::string(what) + ": malformed URL"};
  httplib::Client client(parts->origin);
  client.set_connection_timeout(timeouts.connect);
  client.set_read_timeout(timeouts.read);
  client.set_write_timeout(timeouts.read);
  const auto result = client.Post(parts->target, json_body, "application/json; charset=utf-8");
  if (!result) {
    return {.outcome = Outcome::retry,
            .error = std::string(what) + ": " + httplib::to_string(result.error())};
  }
  const int status = result->status;
  if (status >= 200 && status < 300) return {.outcome = Outcome::sent};
  if (status == 429) {
    return {.outcome = Outcome::rate_limited,
            .error = "ratelimited",
            .retry_after = retry_after(*result)};
  }
  const bool transient = status >= 500 || status == 408;
  return {.outcome = transient ? Outcome::retry : Outcome::failed,
          .error = std::string(what) + " answered HTTP " + std::to_string(status)};
}

}  // namespace warroom::bot
