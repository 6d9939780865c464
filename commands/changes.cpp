// Status, severity and ownership changes shared by several commands.
#include "commands/changes.h"

#include <fmt/format.h>

#include "commands/format.h"
#include "commands/lifecycle.h"
#include "commands/matrix.h"
#include "commands/permissions.h"
#include "commands/record.h"

namespace warroom::commands {
namespace {

using storage::EventKind;
using storage::Status;

std::string with_text(const std::string& message, const std::string& text) {
  return text.empty() ? message : message + ": " + text;
}

std::string status_message(const storage::Incident& incident, Status from, EventKind kind,
                           const std::string& text) {
  const std::string key = incident.key();
  switch (kind) {
    case EventKind::resolve:
      return with_text(fmt::format("{} resolved after {}", key,
                                   format_duration(*incident.resolved_at - incident.created_at)),
                       text);
    case EventKind::reopen:
      return with_text(fmt::format("{} reopened, back to investigating", key), text);
    case EventKind::close:
      return fmt::format("{} closed. `review` writes the post-incident review.", key);
    default:
      return with_text(
          fmt::format("{} is now {} (was {})", key, to_string(incident.status), to_string(from)),
          text);
  }
}

}  // namespace

Reply change_status(const Invocation& who, storage::Incident incident, Status to, EventKind kind,
                    const std::string& text, storage::Store& store) {
  if (auto refusal = refuse_status_change(incident, to)) return Reply::refused(*refusal);
  const Status from = incident.status;
  apply_status(incident, to, who.at);
  store.save_incident(incident);
  record(store, who, incident, kind, text,
         {{"from", std::string(to_string(from))}, {"to", std::string(to_string(to))}});
  const std::string message = status_message(incident, from, kind, text);
  const bool stakeholders = kind == EventKind::resolve || kind == EventKind::reopen;
  post(store, who, incident, stakeholders ? Audience::stakeholders : Audience::incident_channel,
       std::string(to_string(kind)), message, {{"text", text}});
  return Reply::posted(message);
}

Reply change_severity(const Invocation& who, storage::Incident incident, storage::Severity to,
                      const std::string& reason, storage::Store& store) {
  if (auto closed = refuse_if_closed(incident)) return Reply::refused(*closed);
  const storage::Severity from = incident.severity;
  if (from == to) {
    return Reply::refused(fmt::format("{} is already {}", incident.key(), to_string(to)));
  }
  const bool up = static_cast<int>(to) < static_cast<int>(from);
  if (const auto permission = severity_permission(*who.config, from, to)) {
    const std::string doing = fmt::format("{} {} from {} to {}", up ? "escalate" : "downgrade",
                                          incident.key(), to_string(from), to_string(to));
    if (auto refusal = refuse_without(who, *permission, doing)) return *refusal;
  }
  incident.severity = to;
  store.save_incident(incident);
  // Escalating applies the matrix of the severity reached; de-escalating calls nobody.
  const Escalation escalation = up ? plan_escalation(*who.config, incident, to) : Escalation{};
  storage::EventData data{{"from", std::string(to_string(from))},
                          {"to", std::string(to_string(to))},
                          {"reason", reason}};
  describe_in(escalation, data);
  record(store, who, incident, EventKind::sev, reason, std::move(data));
  const std::string message = fmt::format("{} {} to {} (was {}) by {}: {}", incident.key(),
                                          up ? "escalated" : "de-escalated", to_string(to),
                                          to_string(from), mention(who.user), reason);
  post(store, who, incident, Audience::stakeholders, "severity", message,
       {{"from", std::string(to_string(from))}, {"text", reason}}, escalation.notify);
  queue_escalation(store, who, incident, escalation, message);
  return Reply::posted(message + summary_line(escalation));
}

Reply hand_over(const Invocation& who, storage::Incident incident, const std::string& to,
                const std::string& note, storage::Store& store) {
  if (auto closed = refuse_if_closed(incident)) return Reply::refused(*closed);
  const std::string from = incident.owner;
  if (from == to) {
    return Reply::refused(fmt::format("{} already owns {}", mention(to), incident.key()));
  }
  incident.owner = to;
  if (!incident.acknowledged_at) incident.acknowledged_at = who.at;
  store.save_incident(incident);
  record(store, who, incident, EventKind::handover, note,
         {{"from", from}, {"to", to}, {"note", note}});
  const std::string handed =
      who.user == from
          ? fmt::format("{} handed {} over to {}", mention(from), incident.key(), mention(to))
          : fmt::format("{} handed {} from {} to {}", mention(who.user), incident.key(),
                        mention(from), mention(to));
  const std::string message = with_text(handed + ", the new owner", note);
  post(store, who, incident, Audience::incident_channel, "handover", message,
       {{"from", from}, {"text", note}});
  return Reply::posted(message);
}

}  // namespace warroom::commands
