// Plain value types for what warroom stores: incidents, timeline events, roles and outbox
// messages, follow-up actions, links and problem records, with the closed sets (severity,
// status, event kind, relation, problem status) and their names.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/time.h"

namespace warroom::storage {

// SEV1 is the most critical. The numeric value is the number users type (`sev 1`).
enum class Severity { sev1 = 1, sev2 = 2, sev3 = 3, sev4 = 4 };
std::string_view to_string(Severity severity);                  // "SEV1"
std::optional<Severity> parse_severity(std::string_view text);  // "sev1", "SEV1", "1"

// The lifecycle is written out, with its rules, in commands/lifecycle.cpp.
enum class Status { investigating, identified, monitoring, resolved, closed };
std::string_view to_string(Status status);  // "investigating"
std::optional<Status> parse_status(std::string_view text);
bool is_open(Status status);  // investigating, identified or monitoring

// One kind per command that changes something, plus the system's own events.
enum class EventKind {
  declare,
  ack,
  sev,
  escalate,
  assign,
  handover,
  update,
  status,
  note,
  resolve,
  reopen,
  close,
  action,
  link,
  problem,
  reminder,
  delivery_failed
};
std::string_view to_string(EventKind kind);
std::optional<EventKind> parse_event_kind(std::string_view text);

// Sorted keys: this is what the hash chain covers as JSON.
using EventData = std::map<std::string, std::string>;

// The value of `name` in an event's data or an outbox message's fields; empty when absent.
std::string value_of(const std::map<std::string, std::string>& fields, const std::string& name);

struct Incident {
  std::int64_t number = 0;  // the n of INC-n
  std::string title;
  Severity severity = Severity::sev3;
  Status status = Status::investigating;
  std::string service;
  std::string impact;
  std::string channel;      // the channel bound to the incident; empty until it exists
  std::string declared_in;  // the channel the declaration came from
  std::string owner;        // the commander; never empty
  TimePoint created_at{};
  std::optional<TimePoint> acknowledged_at;
  std::optional<TimePoint> mitigated_at;
  std::optional<TimePoint> resolved_at;
  std::optional<TimePoint> closed_at;
  std::optional<std::int64_t> parent;  // number of the parent incident
  std::int64_t head_seq = 0;           // the last event's seq
  std::string head_hash;               // the last event's hash (hex); empty before the first

  std::string key() const { return "INC-" + std::to_string(number); }
};

// What a command asks to append; seq, hash and the chain head are the store's business.
struct NewEvent {
  TimePoint at{};
  std::string actor;
  EventKind kind = EventKind::note;
  std::string text;
  EventData data;
};

struct Event {
  std::int64_t seq = 0;
  TimePoint at{};
  std::string actor;
  std::string kind;  // kept as stored, so an unknown kind still verifies and exports
  std::string text;
  std::string data;  // JSON object with sorted keys, exactly as hashed
  std::string hash;  // hex SHA-256
  EventData fields;  // `data` parsed back (string values; others as their JSON text)
};

// The first broken link of an incident's chain, if any.
struct ChainReport {
  bool intact = true;
  std::int64_t events = 0;
  std::optional<std::int64_t> first_broken_seq;
  std::string problem;  // "hash mismatch", "missing event", "head does not match the last event"
};

// A chat API call to make later (the outbox). `destination` is a channel id or
// `incident:INC-7` (resolved at delivery to that incident's channel).
struct OutboxMessage {
  std::int64_t id = 0;
  std::optional<std::int64_t> incident;
  TimePoint created_at{};
  std::string destination;
  std::string method;         // chat API method, e.g. "chat.postMessage", "conversations.create"
  std::string template_name;  // the message template the text was rendered from
  std::string text;           // plain fallback text
  std::map<std::string, std::string> fields;  // structured parts for the platform renderer
  std::string state = "pending";              // pending, sent, failed
  std::int64_t attempts = 0;
  std::optional<TimePoint> next_attempt_at;
  std::string last_error;
};

struct Role {
  std::string role;
  std::string user;
  TimePoint assigned_at{};
};

// A follow-up action of an incident (`action <text> [@owner] [due:YYYY-MM-DD]`).
struct Action {
  std::int64_t number = 0;  // per incident, from 1; set by Store::add_action
  std::string text;
  std::string owner;               // a user id; empty: nobody yet
  std::optional<std::string> due;  // a calendar date, YYYY-MM-DD
  TimePoint created_at{};
  std::optional<TimePoint> done_at;
};

// How another incident relates to this one, read as "this incident's <relation> is INC-3"
// (`link INC-3 <relation>`). Parent and child live in Incident::parent; a Link row holds
// duplicate (this incident duplicates `other`) and related (symmetric).
enum class Relation { parent, child, duplicate, related };
std::string_view to_string(Relation relation);                  // "duplicate"
std::optional<Relation> parse_relation(std::string_view text);  // exact lowercase names

// A stored link between two incidents: `incident`'s `relation` is `other`.
struct Link {
  std::int64_t incident = 0;
  std::int64_t other = 0;
  Relation relation = Relation::related;
  TimePoint created_at{};
};

// A problem record's state: open (cause unknown), known-error (cause and workaround known),
// resolved (the cause is fixed).
enum class ProblemStatus { open, known_error, resolved };
std::string_view to_string(ProblemStatus status);                          // "known-error"
std::optional<ProblemStatus> parse_problem_status(std::string_view text);  // exact names

// A problem record (`problem new <title>`): the underlying cause several incidents share.
struct Problem {
  std::int64_t number = 0;  // the n of PRB-n; set by Store::create_problem
  std::string title;
  ProblemStatus status = ProblemStatus::open;
  std::string workaround;  // empty: none known yet
  TimePoint created_at{};
  std::string created_by;
  std::vector<std::int64_t> incidents;  // attached incident numbers, in the order attached

  std::string key() const { return "PRB-" + std::to_string(number); }
};

}  // namespace warroom::storage
