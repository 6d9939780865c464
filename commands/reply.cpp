// Reply factories: how a refusal, a read and a change are shown.
#include <fmt/format.h>

#include "commands/command.h"

namespace warroom::commands {

std::string_view to_string(Outcome outcome) {
  return outcome == Outcome::ok ? "ok" : "refused";
}

Reply Reply::refused(std::string_view what, std::string_view usage) {
  std::string text(what);
  if (!usage.empty()) text += fmt::format(". Usage: {}", usage);
  return {Visibility::ephemeral, Outcome::refused, std::move(text)};
}

Reply Reply::shown(std::string text) {
  return {Visibility::ephemeral, Outcome::ok, std::move(text)};
}

Reply Reply::posted(std::string text) {
  return {Visibility::in_channel, Outcome::ok, std::move(text)};
}

}  // namespace warroom::commands
