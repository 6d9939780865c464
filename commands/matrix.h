// The escalation matrix (DESIGN section 2, "severities"): what reaching a severity sets in
// motion. Applied by `declare` and by every escalation (severity going up): invite people
// into the incident channel, notify channels, page a webhook. Each goes through the outbox,
// and the event of the change records what was done.
#pragma once

#include <string>
#include <vector>

#include "commands/command.h"

namespace warroom::commands {

struct Escalation {
  storage::Severity severity = storage::Severity::sev3;
  std::vector<std::string> invite;  // user ids (never the owner)
  std::vector<std::string> notify;  // channel ids
  bool page = false;                // the severity has a paging webhook

  bool empty() const { return invite.empty() && notify.empty() && !page; }
};

// What reaching `severity` asks for; `also_invite` (principals, e.g. a service's owners) joins
// the severity's own invite list.
Escalation plan_escalation(const Config& config, const storage::Incident& incident,
                           storage::Severity severity,
                           const std::vector<std::string>& also_invite = {});

// Adds `invited`, `notified` and `paged` to an event's data (nothing for an empty plan).
void describe_in(const Escalation& escalation, storage::EventData& data);
// "\nSEV1 matrix: invited @a, @b · notified C0EXECS · paged"; empty for an empty plan.
std::string summary_line(const Escalation& escalation);

// Invites `users` into the incident's own channel, one conversations.invite each; nothing
// when incident channels are off (a shared channel is not the bot's to fill).
void queue_invites(storage::Store& store, const Invocation& who, const storage::Incident& incident,
                   const std::vector<std::string>& users);

// Queues the invitations (one conversations.invite per user, into the incident's own channel,
// when incident channels are on) and
// the page (destination `page:SEV1`, delivered to the URL the config holds at delivery time,
// so the URL is never stored). Notifications go with the change's own post (record.h).
void queue_escalation(storage::Store& store, const Invocation& who,
                      const storage::Incident& incident, const Escalation& escalation,
                      const std::string& text);

}  // namespace warroom::commands
