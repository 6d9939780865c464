// Planning, recording and queueing what the escalation matrix asks for.
#include "commands/matrix.h"

#include <fmt/format.h>

#include <algorithm>

#include "commands/format.h"
#include "commands/record.h"

namespace warroom::commands {
namespace {

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : std::string(separator)) + item;
  return text;
}

}  // namespace

Escalation plan_escalation(const Config& config, const storage::Incident& incident,
                           storage::Severity severity,
                           const std::vector<std::string>& also_invite) {
  const SeverityPolicy& policy = config.policy(severity);
  std::vector<std::string> principals = policy.invite;
  principals.insert(principals.end(), also_invite.begin(), also_invite.end());
  Escalation escalation{.severity = severity, .page = !policy.page.empty()};
  // Invitations need a channel of the incident's own (queue_invites).
  for (const auto& user :
       config.incident_channels ? config.members(principals) : std::vector<std::string>{}) {
    if (user != incident.owner) escalation.invite.push_back(user);
  }
  for (const auto& channel : policy.notify) {
    if (std::ranges::find(escalation.notify, channel) == escalation.notify.end()) {
      escalation.notify.push_back(channel);
    }
  }
  return escalation;
}

void describe_in(const Escalation& escalation, storage::EventData& data) {
  if (!escalation.invite.empty()) data["invited"] = joined(escalation.invite, ",");
  if (!escalation.notify.empty()) data["notified"] = joined(escalation.notify, ",");
  if (escalation.page) data["paged"] = std::string(to_string(escalation.severity));
}

std::string summary_line(const Escalation& escalation) {
  if (escalation.empty()) return {};
  std::vector<std::string> parts;
  if (!escalation.invite.empty()) {
    std::vector<std::string> people;
    for (const auto& user : escalation.invite) people.push_back(mention(user));
    parts.push_back("invited " + joined(people, ", "));
  }
  if (!escalation.notify.empty()) parts.push_back("notified " + joined(escalation.notify, ", "));
  if (escalation.page) parts.emplace_back("paged");
  return fmt::format("\n{} matrix: {}", to_string(escalation.severity), joined(parts, " · "));
}

void queue_invites(storage::Store& store, const Invocation& who, const storage::Incident& incident,
                   const std::vector<std::string>& users) {
  const std::string channel = incident_destination(who, incident);
  if (!who.config->incident_channels || channel.empty()) return;
  for (const auto& user : users) {
    store.enqueue(storage::OutboxMessage{.incident = incident.number,
                                         .created_at = who.at,
                                         .destination = channel,
                                         .method = "conversations.invite",
                                         .template_name = "invite",
                                         .text = user,
                                         .fields = {{"users", user}}});
  }
}

void queue_escalation(storage::Store& store, const Invocation& who,
                      const storage::Incident& incident, const Escalation& escalation,
                      const std::string& text) {
  queue_invites(store, who, incident, escalation.invite);
  if (!escalation.page) return;
  const std::string severity(to_string(escalation.severity));
  store.enqueue(
      storage::OutboxMessage{.incident = incident.number,
                             .created_at = who.at,
                             .destination = "page:" + severity,
                             .method = "page",
                             .template_name = "page",
                             .text = text,
                             .fields = {{"key", incident.key()},
                                        {"title", incident.title},
                                        {"severity", severity},
                                        {"status", std::string(to_string(incident.status))},
                                        {"owner", incident.owner},
                                        {"service", incident.service},
                                        {"actor", who.user}}});
}

}  // namespace warroom::commands
