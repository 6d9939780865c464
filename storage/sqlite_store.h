// SqliteStore: the SQLite implementation of Store (store.h) over one Database connection.
// Incidents live in sqlite_store.cpp, the timeline in sqlite_events.cpp, roles and the
// outbox in sqlite_outbox.cpp, delivery bookkeeping (outcomes, pauses, dedup) in
// sqlite_delivery.cpp, follow-up actions in sqlite_actions.cpp, links between incidents in
// sqlite_links.cpp, problem records in sqlite_problems.cpp.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "storage/store.h"

namespace warroom::storage {

class Database;

// Every write checks that the caller holds a transaction open (Transaction or Savepoint)
// and throws Error otherwise; nothing is cached between calls. All failures throw Error,
// including append_event, verify_chain and save_incident on an incident that does not exist
// (commands look the incident up first, so that is a broken invariant, not a user error).
class SqliteStore final : public Store {
 public:
  explicit SqliteStore(Database& db) : db_(db) {}

  Incident create_incident(const Incident& incident) override;
  void save_incident(const Incident& incident) override;
  std::optional<Incident> find_incident(std::int64_t number) override;
  std::optional<Incident> find_incident_in_channel(const std::string& channel) override;
  std::vector<Incident> list_incidents(const IncidentFilter& filter) override;
  std::vector<Incident> incidents_declared_since(TimePoint since) override;

  Event append_event(std::int64_t incident, const NewEvent& event) override;
  std::vector<Event> events(std::int64_t incident,
                            std::optional<std::size_t> last_n = std::nullopt) override;
  std::optional<Event> latest_event(std::int64_t incident, EventKind kind) override;
  std::vector<IncidentEvent> events_of_incidents_declared_since(
      TimePoint since, const std::vector<EventKind>& kinds) override;
  ChainReport verify_chain(std::int64_t incident) override;

  std::vector<Role> roles(std::int64_t incident) override;
  void set_role(std::int64_t incident, const Role& role) override;

  Action add_action(std::int64_t incident, const Action& action) override;
  void complete_action(std::int64_t incident, std::int64_t number, TimePoint at) override;
  std::vector<Action> actions(std::int64_t incident) override;

  void add_link(const Link& link) override;
  std::vector<Link> links(std::int64_t incident) override;
  std::vector<Incident> child_incidents(std::int64_t incident) override;

  Problem create_problem(const Problem& problem) override;
  void save_problem(const Problem& problem) override;
  void attach_problem(std::int64_t problem, std::int64_t incident, TimePoint at) override;
  std::optional<Problem> find_problem(std::int64_t number) override;
  std::vector<Problem> problems() override;
  std::vector<Problem> problems_of(std::int64_t incident) override;

  void bind_channel(std::int64_t incident, const std::string& channel) override;
  bool remember_delivery(const std::string& id, TimePoint at) override;

  std::int64_t enqueue(const OutboxMessage& message) override;
  std::vector<OutboxMessage> outbox_after(std::int64_t after_id) override;
  std::int64_t last_outbox_id() override;

  // Outcome writes throw Error when the message (or incident) does not exist.
  std::vector<OutboxMessage> due_messages(TimePoint now, std::size_t limit,
                                          const std::string& destination_prefix) override;
  std::optional<TimePoint> next_attempt_at() override;
  std::int64_t pending_count() override;
  std::int64_t failed_count() override;
  void mark_sent(std::int64_t id, TimePoint at) override;
  void schedule_retry(std::int64_t id, TimePoint next_attempt_at,
                      const std::string& error) override;
  void mark_failed(std::int64_t id, const std::string& error) override;
  std::int64_t fail_pending(const std::string& destination, const std::string& error) override;
  void pause_method(const std::string& method, TimePoint until) override;
  std::optional<TimePoint> method_paused_until(const std::string& method) override;

  // The ids enqueue() returned through this store, in order (rows a rollback undid included):
  // the group-commit writer learns from it whether a command queued anything, and from
  // where, without asking SQLite for every command.
  const std::vector<std::int64_t>& enqueued_ids() const { return enqueued_ids_; }

 private:
  // Throws Error naming `what` unless a transaction is open (and still alive).
  void require_transaction(std::string_view what) const;

  Database& db_;
  std::vector<std::int64_t> enqueued_ids_;
};

}  // namespace warroom::storage
