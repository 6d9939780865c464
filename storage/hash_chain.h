// The timeline's hash chain as pure functions: the hash of one event, and the verification
// of an incident's whole chain against the head kept on its row. The rule is in the .cpp.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "storage/records.h"

namespace warroom::storage {

// The lowercase hex SHA-256 of `event` chained to `previous_hex` (the previous event's hash;
// empty for seq 1). Ignores event.hash. Throws Error if `previous_hex` is neither empty nor
// 64 hex digits (a corrupt chain head).
std::string event_hash(std::string_view previous_hex, const Event& event);

// Checks `events` (seq order, as stored) from seq 1 and then the incident's head. Reports the
// first broken seq: "missing event" for a gap, "hash mismatch" when an event's stored hash is
// not the recomputed one, "head does not match the last event" when head_seq/head_hash
// disagree with the last event (e.g. the last event was deleted: the head's seq is reported).
ChainReport verify_events(const std::vector<Event>& events, std::int64_t head_seq,
                          std::string_view head_hash);

}  // namespace warroom::storage
