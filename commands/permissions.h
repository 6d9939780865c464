// Who may do what (DESIGN section 2, "permissions"): declaring a major incident, escalating
// to or downgrading from a major severity, closing and reopening. Checked in the command
// layer, before anything changes.
#pragma once

#include <optional>
#include <string_view>

#include "commands/command.h"

namespace warroom::commands {

// nullopt when the invoking user holds `permission`; otherwise the refusal, which names what
// was asked (`doing`, e.g. "close INC-7"), the permission, and who holds it.
std::optional<Reply> refuse_without(const Invocation& who, Permission permission,
                                    std::string_view doing);

// The severity change's permission, if it needs one: escalate_major when `to` is more
// critical and major, downgrade_major when `to` is less critical and `from` is major.
std::optional<Permission> severity_permission(const Config& config, storage::Severity from,
                                              storage::Severity to);

}  // namespace warroom::commands
