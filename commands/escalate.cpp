// escalate: hierarchical (one severity step more critical) or functional (bring someone in).
// Syntax: escalate <reason>  |  escalate to @user|@group <reason>
#include <fmt/format.h>

#include "commands/changes.h"
#include "commands/format.h"
#include "commands/lifecycle.h"
#include "commands/matrix.h"
#include "commands/record.h"
#include "commands/target.h"
#include "commands/text.h"

namespace warroom::commands {
namespace {

constexpr std::string_view usage = "escalate <reason>  |  escalate to @user|@group <reason>";

Reply bring_in(const Invocation& who, Arguments& args, storage::Store& store) {
  const auto person = args.take_mention();
  if (!person) {
    return Reply::refused("escalate to: whom? mention a user or a group, like @bob", usage);
  }
  auto reason = clean_text(args.take_rest(), "reason");
  if (!reason) return Reply::refused("escalate to: " + reason.error() + ": say why", usage);
  auto incident = find_changeable(who, args, store);
  if (!incident) return Reply::refused(incident.error(), usage);

  // A config group (`@incident-managers`) brings in its members; anyone else comes alone.
  const bool group = who.config->groups.contains(*person);
  const std::vector<std::string> people =
      group ? who.config->members({"@" + *person}) : std::vector<std::string>{*person};
  storage::EventData data{{"to", *person}};
  if (group) {
    std::string invited;
    for (const auto& user : people) invited += (invited.empty() ? "" : ",") + user;
    data.emplace("invited", invited);
  }
  record(store, who, *incident, storage::EventKind::escalate, *reason, std::move(data));
  queue_invites(store, who, *incident, people);
  std::string whom = group ? "@" + *person : mention(*person);
  if (group) {
    std::string members;
    for (const auto& user : people) members += (members.empty() ? "" : ", ") + mention(user);
    whom += members.empty() ? " (nobody in it yet)" : " (" + members + ")";
  }
  const std::string message =
      fmt::format("{} brought {} into {}: {}", mention(who.user), whom, incident->key(), *reason);
  post(store, who, *incident, Audience::incident_channel, "escalate", message,
       {{"to", group ? "" : *person}, {"group", group ? *person : ""}, {"text", *reason}});
  return Reply::posted(message);
}

Reply run(const Invocation& who, Arguments args, storage::Store& store) {
  if (args.take_keyword("to")) return bring_in(who, args, store);
  auto reason = clean_text(args.take_rest(), "reason");
  if (!reason) return Reply::refused("escalate: " + reason.error() + ": say why", usage);
  auto incident = find_target(who, args, store);
  if (!incident) return Reply::refused(incident.error(), usage);
  const auto higher = more_critical(incident->severity);
  if (!higher) {
    return Reply::refused(
        fmt::format("{} is already SEV1, the most critical: `escalate to "
                    "@user <reason>` brings someone in",
                    incident->key()));
  }
  return change_severity(who, *incident, *higher, *reason, store);
}

}  // namespace

extern const Command escalate{
    .name = "escalate",
    .usage = usage,
    .summary = "Raise the severity one step, or bring a person or group in.",
    .run = run};

}  // namespace warroom::commands
