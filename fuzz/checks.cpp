// The fuzz targets' shared invariants.
#include "fuzz/checks.h"

#include <algorithm>
#include <string>

#include "bot/slack/blocks.h"
#include "bot/slack/payload.h"
#include "commands/arguments.h"
#include "commands/format.h"
#include "commands/registry.h"
#include "commands/text.h"
#include "fuzz/targets.h"

namespace warroom::fuzz {
namespace {

constexpr std::size_t shown_bytes = 300;

// `text` with control bytes and backslashes escaped, cut to shown_bytes: readable in a log.
std::string printable(std::string_view text) {
  static constexpr std::string_view hex = "0123456789abcdef";
  std::string shown;
  for (const char c : text.substr(0, shown_bytes)) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\\') {
      shown += "\\\\";
    } else if (byte < 0x20 || byte == 0x7F) {
      shown += "\\x";
      shown += hex[byte >> 4U];
      shown += hex[byte & 0x0FU];
    } else {
      shown += c;
    }
  }
  if (text.size() > shown_bytes) shown += "…";
  return shown;
}

bool is_known_command_name(std::string_view name) {
  if (name == "help" || name == "unknown") return true;
  const auto all = commands::all_commands();
  return std::any_of(all.begin(), all.end(),
                     [name](const commands::Command* command) { return command->name == name; });
}

}  // namespace

void require(bool holds, std::string_view what, std::string_view subject) {
  if (holds) return;
  std::string message(what);
  if (!subject.empty()) message += ": \"" + printable(subject) + "\"";
  throw InvariantBroken(message);
}

void require_utf8(std::string_view text, std::string_view what) {
  require(commands::repair_utf8(text) == text,
          std::string(what) + " is not valid UTF-8 after the edge", text);
}

void require_no_broadcast(std::string_view mrkdwn, std::string_view what) {
  const auto found = mrkdwn.find("<!");
  if (found == std::string_view::npos) return;
  const auto from = found < shown_bytes / 2 ? 0 : found - shown_bytes / 2;
  require(false, std::string(what) + " contains a Slack special form (<!…>) here",
          mrkdwn.substr(from, shown_bytes));
}

void require_honest_mentions(std::string_view text, std::string_view what) {
  bool forged = false;
  const std::string rendered =
      commands::render_mentions(text, [&](std::string_view user) -> std::string {
        if (!commands::is_valid_user_id(user)) forged = true;
        return "@" + std::string(user);
      });
  require(!forged, std::string(what) + " mentions someone who is not a user id", text);
  require(rendered.find_first_of("\x1E\x1F") == std::string::npos,
          std::string(what) + " keeps an unpaired mention marker", text);
}

void require_sound_command(const bot::slack::SlackCommand& command) {
  require(!command.user.empty(), "a parsed command has no user");
  require(!command.channel.empty(), "a parsed command has no channel");
  require_utf8(command.user, "user");
  require_utf8(command.channel, "channel");
  require_utf8(command.team, "team");
  require_utf8(command.text, "text");
  require_utf8(command.response_url, "response_url");
  require_no_broadcast(bot::slack::to_mrkdwn(command.text), "the command text as mrkdwn");
  require(is_known_command_name(commands::command_name(command.text)),
          "command_name is outside its closed set", command.text);
}

}  // namespace warroom::fuzz
