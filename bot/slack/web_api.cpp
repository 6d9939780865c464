// Slack Web API calls over cpp-httplib: JSON in, a Result out, never an exception for what
// the network or Slack did. The token goes into the Authorization header and nowhere else.
#include "bot/slack/web_api.h"

#include <httplib.h>

#include <charconv>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace warroom::bot::slack {
namespace {

using nlohmann::json;

constexpr std::chrono::milliseconds default_retry_after{1000};

// Retry-After in whole seconds (what Slack sends); anything else means the default.
std::chrono::milliseconds parse_retry_after(const std::string& header) {
  std::int64_t seconds = 0;
  const char* end = header.data() + header.size();
  const auto [stop, problem] = std::from_chars(header.data(), end, seconds);
  if (header.empty() || problem != std::errc{} || stop != end || seconds < 0) {
    return default_retry_after;
  }
  return std::chrono::seconds{seconds};
}

std::string string_field(const json& object, const char* key) {
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string{};
}

// Reads ok, error, channel.id and ts, tolerating any of them missing or of the wrong type.
void read_answer(const std::string& body, WebApi::Result& result) {
  const json answer = json::parse(body, nullptr, false);
  if (!answer.is_object()) {
    result.error =
        "the answer is not a JSON object (HTTP " + std::to_string(result.http_status) + ")";
    return;
  }
  const auto ok = answer.find("ok");
  result.ok = ok != answer.end() && ok->is_boolean() && ok->get<bool>();
  result.error = string_field(answer, "error");
  result.ts = string_field(answer, "ts");
  const auto channel = answer.find("channel");
  if (channel != answer.end() && channel->is_object()) {
    result.channel_id = string_field(*channel, "id");
  }
  if (!result.ok && result.error.empty()) {
    result.error = "HTTP " + std::to_string(result.http_status) + " without an error";
  }
}

}  // namespace

std::optional<BaseUrl> BaseUrl::parse(std::string_view url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return std::nullopt;
  const std::string_view scheme = url.substr(0, scheme_end);
  if (scheme != "http" && scheme != "https") return std::nullopt;
  const std::string_view rest = url.substr(scheme_end + 3);
  const auto slash = rest.find('/');
  const std::string_view authority = rest.substr(0, slash);
  std::string path{slash == std::string_view::npos ? "/" : rest.substr(slash)};
  if (authority.empty() || authority.find_first_of("@?#") != std::string_view::npos ||
      path.find_first_of("?#") != std::string::npos) {
    return std::nullopt;
  }
  if (path.back() != '/') path += '/';
  return BaseUrl{.origin = std::string{scheme} + "://" + std::string{authority},
                 .path_prefix = std::move(path)};
}

WebApi::WebApi(std::string_view base_url, std::string token, Timeouts timeouts)
    : token_(std::move(token)) {
  auto base = BaseUrl::parse(base_url);
  if (!base) {
    throw std::invalid_argument("Slack API URL \"" + std::string{base_url} +
                                "\" is not an http:// or https:// URL like "
                                "https://slack.com/api/");
  }
  base_ = std::move(*base);
  client_ = std::make_unique<httplib::Client>(base_.origin);
  if (!client_->is_valid()) {
    throw std::invalid_argument("Slack API URL \"" + std::string{base_url} + "\" is not usable");
  }
  client_->set_connection_timeout(timeouts.connect);
  client_->set_read_timeout(timeouts.read);
  client_->set_write_timeout(timeouts.read);
}

WebApi::~WebApi() = default;
WebApi::WebApi(WebApi&&) noexcept = default;
WebApi& WebApi::operator=(WebApi&&) noexcept = default;

WebApi::Result WebApi::call(std::string_view method, const std::string& json_body) {
  const std::string path = base_.path_prefix + std::string{method};
  const httplib::Headers headers{{"Authorization", "Bearer " + token_}};
  Result result;
  const auto answer = client_->Post(path, headers, json_body, "application/json; charset=utf-8");
  if (!answer) {
    result.error = "network: " + httplib::to_string(answer.error());
    return result;
  }
  result.http_status = answer->status;
  result.body = answer->body;
  read_answer(answer->body, result);
  if (result.http_status == 429) {
    result.ok = false;
    result.retry_after = parse_retry_after(answer->get_header_value("Retry-After"));
  }
  return result;
}

}  // namespace warroom::bot::slack
