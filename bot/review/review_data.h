// Everything the post-incident review shows, gathered from the Store alone and computed from
// the timeline (severity history, hand-overs, roles, phases). Plain values, not yet text: the
// Markdown comes from review.cpp and the template. Exports ReviewData and gather_review.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bot/incident_links.h"
#include "storage/records.h"
#include "storage/store.h"

namespace warroom::bot {

// One timeline event as the review lists it: `what` says what changed in words
// ("SEV3 → SEV2: customers see errors"), built from the event's kind, data and text.
struct TimelineEntry {
  std::int64_t seq = 0;
  TimePoint at{};
  std::string actor;
  std::string kind;
  std::string what;
};

// A stretch of the timeline in one status. A phase starts at the event that changed the
// status (declare, status, resolve, reopen); close stays in the resolved phase.
struct Phase {
  storage::Status status = storage::Status::investigating;
  TimePoint started_at{};
  std::vector<TimelineEntry> entries;
};

struct SeverityTime {
  storage::Severity severity = storage::Severity::sev3;
  std::chrono::milliseconds duration{0};
};

struct Handover {
  TimePoint at{};
  std::string by;  // who ran the command
  std::string from;
  std::string to;
  std::string note;
};

// One holder of one role, from an assign event until the next assign of that role.
struct RoleHeld {
  std::string role;
  std::string user;
  std::string replaced;  // the previous holder; empty when the role was new
  TimePoint from{};
  std::optional<TimePoint> until;
};

struct StakeholderUpdate {
  TimePoint at{};
  std::string author;
  std::string text;
};

struct ReviewData {
  storage::Incident incident;
  TimePoint now{};  // open incidents' durations run to here
  storage::Severity highest_severity = storage::Severity::sev3;  // the most critical it ever was
  std::string declared_by;
  std::string summary;                       // the latest resolve's text; empty before any resolve
  std::vector<SeverityTime> severity_times;  // most critical first; only severities it had
  std::string first_owner;
  std::vector<Handover> handovers;
  std::vector<RoleHeld> roles;
  std::vector<Phase> phases;
  std::size_t event_count = 0;
  std::vector<StakeholderUpdate> updates;
  std::vector<storage::Action> actions;
  std::optional<storage::Incident> parent;
  std::vector<LinkedIncident> links;       // children, duplicates, related (not the parent)
  std::vector<storage::Problem> problems;  // the problem records it is attached to
  storage::ChainReport chain;
};

// Reads INC-`number` and its timeline, roles, actions, links, problem records and chain
// report inside the caller's transaction. nullopt when there is no such incident. Storage
// errors propagate (a corrupt event time among them: the timeline cannot be shown then).
std::optional<ReviewData> gather_review(storage::Store& store, std::int64_t number, TimePoint now);

}  // namespace warroom::bot
