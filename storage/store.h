// The repository interface commands speak to, in domain words. SQLite is the first
// implementation (sqlite_store.h); a second engine implements this same interface.
// A Store is always used inside a transaction its caller owns; it never commits.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/records.h"

namespace warroom::storage {

struct IncidentFilter {
  bool open_only = false;      // investigating, identified, monitoring
  bool include_closed = true;  // false: leave closed incidents out
  std::size_t limit = 50;      // newest first
};

// One timeline event with the number of the incident it belongs to (reads across incidents).
struct IncidentEvent {
  std::int64_t incident = 0;
  Event event;
};

class Store {
 public:
  virtual ~Store() = default;

  // Creates the incident with the next free number (nothing is burned if the caller rolls
  // back) and returns it with `number` set. The incident has no events yet.
  virtual Incident create_incident(const Incident& incident) = 0;
  // Writes every mutable field of an existing incident (not the chain head).
  virtual void save_incident(const Incident& incident) = 0;
  virtual std::optional<Incident> find_incident(std::int64_t number) = 0;
  // The newest incident bound to `channel` that is not closed.
  virtual std::optional<Incident> find_incident_in_channel(const std::string& channel) = 0;
  virtual std::vector<Incident> list_incidents(const IncidentFilter& filter) = 0;
  // Every incident declared at or after `since` (created_at >= since), oldest number first,
  // with no limit (stats reads a whole window).
  virtual std::vector<Incident> incidents_declared_since(TimePoint since) = 0;

  // Appends to the incident's timeline, extending its hash chain from the head as stored
  // now (never from a cache), and moves the head. Returns the stored event.
  virtual Event append_event(std::int64_t incident, const NewEvent& event) = 0;
  // All events in seq order, or only the last `last_n` when given.
  virtual std::vector<Event> events(std::int64_t incident,
                                    std::optional<std::size_t> last_n = std::nullopt) = 0;
  // The newest event of `kind`, or nullopt when the incident has none.
  virtual std::optional<Event> latest_event(std::int64_t incident, EventKind kind) = 0;
  // The events of `kinds` of every incident declared at or after `since`, by incident number
  // then seq, in one read (not one per incident). No kinds: no events. Throws Error on a
  // corrupt event time.
  virtual std::vector<IncidentEvent> events_of_incidents_declared_since(
      TimePoint since, const std::vector<EventKind>& kinds) = 0;
  // Recomputes the chain from what is stored; reports the first broken seq.
  virtual ChainReport verify_chain(std::int64_t incident) = 0;

  // Roles other than the commander (who is Incident::owner). One holder per role.
  virtual std::vector<Role> roles(std::int64_t incident) = 0;
  virtual void set_role(std::int64_t incident, const Role& role) = 0;

  // Follow-up actions. add_action numbers the action (the incident's highest number + 1,
  // read inside the caller's transaction) and returns it stored. complete_action sets
  // done_at; it throws Error when the action does not exist or is already done (commands
  // check first). actions lists them by number.
  virtual Action add_action(std::int64_t incident, const Action& action) = 0;
  virtual void complete_action(std::int64_t incident, std::int64_t number, TimePoint at) = 0;
  virtual std::vector<Action> actions(std::int64_t incident) = 0;

  // Links between incidents besides parent and child (those are Incident::parent, saved with
  // save_incident). add_link stores a duplicate or related link; it throws Error for parent
  // or child, for a link that already exists, or for an incident that does not exist
  // (commands check first). links lists every link naming `incident` on either side, oldest
  // first. child_incidents lists the incidents whose parent is `incident`, by number.
  virtual void add_link(const Link& link) = 0;
  virtual std::vector<Link> links(std::int64_t incident) = 0;
  virtual std::vector<Incident> child_incidents(std::int64_t incident) = 0;

  // Problem records. create_problem numbers it (highest PRB + 1, read inside the caller's
  // transaction) and returns it stored, with no incidents yet. save_problem writes its title,
  // status and workaround (throws Error when it does not exist). attach_problem attaches an
  // incident; it throws Error when it is attached already (commands check first). Every
  // Problem returned carries its incident numbers in the order they were attached;
  // problems() lists all by number, problems_of(incident) those the incident is attached to.
  virtual Problem create_problem(const Problem& problem) = 0;
  virtual void save_problem(const Problem& problem) = 0;
  virtual void attach_problem(std::int64_t problem, std::int64_t incident, TimePoint at) = 0;
  virtual std::optional<Problem> find_problem(std::int64_t number) = 0;
  virtual std::vector<Problem> problems() = 0;
  virtual std::vector<Problem> problems_of(std::int64_t incident) = 0;

  // Binds the incident to its own channel, once the chat platform created it.
  virtual void bind_channel(std::int64_t incident, const std::string& channel) = 0;

  // Remembers a platform delivery id (a Slack event_id) in the caller's transaction: true the
  // first time, false when it was seen before. Stored with the command the event ran, so a
  // retry after a crash before that commit still runs once.
  virtual bool remember_delivery(const std::string& id, TimePoint at) = 0;

  // Queues a chat API call; returns its id.
  virtual std::int64_t enqueue(const OutboxMessage& message) = 0;
  // Messages with an id above `after_id`, oldest first (any state).
  virtual std::vector<OutboxMessage> outbox_after(std::int64_t after_id) = 0;
  virtual std::int64_t last_outbox_id() = 0;

  // --- Delivery (the outbox worker). ---
  // Pending messages that may be attempted at `now`, oldest first, at most `limit`: for each
  // destination only its oldest pending message (per-destination order), and only when that
  // one is due (next_attempt_at empty or not after `now`). A non-empty `destination_prefix`
  // keeps only destinations starting with it (`page:` when no chat platform is configured).
  virtual std::vector<OutboxMessage> due_messages(TimePoint now, std::size_t limit,
                                                  const std::string& destination_prefix) = 0;
  // When the next message may become due: the earliest next_attempt_at (created_at when it
  // has none) among the oldest pending messages of each destination, the only ones
  // due_messages can return; nullopt when nothing is pending. May be in the past.
  virtual std::optional<TimePoint> next_attempt_at() = 0;
  virtual std::int64_t pending_count() = 0;
  // Messages that failed for good (state failed), ever.
  virtual std::int64_t failed_count() = 0;
  // Each counts one more attempt.
  virtual void mark_sent(std::int64_t id, TimePoint at) = 0;
  virtual void schedule_retry(std::int64_t id, TimePoint next_attempt_at,
                              const std::string& error) = 0;
  virtual void mark_failed(std::int64_t id, const std::string& error) = 0;
  // Marks every pending message for `destination` failed with `error`; returns how many.
  virtual std::int64_t fail_pending(const std::string& destination, const std::string& error) = 0;
  // A 429 pauses one chat API method until `until`; stored, so a restart keeps the pause.
  virtual void pause_method(const std::string& method, TimePoint until) = 0;
  virtual std::optional<TimePoint> method_paused_until(const std::string& method) = 0;
};

}  // namespace warroom::storage
