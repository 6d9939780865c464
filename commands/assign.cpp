// assign: gives a role to someone; one person per role. Without a role, or with `commander`,
// it assigns the incident itself: a hand-over to a new owner.
// Syntax: assign @user [role]   roles: commander (the owner), comms, scribe, ops, or any word
#include <fmt/format.h>

#include "commands/changes.h"
#include "commands/format.h"
#include "commands/record.h"
#include "commands/target.h"
#include "commands/text.h"

namespace warroom::commands {
namespace {

constexpr std::string_view usage = "assign @user [role]";

bool is_valid_role(std::string_view role) {
  return !role.empty() && role.size() <= 32 && role.front() >= 'a' && role.front() <= 'z' &&
         role.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_-") == std::string::npos;
}

std::string canonical_role(std::string role) {
  if (role == "owner" || role == "ic" || role == "incident-commander" || role == "lead") {
    return "commander";
  }
  return role;
}

Reply assign_role(const Invocation& who, const storage::Incident& incident, const std::string& user,
                  const std::string& role, storage::Store& store) {
  std::string from;
  for (const auto& held : store.roles(incident.number)) {
    if (held.role == role) from = held.user;
  }
  if (from == user) {
    return Reply::refused(
        fmt::format("{} is already {} for {}", mention(user), role, incident.key()));
  }
  store.set_role(incident.number, storage::Role{.role = role, .user = user, .assigned_at = who.at});
  record(store, who, incident, storage::EventKind::assign, "",
         {{"role", role}, {"from", from}, {"to", user}});
  std::string message = fmt::format("{} is now {} for {}", mention(user), role, incident.key());
  if (!from.empty()) message += fmt::format(" (was {})", mention(from));
  post(store, who, incident, Audience::incident_channel, "assign", message,
       {{"role", role}, {"to", user}});
  return Reply::posted(message);
}

Reply run(const Invocation& who, Arguments args, storage::Store& store) {
  const auto user = args.take_mention();
  if (!user) return Reply::refused("assign: whom? mention someone, like @bob", usage);
  const std::string role = canonical_role(to_lower_ascii(args.take_word().value_or("commander")));
  if (!is_valid_role(role)) {
    return Reply::refused(fmt::format("assign: a role is one word of letters, digits, '_' or '-', "
                                      "at most 32, got \"{}\"",
                                      role),
                          usage);
  }
  if (const auto extra = args.peek_word()) {
    return Reply::refused(fmt::format("assign: one role at a time, \"{}\" is extra", *extra),
                          usage);
  }
  auto incident = find_changeable(who, args, store);
  if (!incident) return Reply::refused(incident.error(), usage);
  if (role == "commander") return hand_over(who, *incident, *user, "", store);
  return assign_role(who, *incident, *user, role, store);
}

}  // namespace

extern const Command assign{
    .name = "assign",
    .usage = usage,
    .summary = "Give someone a role (comms, scribe, ops…); no role or commander: make them owner.",
    .run = run};

}  // namespace warroom::commands
