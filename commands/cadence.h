// The update cadence (DESIGN section 2, `update_every`): when an open incident has had no
// stakeholder update for its severity's interval, remind its owner in the incident channel;
// at twice the interval, tell the incident managers (`channels.managers`). The server's
// scheduler (bot/scheduler.h) runs this every second inside one write transaction.
#pragma once

#include <optional>

#include "commands/config.h"
#include "storage/store.h"

namespace warroom::commands {

// Who the reminders are from, on the timeline and in the outbox.
inline constexpr std::string_view scheduler_user = "warroom";

// Where an open incident stands against its cadence at `now`.
struct CadenceState {
  TimePoint since{};                 // the latest stakeholder update, or the declaration
  std::chrono::seconds interval{0};  // zero: no cadence at this severity
  int reminders = 0;                 // reminders sent since `since` (0, 1 or 2)
  std::optional<TimePoint> due_at;   // since + interval; nullopt without a cadence
  bool overdue = false;              // due_at has passed
};
CadenceState cadence_state(storage::Store& store, const Config& config,
                           const storage::Incident& incident, TimePoint now);

struct ReminderCount {
  int owners = 0;    // level 1: the owner was reminded in the incident channel
  int managers = 0;  // level 2: the managers' channel was told
};
// Sends every reminder that is due at `now` (each at most once per silence), recording a
// `reminder` event (data: level, interval, since) and queueing the message for each.
ReminderCount send_due_reminders(storage::Store& store, const Config& config, TimePoint now);

}  // namespace warroom::commands
