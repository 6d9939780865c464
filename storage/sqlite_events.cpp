// SqliteStore, part two: the timeline. Each append reads the chain head from the incident
// row inside the caller's transaction (another process may have written since), hashes the
// event by the rule in hash_chain.cpp, inserts it and moves the head, all in that transaction.
#include <algorithm>
#include <limits>
#include <nlohmann/json.hpp>

#include "storage/database.h"
#include "storage/error.h"
#include "storage/hash_chain.h"
#include "storage/sqlite_store.h"
#include "storage/statement.h"

namespace warroom::storage {
namespace {

// The JSON form the chain covers: an object with sorted keys (std::map and nlohmann's object
// both sort), compact, with invalid UTF-8 replaced so dumping never throws.
std::string to_json_text(const EventData& data) {
  if (data.empty()) return "{}";  // most events (notes, updates): no JSON library needed
  nlohmann::json object = nlohmann::json::object();
  for (const auto& [key, value] : data) object[key] = value;
  return object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Event::fields: `data` parsed back; string values as they are, any other value as its JSON
// text. Data that is not a JSON object (only possible by tampering) gives no fields.
EventData parse_event_data(const std::string& text) {
  const auto object = nlohmann::json::parse(text, nullptr, false);
  EventData fields;
  if (!object.is_object()) return fields;
  for (const auto& [key, value] : object.items()) {
    fields.emplace(key, value.is_string()
                            ? value.get<std::string>()
                            : value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  return fields;
}

// An event row whose `at` is not in format_utc's form cannot be hashed as stored: it is
// reported by seq instead of read.
struct StoredEvents {
  std::vector<Event> events;
  std::optional<std::int64_t> unreadable_seq;
};

// Reads one row of (seq, at, actor, kind, text, data, hash); nullopt when `at` is unreadable.
std::optional<Event> read_event(const Statement& row) {
  const auto at = parse_utc(row.column_text(1));
  if (!at) return std::nullopt;
  std::string data = row.column_text(5);
  EventData fields = parse_event_data(data);
  return Event{.seq = row.column_int(0),
               .at = *at,
               .actor = row.column_text(2),
               .kind = row.column_text(3),
               .text = row.column_text(4),
               .data = std::move(data),
               .hash = row.column_text(6),
               .fields = std::move(fields)};
}

// Reads rows of (seq, at, actor, kind, text, data, hash) until the first unreadable `at`.
StoredEvents read_events(Statement& rows) {
  StoredEvents stored;
  while (rows.step()) {
    auto event = read_event(rows);
    if (!event) {
      stored.unreadable_seq = rows.column_int(0);
      break;
    }
    stored.events.push_back(std::move(*event));
  }
  return stored;
}

struct Head {
  std::int64_t seq = 0;
  std::string hash;
};

Head read_head(Database& db, std::int64_t incident, std::string_view what) {
  constexpr std::string_view head_sql = "SELECT head_seq, head_hash FROM incidents WHERE id = ?1";
  Statement select(db, what, head_sql);
  select.bind_int(1, incident);
  if (!select.step()) {
    throw Error(std::string{what} + ": there is no INC-" + std::to_string(incident));
  }
  return Head{.seq = select.column_int(0), .hash = select.column_text(1)};
}

}  // namespace

Event SqliteStore::append_event(std::int64_t incident, const NewEvent& event) {
  constexpr std::string_view insert_sql =
      "INSERT INTO events (incident_id, seq, at, actor, kind, text, data, hash) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
  constexpr std::string_view move_head_sql =
      "UPDATE incidents SET head_seq = ?2, head_hash = ?3 WHERE id = ?1";
  require_transaction("append_event");
  const Head head = read_head(db_, incident, "append_event: read head");
  Event stored{.seq = head.seq + 1,
               .at = event.at,
               .actor = event.actor,
               .kind = std::string{to_string(event.kind)},
               .text = event.text,
               .data = to_json_text(event.data),
               .hash = {},
               .fields = {}};
  stored.hash = event_hash(head.hash, stored);
  if (!event.data.empty()) stored.fields = parse_event_data(stored.data);
  {
    Statement insert(db_, "append_event: insert", insert_sql);
    insert.bind_int(1, incident)
        .bind_int(2, stored.seq)
        .bind_time(3, stored.at)
        .bind_text(4, stored.actor)
        .bind_text(5, stored.kind)
        .bind_text(6, stored.text)
        .bind_text(7, stored.data)
        .bind_text(8, stored.hash);
    insert.run();
  }
  Statement move_head(db_, "append_event: move head", move_head_sql);
  move_head.bind_int(1, incident).bind_int(2, stored.seq).bind_text(3, stored.hash);
  move_head.run();
  return stored;
}

std::vector<Event> SqliteStore::events(std::int64_t incident, std::optional<std::size_t> last_n) {
  constexpr std::string_view all_sql =
      "SELECT seq, at, actor, kind, text, data, hash FROM events WHERE incident_id = ?1 "
      "ORDER BY seq";
  constexpr std::string_view last_sql =
      "SELECT seq, at, actor, kind, text, data, hash FROM ("
      "SELECT seq, at, actor, kind, text, data, hash FROM events WHERE incident_id = ?1 "
      "ORDER BY seq DESC LIMIT ?2) ORDER BY seq";
  Statement select(db_, "events", last_n ? last_sql : all_sql);
  select.bind_int(1, incident);
  if (last_n) {
    constexpr auto max_limit = static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max());
    select.bind_int(2, static_cast<std::int64_t>(std::min(*last_n, max_limit)));
  }
  StoredEvents stored = read_events(select);
  if (stored.unreadable_seq) {
    throw Error("events: INC-" + std::to_string(incident) + " event " +
                std::to_string(*stored.unreadable_seq) + " has a corrupt time");
  }
  return std::move(stored.events);
}

std::optional<Event> SqliteStore::latest_event(std::int64_t incident, EventKind kind) {
  constexpr std::string_view select_sql =
      "SELECT seq, at, actor, kind, text, data, hash FROM events "
      "WHERE incident_id = ?1 AND kind = ?2 ORDER BY seq DESC LIMIT 1";
  // The kind written out, so that SQLite uses the partial index events_reminders (schema 005):
  // a bound ?2 could be any kind. Other kinds are frequent enough to find walking backwards.
  constexpr std::string_view reminder_sql =
      "SELECT seq, at, actor, kind, text, data, hash FROM events "
      "WHERE incident_id = ?1 AND kind = 'reminder' ORDER BY seq DESC LIMIT 1";
  const bool reminder = kind == EventKind::reminder;
  Statement select(db_, "latest_event", reminder ? reminder_sql : select_sql);
  select.bind_int(1, incident);
  if (!reminder) select.bind_text(2, to_string(kind));
  StoredEvents stored = read_events(select);
  if (stored.unreadable_seq) {
    throw Error("latest_event: INC-" + std::to_string(incident) + " event " +
                std::to_string(*stored.unreadable_seq) + " has a corrupt time");
  }
  if (stored.events.empty()) return std::nullopt;
  return std::move(stored.events.front());
}

std::vector<IncidentEvent> SqliteStore::events_of_incidents_declared_since(
    TimePoint since, const std::vector<EventKind>& kinds) {
  // One read for the whole window. CROSS JOIN keeps incidents as the outer loop (SQLite does
  // not reorder it), so only the window's incidents have their events looked up, by the
  // (incident_id, seq) key, and the rows come out in order without a sort; left to itself
  // the planner scans every event ever written. The kinds arrive as one JSON array in ?2.
  constexpr std::string_view select_sql =
      "SELECT e.seq, e.at, e.actor, e.kind, e.text, e.data, e.hash, e.incident_id "
      "FROM incidents AS i CROSS JOIN events AS e ON e.incident_id = i.id "
      "WHERE i.created_at >= ?1 AND e.kind IN (SELECT value FROM json_each(?2)) "
      "ORDER BY i.id, e.seq";
  nlohmann::json names = nlohmann::json::array();
  for (const EventKind kind : kinds) names.push_back(to_string(kind));
  Statement select(db_, "events_of_incidents_declared_since", select_sql);
  select.bind_time(1, since).bind_text(2, names.dump());
  std::vector<IncidentEvent> found;
  while (select.step()) {
    auto event = read_event(select);
    if (!event) {
      throw Error("events_of_incidents_declared_since: INC-" +
                  std::to_string(select.column_int(7)) + " event " +
                  std::to_string(select.column_int(0)) + " has a corrupt time");
    }
    found.push_back(IncidentEvent{.incident = select.column_int(7), .event = std::move(*event)});
  }
  return found;
}

ChainReport SqliteStore::verify_chain(std::int64_t incident) {
  constexpr std::string_view select_sql =
      "SELECT seq, at, actor, kind, text, data, hash FROM events WHERE incident_id = ?1 "
      "ORDER BY seq";
  constexpr std::string_view count_sql = "SELECT COUNT(*) FROM events WHERE incident_id = ?1";
  const Head head = read_head(db_, incident, "verify_chain: read head");
  Statement select(db_, "verify_chain", select_sql);
  select.bind_int(1, incident);
  const StoredEvents stored = read_events(select);
  if (!stored.unreadable_seq) return verify_events(stored.events, head.seq, head.hash);

  // Check the readable prefix on its own; if it holds, the unreadable row is the first break.
  const std::string prefix_hash = stored.events.empty() ? "" : stored.events.back().hash;
  ChainReport report = verify_events(stored.events, std::ssize(stored.events), prefix_hash);
  if (report.intact) {
    const std::int64_t expected_seq = std::ssize(stored.events) + 1;
    const bool gap = *stored.unreadable_seq != expected_seq;
    report.intact = false;
    report.first_broken_seq = gap ? expected_seq : *stored.unreadable_seq;
    report.problem = gap ? "missing event" : "hash mismatch";
  }
  Statement count(db_, "verify_chain: count", count_sql);
  count.bind_int(1, incident);
  report.events = count.step() ? count.column_int(0) : report.events;
  return report;
}

}  // namespace warroom::storage
