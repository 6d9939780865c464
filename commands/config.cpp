// Severity defaults, group expansion and the permission rule of Config.
#include "commands/config.h"

#include <algorithm>

namespace warroom::commands {
namespace {

constexpr std::array<std::string_view, 5> permission_names = {"declare_major", "escalate_major",
                                                              "downgrade_major", "close", "reopen"};

}  // namespace

std::string_view to_string(Permission permission) {
  return permission_names.at(static_cast<std::size_t>(permission));
}

std::optional<Permission> parse_permission(std::string_view name) {
  for (std::size_t i = 0; i < permission_names.size(); ++i) {
    if (permission_names.at(i) == name) return static_cast<Permission>(i);
  }
  return std::nullopt;
}

std::array<SeverityPolicy, 4> Config::default_severities() {
  using std::chrono::hours;
  using std::chrono::minutes;
  return {SeverityPolicy{.description = "Critical", .major = true, .update_every = minutes(30)},
          SeverityPolicy{.description = "Major", .major = true, .update_every = hours(1)},
          SeverityPolicy{.description = "Minor", .update_every = hours(4)},
          SeverityPolicy{.description = "Cosmetic"}};
}

std::vector<std::string> Config::members(const std::vector<std::string>& principals) const {
  std::vector<std::string> users;
  const auto add = [&users](const std::string& user) {
    if (std::find(users.begin(), users.end(), user) == users.end()) users.push_back(user);
  };
  for (const auto& principal : principals) {
    if (principal == "*") continue;
    if (principal.starts_with('@')) {
      const auto group = groups.find(principal.substr(1));
      if (group == groups.end()) continue;  // the loader refuses undefined groups
      for (const auto& user : group->second) add(user);
    } else {
      add(principal);
    }
  }
  return users;
}

bool Config::allows(Permission permission, const std::string& user) const {
  const auto found = permissions.find(permission);
  if (found == permissions.end()) return true;
  for (const auto& principal : found->second) {
    if (principal == "*" || principal == user) return true;
  }
  const auto users = members(found->second);
  return std::find(users.begin(), users.end(), user) != users.end();
}

std::vector<std::string> Config::holders(Permission permission) const {
  const auto found = permissions.find(permission);
  return found == permissions.end() ? std::vector<std::string>{} : found->second;
}

}  // namespace warroom::commands
