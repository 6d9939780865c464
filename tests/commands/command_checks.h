// Checks shared by the command tests: a refusal is ephemeral, names what was wrong, and
// changed nothing (incident rows, timelines, outbox, incident numbers); a change records
// exactly one event whose data are the expected fields.
#pragma once

#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "tests/support/chat_session.h"

namespace warroom::testing {

using commands::Outcome;
using commands::Visibility;
using std::chrono::minutes;

// Every stored field of an incident row as one line, so a difference prints readably.
inline std::string describe_row(const storage::Incident& incident) {
  const auto time = [](const std::optional<TimePoint>& at) {
    return at ? format_utc(*at) : std::string("-");
  };
  return fmt::format(
      "{} title={} sev={} status={} service={} impact={} channel={} declared_in={} owner={} "
      "created={} acknowledged={} mitigated={} resolved={} closed={} parent={} head={}:{}",
      incident.key(), incident.title, to_string(incident.severity), to_string(incident.status),
      incident.service, incident.impact, incident.channel, incident.declared_in, incident.owner,
      format_utc(incident.created_at), time(incident.acknowledged_at), time(incident.mitigated_at),
      time(incident.resolved_at), time(incident.closed_at),
      incident.parent ? std::to_string(*incident.parent) : "-", incident.head_seq,
      incident.head_hash);
}

// What a command could have changed: every incident row, every timeline, the outbox.
struct Snapshot {
  std::int64_t incidents = 0;
  std::vector<std::string> rows;
  std::vector<std::size_t> event_counts;
  std::size_t outbox = 0;
};

inline Snapshot take_snapshot(ChatSession& session) {
  Snapshot snapshot;
  snapshot.incidents = session.incident_count();
  for (std::int64_t number = 1; number <= snapshot.incidents; ++number) {
    snapshot.rows.push_back(describe_row(session.incident(number)));
    snapshot.event_counts.push_back(session.events(number).size());
  }
  snapshot.outbox = session.outbox().size();
  return snapshot;
}

inline void check_unchanged(ChatSession& session, const Snapshot& before) {
  const Snapshot after = take_snapshot(session);
  CHECK(after.incidents == before.incidents);
  CHECK(after.rows == before.rows);
  CHECK(after.event_counts == before.event_counts);
  CHECK(after.outbox == before.outbox);
}

// Runs `line` and checks that it was refused (ephemeral, saying `expected`, e.g. the usage
// line) and that nothing changed. Returns the reply for further checks.
inline commands::Reply check_refused(ChatSession& session, std::string_view user,
                                     std::string_view line, std::string_view expected,
                                     std::string_view channel = "C1") {
  INFO("line: " << line);
  const Snapshot before = take_snapshot(session);
  const auto result = session.run_full(user, line, channel);
  CHECK(result.reply.outcome == Outcome::refused);
  CHECK(result.reply.visibility == Visibility::ephemeral);
  CHECK_THAT(result.reply.text, Catch::Contains(std::string(expected)));
  CHECK(result.queued.empty());
  check_unchanged(session, before);
  return result.reply;
}

// Runs a read-only line: ok, ephemeral, nothing written. Returns the reply text.
inline std::string check_shown(ChatSession& session, std::string_view user, std::string_view line,
                               std::string_view channel = "C1") {
  INFO("line: " << line);
  const Snapshot before = take_snapshot(session);
  const auto result = session.run_full(user, line, channel);
  CHECK(result.reply.outcome == Outcome::ok);
  CHECK(result.reply.visibility == Visibility::ephemeral);
  CHECK(result.queued.empty());
  check_unchanged(session, before);
  return result.reply.text;
}

// A successful change: ok and in_channel.
inline void check_posted(const commands::Reply& reply) {
  CHECK(reply.outcome == Outcome::ok);
  CHECK(reply.visibility == Visibility::in_channel);
}

// The event a change recorded, after checking that it is exactly one new event.
inline storage::Event only_new_event(ChatSession& session, std::int64_t incident,
                                     std::size_t events_before) {
  const auto events = session.events(incident);
  REQUIRE(events.size() == events_before + 1);
  return events.back();
}

// The JSON text the store writes for `data`: compact, keys sorted (ASCII values only).
inline std::string json_of(const storage::EventData& data) {
  std::string json = "{";
  for (const auto& [key, value] : data) {
    if (json.size() > 1) json += ',';
    json += fmt::format("\"{}\":\"{}\"", key, value);
  }
  return json + "}";
}

// The event's data, both as stored (JSON) and parsed back (Event::fields).
inline void check_data(const storage::Event& event, const storage::EventData& expected) {
  CHECK(event.data == json_of(expected));
  CHECK(json_of(event.fields) == json_of(expected));  // Event::fields, printed readably
}

inline std::vector<std::string> destinations(const std::vector<storage::OutboxMessage>& rows) {
  std::vector<std::string> where;
  for (const auto& row : rows) where.push_back(row.destination);
  return where;
}

}  // namespace warroom::testing
