// What a command may consult besides the store: channels, the severity matrix, groups,
// permissions and services (DESIGN section 2). Loaded at the edge from flags, environment and
// the JSON config file (bot/config_file.h); every field has a built-in default.
#pragma once

#include <array>
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/records.h"

namespace warroom::commands {

// What reaching a severity means (DESIGN's "severities" object). Principals are user ids,
// `@group` (a key of Config::groups) or `*` (everyone).
struct SeverityPolicy {
  std::string description;
  bool major = false;  // a major incident: declare_major, escalate_major, downgrade_major apply
  // How often stakeholders must hear about an open incident; zero: no cadence.
  std::chrono::seconds update_every{0};
  std::vector<std::string> invite;  // principals invited into the incident channel
  std::vector<std::string> notify;  // channel ids told when an incident reaches it
  std::string page;  // paging webhook URL (JSON POST through the outbox); empty: none
};

struct ServicePolicy {
  std::string runbook;              // URL linked in the declaration; may be empty
  std::vector<std::string> owners;  // principals invited when declared with service:<name>
};

// The permissions DESIGN names. One not named in the file is open to everyone.
enum class Permission { declare_major, escalate_major, downgrade_major, close, reopen };
std::string_view to_string(Permission permission);  // "declare_major"
std::optional<Permission> parse_permission(std::string_view name);

struct Config {
  // Stakeholder channel for declarations and updates; empty: no announcements.
  std::string announce_channel;
  // Where overdue updates are escalated (channels.managers); empty: nobody is told.
  std::string managers_channel;
  // true: declare asks the chat platform for a channel of the incident's own (outbox);
  // false: the incident lives in the channel it was declared in.
  bool incident_channels = false;
  // This server's URL as users reach it (WARROOM_PUBLIC_URL), for links in replies such as
  // the review's; empty (the console): no links, the reply names the CLI verb instead.
  std::string public_url;

  // SEV1 first. Defaults: SEV1 and SEV2 are major; updates every 30m, 1h, 4h, none.
  std::array<SeverityPolicy, 4> severities = default_severities();
  std::map<std::string, std::vector<std::string>> groups;  // name (no @) → user ids
  // Permission → principals; absent: everyone.
  std::map<Permission, std::vector<std::string>> permissions;
  std::map<std::string, ServicePolicy> services;  // by lowercase service name

  const SeverityPolicy& policy(storage::Severity severity) const {
    return severities.at(static_cast<std::size_t>(severity) - 1);
  }
  std::chrono::seconds update_interval(storage::Severity severity) const {
    return policy(severity).update_every;
  }
  bool is_major(storage::Severity severity) const { return policy(severity).major; }

  // The user ids `principals` name: groups expanded, `*` skipped, duplicates dropped, in order.
  std::vector<std::string> members(const std::vector<std::string>& principals) const;
  // Whether `user` holds `permission` (absent from the file: everyone does).
  bool allows(Permission permission, const std::string& user) const;
  // Who holds `permission`, as written in the file (empty when absent: everyone).
  std::vector<std::string> holders(Permission permission) const;

  static std::array<SeverityPolicy, 4> default_severities();
};

}  // namespace warroom::commands
