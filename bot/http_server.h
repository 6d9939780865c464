// The HTTP server's plumbing: limits (PITFALLS.md: pool, timeouts, keep-alive, Nagle,
// SO_REUSEPORT), one log line per request, the 500 handler, /healthz and /readyz.
#pragma once

#include <functional>
#include <mutex>
#include <string>

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib
namespace warroom::storage {
class Database;
}

namespace warroom::bot {

class Metrics;

// `metrics`, when given, counts every request's duration (it must outlive the server).
void configure_limits(httplib::Server& server, Metrics* metrics = nullptr);
// Binds `host`:`port` as Server::bind_to_port does (after configure_limits, whose socket
// options it keeps), then widens the listen backlog from httplib's 5 to 1024, so a burst of
// new connections is not made to wait a second for a resent SYN. False when it cannot bind.
bool bind_listener(httplib::Server& server, const std::string& host, int port);
// Registers a POST route whose body is read here, not by httplib: at most 64 KiB however it is
// framed (httplib 0.11.4 bounds only Content-Length bodies, so a chunked one could grow without
// limit, and it refuses form bodies over 8 KiB, a 4,000-character note in most scripts). Over
// the limit: 413 and the connection closes; multipart: 415. Otherwise `handler` runs with the
// body and, for a form, its fields in `params` (decoded by parse_form, bot/form.h).
void add_bounded_post(httplib::Server& server, const std::string& pattern,
                      std::function<void(const httplib::Request&, httplib::Response&)> handler);
// /readyz takes the database's write lock (under `db_mutex`) and rolls back.
void add_health_routes(httplib::Server& server, storage::Database& db, std::mutex& db_mutex);

}  // namespace warroom::bot
