// Fuzz target "interaction": the JSON of an interactivity request's `payload` field, into an
// Invocation; a response_url the allow-list accepts must reach exactly the allowed host.
#include <algorithm>

#include "bot/json_post.h"
#include "bot/slack/payload.h"
#include "bot/slack/response_url.h"
#include "commands/arguments.h"
#include "fuzz/checks.h"
#include "fuzz/targets.h"

namespace warroom::fuzz {
namespace {

const std::vector<std::string> hooks_hosts = {"hooks.slack.com"};

bool is_host_character(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '-';
}

// What post_json would connect to when the allow-list said yes: hooks.slack.com over https,
// with nothing in the authority that another URL parser could read as a different host.
void check_response_url(const std::string& url) {
  if (!bot::slack::is_allowed_response_url(url, hooks_hosts)) return;
  const auto parts = bot::UrlParts::parse(url);
  require(parts.has_value(), "an allowed response_url cannot be posted to", url);
  require(parts->host == "hooks.slack.com", "an allowed response_url posts to another host", url);
  require(parts->origin.starts_with("https://"), "an allowed response_url is not https", url);
  const std::string_view authority = std::string_view(parts->origin).substr(8);
  const auto colon = authority.find(':');
  const std::string_view port =
      colon == std::string_view::npos ? std::string_view{} : authority.substr(colon + 1);
  require(std::all_of(
              authority.begin(),
              authority.begin() + static_cast<std::ptrdiff_t>(std::min(colon, authority.size())),
              is_host_character),
          "an allowed response_url has an odd host", url);
  require(std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; }),
          "an allowed response_url has an odd port", url);
}

}  // namespace

void fuzz_interaction(std::string_view input) {
  const auto interaction = bot::slack::parse_interaction(input);
  if (!interaction) {
    require(!interaction.error().empty(), "a refused interaction gives no reason");
    return;
  }
  if (interaction->ignored) return;
  const auto& command = interaction->command;
  require_sound_command(command);
  // Our ack button is the only one that acts, and all it may run is `INC-n ack`.
  constexpr std::string_view suffix = " ack";
  require(command.text.ends_with(suffix), "a button runs something other than ack", command.text);
  require(commands::parse_incident_key(
              std::string_view(command.text).substr(0, command.text.size() - suffix.size()))
              .has_value(),
          "a button names no incident", command.text);
  check_response_url(command.response_url);
}

}  // namespace warroom::fuzz
