// The permission check and its refusal text.
#include "commands/permissions.h"

#include <fmt/format.h>

#include "commands/format.h"

namespace warroom::commands {
namespace {

// "@incident-managers (@U01MIM, @U02MIM), @U09"
std::string describe_holders(const Config& config, const std::vector<std::string>& principals) {
  std::string text;
  for (const auto& principal : principals) {
    if (!text.empty()) text += ", ";
    if (!principal.starts_with('@')) {
      text += mention(principal);
      continue;
    }
    text += principal;
    std::string members;
    for (const auto& user : config.members({principal})) {
      members += (members.empty() ? "" : ", ") + mention(user);
    }
    text += members.empty() ? " (nobody yet)" : " (" + members + ")";
  }
  return text.empty() ? "nobody" : text;
}

}  // namespace

std::optional<Reply> refuse_without(const Invocation& who, Permission permission,
                                    std::string_view doing) {
  const Config& config = *who.config;
  if (config.allows(permission, who.user)) return std::nullopt;
  return Reply::refused(fmt::format(
      "{} may not {}: that needs the `{}` permission, held by {}. Ask one of them, or an "
      "administrator to change the config file",
      mention(who.user), doing, to_string(permission),
      describe_holders(config, config.holders(permission))));
}

std::optional<Permission> severity_permission(const Config& config, storage::Severity from,
                                              storage::Severity to) {
  const bool up = static_cast<int>(to) < static_cast<int>(from);
  if (up && config.is_major(to)) return Permission::escalate_major;
  if (!up && config.is_major(from)) return Permission::downgrade_major;
  return std::nullopt;
}

}  // namespace warroom::commands
