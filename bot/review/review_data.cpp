// Gathers the review's facts from the Store and derives the histories the timeline implies:
// severity over time, owners and hand-overs, role holders, and phases by status.
#include "bot/review/review_data.h"

#include <algorithm>
#include <array>
#include <map>

#include "bot/review/timeline_text.h"
#include "storage/hash_chain.h"

namespace warroom::bot {
namespace {

using storage::Event;
using storage::Severity;
using storage::Status;

bool more_critical(Severity a, Severity b) {
  return static_cast<int>(a) < static_cast<int>(b);
}

// The severity at declaration: the declare event's, else what the first change started from.
Severity initial_severity(const ReviewData& review, const std::vector<Event>& events) {
  for (const auto& event : events) {
    if (event.kind == "declare") {
      if (auto severity = storage::parse_severity(storage::value_of(event.fields, "severity")))
        return *severity;
    }
    if (event.kind == "sev") {
      if (auto severity = storage::parse_severity(storage::value_of(event.fields, "from")))
        return *severity;
    }
  }
  return review.incident.severity;
}

// Time at each severity from the declaration to the resolution (or now, while unresolved).
void add_severity_history(ReviewData& review, const std::vector<Event>& events) {
  const TimePoint end = review.incident.resolved_at.value_or(review.now);
  Severity current = initial_severity(review, events);
  review.highest_severity = current;
  std::array<std::optional<std::chrono::milliseconds>, 4> spent{};
  TimePoint since = review.incident.created_at;
  const auto spend = [&](TimePoint until) {
    const auto span = std::max(std::chrono::milliseconds(0), std::min(until, end) - since);
    auto& slot = spent.at(static_cast<std::size_t>(current) - 1);
    slot = slot.value_or(std::chrono::milliseconds(0)) + span;
    since = std::max(since, std::min(until, end));
  };
  for (const auto& event : events) {
    if (event.kind != "sev") continue;
    const auto to = storage::parse_severity(storage::value_of(event.fields, "to"));
    if (!to) continue;
    spend(event.at);
    current = *to;
    if (more_critical(current, review.highest_severity)) review.highest_severity = current;
  }
  spend(end);
  for (std::size_t i = 0; i < spent.size(); ++i) {
    if (!spent.at(i)) continue;
    review.severity_times.push_back(
        SeverityTime{.severity = static_cast<Severity>(i + 1), .duration = *spent.at(i)});
  }
}

void add_people(ReviewData& review, const std::vector<Event>& events) {
  std::map<std::string, std::size_t> current_holder;  // role → index in review.roles
  for (const auto& event : events) {
    if (event.kind == "declare" && review.declared_by.empty()) review.declared_by = event.actor;
    if (event.kind == "handover") {
      if (review.first_owner.empty()) review.first_owner = storage::value_of(event.fields, "from");
      review.handovers.push_back(Handover{.at = event.at,
                                          .by = event.actor,
                                          .from = storage::value_of(event.fields, "from"),
                                          .to = storage::value_of(event.fields, "to"),
                                          .note = event.text});
    }
    if (event.kind == "assign") {
      const std::string role = storage::value_of(event.fields, "role");
      if (const auto held = current_holder.find(role); held != current_holder.end()) {
        review.roles[held->second].until = event.at;
      }
      current_holder[role] = review.roles.size();
      review.roles.push_back(RoleHeld{.role = role,
                                      .user = storage::value_of(event.fields, "to"),
                                      .replaced = storage::value_of(event.fields, "from"),
                                      .from = event.at});
    }
  }
  if (review.first_owner.empty()) {
    review.first_owner = review.declared_by.empty() ? review.incident.owner : review.declared_by;
  }
}

// The status an event moves the incident to, if it is a status change.
std::optional<Status> status_after(const Event& event) {
  if (event.kind == "declare" || event.kind == "reopen") return Status::investigating;
  if (event.kind == "resolve") return Status::resolved;
  if (event.kind == "status") return storage::parse_status(storage::value_of(event.fields, "to"));
  return std::nullopt;
}

void add_timeline(ReviewData& review, const std::vector<Event>& events) {
  for (const auto& event : events) {
    const auto status = status_after(event);
    if (review.phases.empty() || (status && *status != review.phases.back().status)) {
      review.phases.push_back(
          Phase{.status = status.value_or(Status::investigating), .started_at = event.at});
    }
    review.phases.back().entries.push_back(TimelineEntry{.seq = event.seq,
                                                         .at = event.at,
                                                         .actor = event.actor,
                                                         .kind = event.kind,
                                                         .what = describe_change(event)});
    if (event.kind == "update") {
      review.updates.push_back(
          StakeholderUpdate{.at = event.at, .author = event.actor, .text = event.text});
    }
    if (event.kind == "resolve") review.summary = event.text;
  }
  review.event_count = events.size();
}

}  // namespace

std::optional<ReviewData> gather_review(storage::Store& store, std::int64_t number, TimePoint now) {
  auto incident = store.find_incident(number);
  if (!incident) return std::nullopt;
  ReviewData review{.incident = std::move(*incident), .now = now};
  const auto events = store.events(number);
  add_severity_history(review, events);
  add_people(review, events);
  add_timeline(review, events);
  review.actions = store.actions(number);
  if (review.incident.parent) review.parent = store.find_incident(*review.incident.parent);
  for (auto& linked : linked_incidents(store, review.incident)) {
    if (linked.relation != "parent") review.links.push_back(std::move(linked));
  }
  review.problems = store.problems_of(number);
  // Store::verify_chain's check, run on the events this transaction has already read against
  // the head on the incident row read in it too: reading 10,000 events twice cost a sixth of
  // the review's 50 ms budget. (An event with an unreadable time made events() throw above.)
  review.chain =
      storage::verify_events(events, review.incident.head_seq, review.incident.head_hash);
  return review;
}

}  // namespace warroom::bot
