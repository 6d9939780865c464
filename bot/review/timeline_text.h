// The review's words for one timeline event. Exports describe_change.
#pragma once

#include <string>

#include "storage/records.h"

namespace warroom::bot {

// What the event changed, without its kind: "SEV3 → SEV2: customers see errors",
// "comms: @bob (was @carol)", "#2 done: add an alert". Plain text (users as `@id`), not yet
// escaped. An event of a kind this version does not know shows its text, or else its data.
std::string describe_change(const storage::Event& event);

}  // namespace warroom::bot
