// The rules of an incident's life: which status changes are allowed, what each one does to
// the key times, and how severity steps up and down. The diagram is in lifecycle.cpp.
#pragma once

#include <optional>
#include <string>

#include "storage/records.h"

namespace warroom::commands {

// Why `incident` may not move to `to`, or nullopt when it may. Covers `status`, `resolve`,
// `reopen` and `close`; closed is final.
std::optional<std::string> refuse_status_change(const storage::Incident& incident,
                                                storage::Status to);
// Moves the incident to `to` and keeps the key times: mitigated_at is set once (monitoring,
// or resolved when monitoring was skipped), resolved_at is the latest resolve and is cleared
// by reopen, closed_at is set by close.
void apply_status(storage::Incident& incident, storage::Status to, TimePoint at);

// Why nothing may change on `incident` (it is closed), or nullopt.
std::optional<std::string> refuse_if_closed(const storage::Incident& incident);

// One step more critical (SEV3 → SEV2), or nullopt at SEV1.
std::optional<storage::Severity> more_critical(storage::Severity severity);
// One step less critical (SEV2 → SEV3), or nullopt at SEV4.
std::optional<storage::Severity> less_critical(storage::Severity severity);

}  // namespace warroom::commands
