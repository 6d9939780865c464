// Reads the JSON config file over a base Config. Every value is checked before it is used,
// so a mistake stops the program with the key's path instead of running with a file that
// was half understood (a misspelt permission would otherwise leave it open to everyone).
#include "bot/config_file.h"

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <set>
#include <system_error>
#include <utility>
#include <vector>

#include "bot/config_json.h"
#include "commands/arguments.h"
#include "commands/duration.h"
#include "commands/text.h"

namespace warroom::bot {
namespace {

using config_json::child_path;
using config_json::described;
using config_json::fail;
using config_json::index_path;
using config_json::is_control;
using config_json::json_quoted;
using config_json::listed;
using config_json::parse_config_json;
using nlohmann::json;

constexpr std::size_t max_file_bytes = std::size_t{1024} * 1024;
constexpr std::string_view name_rule = "letters, digits, '.', '_' or '-'";

// Applies one parsed file to a copy of the base, checking each value on the way.
class ConfigReader {
 public:
  ConfigReader(std::string source, commands::Config base)
      : source_(std::move(source)), config_(std::move(base)) {}

  commands::Config read(const json& root) && {
    if (!root.is_object()) {
      fail(source_, "", "expected an object ({...}) at the top level, got " + described(root));
    }
    require_known_keys(root, "", {"groups", "channels", "severities", "permissions", "services"},
                       "key");
    // Groups first: the other sections refer to them.
    if (const json* groups = member(root, "groups")) read_groups(*groups);
    if (const json* channels = member(root, "channels")) read_channels(*channels);
    if (const json* severities = member(root, "severities")) read_severities(*severities);
    if (const json* permissions = member(root, "permissions")) read_permissions(*permissions);
    if (const json* services = member(root, "services")) read_services(*services);
    return std::move(config_);
  }

 private:
  static const json* member(const json& object, const std::string& key) {
    const auto found = object.find(key);
    return found == object.end() ? nullptr : &*found;
  }

  void require_object(const json& value, const std::string& path) const {
    if (!value.is_object())
      fail(source_, path, "expected an object ({...}), got " + described(value));
  }

  void require_known_keys(const json& object, const std::string& path,
                          std::initializer_list<std::string_view> allowed,
                          std::string_view noun) const {
    for (const auto& [key, value] : object.items()) {
      if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
      std::string problem =
          "unknown " + std::string(noun) + "; expected " + listed(allowed, " or ");
      for (const auto name : allowed) {
        if (commands::to_lower_ascii(name) == commands::to_lower_ascii(key)) {
          problem += " (did you mean \"" + std::string(name) + "\"?)";
        }
      }
      fail(source_, child_path(path, key), problem);
    }
  }

  void require_array(const json& value, const std::string& path, std::string_view example) const {
    if (!value.is_array()) {
      fail(source_, path,
           "expected an array like " + std::string(example) + ", got " + described(value));
    }
  }

  [[nodiscard]] const std::string& string_at(const json& value, const std::string& path,
                                             std::string_view expected) const {
    if (!value.is_string())
      fail(source_, path, std::string(expected) + ", got " + described(value));
    return value.get_ref<const std::string&>();
  }

  [[nodiscard]] std::string text_at(const json& value, const std::string& path) const {
    const auto& text = string_at(value, path, "expected one line of text");
    const bool controls = std::any_of(
        text.begin(), text.end(), [](char c) { return is_control(static_cast<unsigned char>(c)); });
    if (controls) fail(source_, path, "expected one line of text, got " + json_quoted(text));
    return text;
  }

  [[nodiscard]] bool bool_at(const json& value, const std::string& path) const {
    if (!value.is_boolean()) fail(source_, path, "expected true or false, got " + described(value));
    return value.get<bool>();
  }

  [[nodiscard]] std::chrono::seconds duration_at(const json& value, const std::string& path) const {
    constexpr std::string_view expected = "expected a duration like 10s, 30m, 2h or 1d";
    const auto duration = commands::parse_duration(string_at(value, path, expected));
    if (!duration) fail(source_, path, std::string(expected) + ", got " + described(value));
    return *duration;
  }

  [[nodiscard]] std::string url_at(const json& value, const std::string& path) const {
    constexpr std::string_view expected = "expected an http:// or https:// URL";
    const auto& url = string_at(value, path, expected);
    const std::string lower = commands::to_lower_ascii(url);
    const std::size_t scheme = lower.starts_with("http://")    ? 7
                               : lower.starts_with("https://") ? 8
                                                               : 0;
    const bool has_host = scheme > 0 && url.size() > scheme &&
                          std::string_view("/?#").find(url[scheme]) == std::string_view::npos;
    const bool blanks = std::any_of(url.begin(), url.end(), [](char c) {
      return c == ' ' || is_control(static_cast<unsigned char>(c));
    });
    if (!has_host || blanks)
      fail(source_, path, std::string(expected) + ", got " + described(value));
    return url;
  }

  [[nodiscard]] std::string channel_at(const json& value, const std::string& path) const {
    constexpr std::string_view expected = "expected a channel id like C0123ABCD";
    const auto& channel = string_at(value, path, expected);
    const bool blanks = std::any_of(channel.begin(), channel.end(), [](char c) {
      return c == ' ' || is_control(static_cast<unsigned char>(c));
    });
    if (channel.empty() || blanks || channel.size() > 80) {
      fail(source_, path, std::string(expected) + ", got " + described(value));
    }
    return channel;
  }

  [[nodiscard]] std::vector<std::string> channels_at(const json& value,
                                                     const std::string& path) const {
    require_array(value, path, "[\"C0123ABCD\"]");
    std::vector<std::string> channels;
    for (std::size_t i = 0; i < value.size(); ++i) {
      channels.push_back(channel_at(value[i], index_path(path, i)));
    }
    return channels;
  }

  [[nodiscard]] std::string group_names() const {
    if (config_.groups.empty()) return "no groups are defined";
    std::string names;
    for (const auto& [name, users] : config_.groups) names += (names.empty() ? "" : ", ") + name;
    return "groups: " + names;
  }

  // `*` (everyone, where `everyone` allows it), `@group` (defined) or a user id.
  [[nodiscard]] std::string principal_at(const json& value, const std::string& path,
                                         bool everyone) const {
    const std::string expected =
        everyone ? R"(expected "*", "@group" or a user id)" : R"(expected "@group" or a user id)";
    const auto& principal = string_at(value, path, expected);
    if (principal == "*") {
      if (!everyone) {
        fail(source_, path, "\"*\" (everyone) cannot be invited here; name user ids or @groups");
      }
      return principal;
    }
    if (principal.starts_with('@')) {
      const std::string group = principal.substr(1);
      if (!config_.groups.contains(group)) {
        fail(source_, path, "there is no group " + json_quoted(group) + " (" + group_names() + ")");
      }
      return principal;
    }
    if (!commands::is_valid_user_id(principal)) {
      fail(source_, path, expected + " (" + std::string(name_rule) + "), got " + described(value));
    }
    return principal;
  }

  [[nodiscard]] std::vector<std::string> principals_at(const json& value, const std::string& path,
                                                       bool everyone) const {
    require_array(value, path,
                  everyone ? R"(["*"] or ["@group", "U0123ABCD"])" : R"(["@group", "U0123ABCD"])");
    std::vector<std::string> principals;
    for (std::size_t i = 0; i < value.size(); ++i) {
      principals.push_back(principal_at(value[i], index_path(path, i), everyone));
    }
    return principals;
  }

  void read_groups(const json& groups) {
    require_object(groups, "groups");
    for (const auto& [name, members] : groups.items()) {
      const std::string path = child_path("groups", name);
      if (!commands::is_valid_user_id(name)) {
        fail(source_, path, "a group name is " + std::string(name_rule) + " (it is written @name)");
      }
      require_array(members, path, R"(["U0123ABCD", "U0456EFGH"])");
      std::vector<std::string> users;
      for (std::size_t i = 0; i < members.size(); ++i) {
        const std::string user_path = index_path(path, i);
        const auto& user = string_at(members[i], user_path, "expected a user id");
        if (user.starts_with('@') || user == "*") {
          fail(source_, user_path, "a group holds user ids, not " + json_quoted(user));
        }
        if (!commands::is_valid_user_id(user)) {
          fail(source_, user_path,
               "expected a user id (" + std::string(name_rule) + "), got " + described(members[i]));
        }
        users.push_back(user);
      }
      config_.groups[name] = std::move(users);
    }
  }

  void read_channels(const json& channels) {
    require_object(channels, "channels");
    require_known_keys(channels, "channels", {"announce", "managers"}, "key");
    if (const json* announce = member(channels, "announce")) {
      config_.announce_channel = channel_at(*announce, "channels.announce");
    }
    if (const json* managers = member(channels, "managers")) {
      config_.managers_channel = channel_at(*managers, "channels.managers");
    }
  }

  void read_severities(const json& severities) {
    require_object(severities, "severities");
    require_known_keys(severities, "severities", {"SEV1", "SEV2", "SEV3", "SEV4"}, "severity");
    for (std::size_t i = 0; i < config_.severities.size(); ++i) {
      const std::string name = "SEV" + std::to_string(i + 1);
      if (const json* severity = member(severities, name)) {
        read_severity(*severity, child_path("severities", name), config_.severities.at(i));
      }
    }
  }

  // Only the keys given change: the rest keep the base's (built-in) values.
  void read_severity(const json& value, const std::string& path,
                     commands::SeverityPolicy& policy) const {
    require_object(value, path);
    require_known_keys(value, path,
                       {"description", "major", "update_every", "invite", "notify", "page"}, "key");
    if (const json* field = member(value, "description")) {
      policy.description = text_at(*field, path + ".description");
    }
    if (const json* field = member(value, "major")) policy.major = bool_at(*field, path + ".major");
    if (const json* field = member(value, "update_every")) {
      policy.update_every = duration_at(*field, path + ".update_every");
    }
    if (const json* field = member(value, "invite")) {
      policy.invite = principals_at(*field, path + ".invite", false);
    }
    if (const json* field = member(value, "notify")) {
      policy.notify = channels_at(*field, path + ".notify");
    }
    if (const json* field = member(value, "page")) policy.page = url_at(*field, path + ".page");
  }

  void read_permissions(const json& permissions) {
    require_object(permissions, "permissions");
    require_known_keys(permissions, "permissions",
                       {"declare_major", "escalate_major", "downgrade_major", "close", "reopen"},
                       "permission");
    for (const auto& [name, holders] : permissions.items()) {
      const auto permission = commands::parse_permission(name);
      if (!permission) continue;  // unreachable: require_known_keys refused it
      config_.permissions[*permission] =
          principals_at(holders, child_path("permissions", name), true);
    }
  }

  void read_services(const json& services) {
    require_object(services, "services");
    std::set<std::string> seen;
    for (const auto& [name, service] : services.items()) {
      const std::string path = child_path("services", name);
      if (!commands::is_valid_user_id(name)) {
        fail(source_, path,
             "a service name is " + std::string(name_rule) + " (as in service:<name>)");
      }
      const std::string lower = commands::to_lower_ascii(name);
      if (!seen.insert(lower).second) {
        fail(source_, path,
             "service " + json_quoted(lower) + " is given twice (service names ignore case)");
      }
      require_object(service, path);
      require_known_keys(service, path, {"runbook", "owners"}, "key");
      commands::ServicePolicy policy;
      if (const json* runbook = member(service, "runbook")) {
        policy.runbook = url_at(*runbook, path + ".runbook");
      }
      if (const json* owners = member(service, "owners")) {
        policy.owners = principals_at(*owners, path + ".owners", false);
      }
      config_.services[lower] = std::move(policy);
    }
  }

  std::string source_;
  commands::Config config_;
};

std::string read_config_text(const std::string& path) {
  if (path.empty()) fail("config file", "", "no path given (--config or WARROOM_CONFIG)");
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) {
    fail(path, "", "cannot read the config file: it is a folder");
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    const int error = errno;
    fail(path, "",
         "cannot read the config file (" +
             (error != 0 ? std::generic_category().message(error) : std::string("cannot open")) +
             ")");
  }
  std::string text(max_file_bytes + 1, '\0');
  file.read(text.data(), static_cast<std::streamsize>(text.size()));
  if (file.bad()) fail(path, "", "cannot read the config file");
  text.resize(static_cast<std::size_t>(file.gcount()));
  if (text.size() > max_file_bytes) {
    fail(path, "", "the config file is larger than 1 MiB; is it the right file?");
  }
  return text;
}

}  // namespace

commands::Config apply_config_text(std::string_view text, const std::string& source,
                                   commands::Config base) {
  const json root = parse_config_json(text, source);
  return ConfigReader(source, std::move(base)).read(root);
}

commands::Config load_config_file(const std::string& path, commands::Config base) {
  return apply_config_text(read_config_text(path), path, std::move(base));
}

}  // namespace warroom::bot
