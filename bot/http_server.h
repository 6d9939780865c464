// The HTTP server's plumbing: limits (PITFALLS.md: pool, timeouts, keep-alive, Nagle,
// SO_REUSEPORT), one log line per request, the 500 handler, /healthz and /readyz.
#pragma once

#include <mutex>

namespace httplib {
class Server;
}
namespace warroom::storage {
class Database;
}

namespace warroom::bot {

void configure_limits(httplib::Server& server);
// /readyz takes the database's write lock (under `db_mutex`) and rolls back.
void add_health_routes(httplib::Server& server, storage::Database& db, std::mutex& db_mutex);

}  // namespace warroom::bot
