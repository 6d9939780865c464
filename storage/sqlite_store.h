// SqliteStore: the SQLite implementation of Store (store.h) over one Database connection.
// Incidents live in sqlite_store.cpp, the timeline in sqlite_events.cpp, roles and the
// outbox in sqlite_outbox.cpp.
#pragma once

#include <string_view>

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

  Event append_event(std::int64_t incident, const NewEvent& event) override;
  std::vector<Event> events(std::int64_t incident,
                            std::optional<std::size_t> last_n = std::nullopt) override;
  ChainReport verify_chain(std::int64_t incident) override;

  std::vector<Role> roles(std::int64_t incident) override;
  void set_role(std::int64_t incident, const Role& role) override;

  std::int64_t enqueue(const OutboxMessage& message) override;
  std::vector<OutboxMessage> outbox_after(std::int64_t after_id) override;
  std::int64_t last_outbox_id() override;

 private:
  // Throws Error naming `what` unless a transaction is open (and still alive).
  void require_transaction(std::string_view what) const;

  Database& db_;
};

}  // namespace warroom::storage
