// The three changes several commands share: status (status, resolve, reopen, close),
// severity (sev, escalate, deescalate) and ownership (handover, assign … commander).
// Each checks its rule, saves the incident, records one event and posts the news.
#pragma once

#include <string>

#include "commands/command.h"

namespace warroom::commands {

Reply change_status(const Invocation& who, storage::Incident incident, storage::Status to,
                    storage::EventKind kind, const std::string& text, storage::Store& store);

Reply change_severity(const Invocation& who, storage::Incident incident, storage::Severity to,
                      const std::string& reason, storage::Store& store);

// `to` becomes the owner; `note` may be empty.
Reply hand_over(const Invocation& who, storage::Incident incident, const std::string& to,
                const std::string& note, storage::Store& store);

}  // namespace warroom::commands
