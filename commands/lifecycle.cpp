// The status lifecycle and the severity ladder, written once, beside the code that keeps them.
//
//   declare ─► investigating ◄─► identified ◄─► monitoring      `status <s> [note]`: any move
//                  ▲     │            │              │           among the open three
//                  │     └────────────┴──────┬───────┘
//          reopen  │                         ▼  resolve | status resolved
//                  └──────────────────── resolved
//                                            │  close
//                                            ▼
//                                         closed               final: nothing changes again
//
// Key times: acknowledged_at is the first `ack` (or first hand-over, see handover.cpp);
// mitigated_at the first time the status reaches monitoring, or resolved if monitoring was
// skipped, never moved later; resolved_at the latest resolve, cleared by reopen; closed_at
// the close. Severity: SEV1 is the most critical; escalate moves one step toward SEV1.
#include "commands/lifecycle.h"

#include <fmt/format.h>

namespace warroom::commands {

using storage::Status;

std::optional<std::string> refuse_if_closed(const storage::Incident& incident) {
  if (incident.status != Status::closed) return std::nullopt;
  return fmt::format("{} is closed, and closed is final: declare a new incident instead",
                     incident.key());
}

std::optional<std::string> refuse_status_change(const storage::Incident& incident, Status to) {
  if (auto closed = refuse_if_closed(incident)) return closed;
  const Status from = incident.status;
  const std::string key = incident.key();
  if (from == to) return fmt::format("{} is already {}", key, to_string(to));
  switch (to) {
    case Status::investigating:
    case Status::identified:
    case Status::monitoring:
      if (from == Status::resolved && to != Status::investigating) {
        return fmt::format("{} is resolved: `reopen <reason>` first", key);
      }
      return std::nullopt;
    case Status::resolved:
      return std::nullopt;
    case Status::closed:
      if (from != Status::resolved) {
        return fmt::format("{} is still {}: `resolve <summary>` it before closing", key,
                           to_string(from));
      }
      return std::nullopt;
  }
  return "unknown status";
}

void apply_status(storage::Incident& incident, Status to, TimePoint at) {
  if ((to == Status::monitoring || to == Status::resolved) && !incident.mitigated_at) {
    incident.mitigated_at = at;
  }
  if (to == Status::resolved) incident.resolved_at = at;
  if (to == Status::closed) incident.closed_at = at;
  if (incident.status == Status::resolved && is_open(to)) incident.resolved_at.reset();
  incident.status = to;
}

std::optional<storage::Severity> more_critical(storage::Severity severity) {
  if (severity == storage::Severity::sev1) return std::nullopt;
  return static_cast<storage::Severity>(static_cast<int>(severity) - 1);
}

std::optional<storage::Severity> less_critical(storage::Severity severity) {
  if (severity == storage::Severity::sev4) return std::nullopt;
  return static_cast<storage::Severity>(static_cast<int>(severity) + 1);
}

}  // namespace warroom::commands
