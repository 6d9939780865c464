// show: everything about one incident at a glance (only you see it).
// Syntax: show
#include <fmt/format.h>

#include "commands/format.h"
#include "commands/target.h"

namespace warroom::commands {
namespace {

constexpr std::string_view usage = "show";

std::string key_time(std::string_view label, const std::optional<TimePoint>& at,
                     TimePoint created_at) {
  if (!at) return fmt::format("{}: not yet", label);
  return fmt::format("{}: {} (after {})", label, format_time(*at),
                     format_duration(*at - created_at));
}

std::string latest_update(storage::Store& store, const storage::Incident& incident) {
  const auto update = store.latest_event(incident.number, storage::EventKind::update);
  if (!update) return "\nNo stakeholder update yet: `update <text>`";
  return fmt::format("\nLatest update ({}, {}): {}", format_time(update->at),
                     mention(update->actor), update->text);
}

Reply run(const Invocation& who, Arguments args, storage::Store& store) {
  auto incident = find_target(who, args, store);
  if (!incident) return Reply::refused(incident.error(), usage);
  const auto& i = *incident;
  std::string text = fmt::format("{}: {}\n{} · {} · owner {}", i.key(), i.title,
                                 to_string(i.severity), to_string(i.status), mention(i.owner));
  if (!i.service.empty()) text += " · service " + i.service;
  if (!i.impact.empty()) text += "\nImpact: " + i.impact;
  for (const auto& role : store.roles(i.number)) {
    text += fmt::format("\n{}: {}", role.role, mention(role.user));
  }
  text += fmt::format("\nDeclared: {} in {} ({} ago)", format_time(i.created_at), i.declared_in,
                      format_duration(who.at - i.created_at));
  text += "\n" + key_time("Acknowledged", i.acknowledged_at, i.created_at);
  text += "\n" + key_time("Mitigated", i.mitigated_at, i.created_at);
  text += "\n" + key_time("Resolved", i.resolved_at, i.created_at);
  if (i.closed_at) text += "\n" + key_time("Closed", i.closed_at, i.created_at);
  text += latest_update(store, i);
  text += fmt::format("\n{} events on the timeline", i.head_seq);
  return Reply::shown(text);
}

}  // namespace

extern const Command show{.name = "show",
                          .usage = usage,
                          .summary = "Show the incident: severity, status, owner, roles, times.",
                          .run = run};

}  // namespace warroom::commands
