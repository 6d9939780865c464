// The HTTP server's plumbing: limits, request log lines, the 500 handler, health routes.
#include "bot/http_server.h"

#include <httplib.h>
#include <spdlog/spdlog.h>

#include <chrono>

#include "bot/form.h"
#include "bot/metrics.h"
#include "storage/database.h"
#include "storage/error.h"
#include "storage/transaction.h"

namespace warroom::bot {
namespace {

constexpr int pool_threads = 256;
constexpr std::size_t max_body_bytes = 64 * 1024;

thread_local std::chrono::steady_clock::time_point request_started_at;

// httplib listens with a backlog of 5, baked into Debian's .so: a burst of new connections
// overflowed it and the kernel dropped their SYNs, which clients resend after 1 s (14 of 32
// simultaneous /healthz waited 1.2 s, past half of Slack's 3-second budget).
constexpr int listen_backlog = 1024;

// SO_REUSEADDR only: httplib's default also sets SO_REUSEPORT, which lets a second warroom on
// the same port silently share its traffic; a taken port must be an error.
void reuse_address(socket_t socket) {
  int yes = 1;
  setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
}

}  // namespace

void configure_limits(httplib::Server& server, Metrics* metrics) {
  server.new_task_queue = [] { return new httplib::ThreadPool(pool_threads); };
  server.set_read_timeout(2);
  server.set_write_timeout(2);
  server.set_keep_alive_timeout(2);
  server.set_keep_alive_max_count(1000);
  server.set_tcp_nodelay(true);
  server.set_payload_max_length(max_body_bytes);
  server.set_socket_options(reuse_address);
  server.set_pre_routing_handler([](const httplib::Request& request, httplib::Response& response) {
    request_started_at = std::chrono::steady_clock::now();
    const bool has_body_length =
        request.has_header("Content-Length") || request.has_header("Transfer-Encoding");
    if (request.method == "POST" && !has_body_length) {
      response.status = 411;
      response.set_content("a POST needs Content-Length\n", "text/plain");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  server.set_logger([metrics](const httplib::Request& request, const httplib::Response& response) {
    // A request httplib refused before routing (malformed) never set the start: count 0.
    const bool started = request_started_at != std::chrono::steady_clock::time_point{};
    const auto took = started ? std::chrono::steady_clock::now() - request_started_at
                              : std::chrono::steady_clock::duration{};
    request_started_at = {};
    if (metrics != nullptr) metrics->observe_request(request.path, took);
    spdlog::info("{} {} {} {:.3f}ms", request.method, request.path, response.status,
                 std::chrono::duration<double, std::milli>(took).count());
  });
  server.set_exception_handler(
      [](const httplib::Request& request, httplib::Response& response, std::exception_ptr error) {
        try {
          std::rethrow_exception(std::move(error));
        } catch (const std::exception& e) {
          spdlog::error("{} {} failed: {}", request.method, request.path, e.what());
        } catch (...) {
          spdlog::error("{} {} failed", request.method, request.path);
        }
        response.status = 500;
        response.set_content("internal error\n", "text/plain");
      });
}

bool bind_listener(httplib::Server& server, const std::string& host, int port) {
  socket_t listening = INVALID_SOCKET;
  server.set_socket_options([&listening](socket_t socket) {
    reuse_address(socket);
    listening = socket;  // bind_to_port stops at the first socket that binds: this one
  });
  const bool bound = server.bind_to_port(host, port);
  server.set_socket_options(reuse_address);
  if (bound) ::listen(listening, listen_backlog);  // listening again only widens the backlog
  return bound;
}

void add_bounded_post(httplib::Server& server, const std::string& pattern,
                      std::function<void(const httplib::Request&, httplib::Response&)> handler) {
  server.Post(pattern, [handler = std::move(handler)](const httplib::Request& request,
                                                      httplib::Response& response,
                                                      const httplib::ContentReader& read_body) {
    if (request.is_multipart_form_data()) {  // httplib would need a second reader for these
      response.status = 415;
      response.set_content("multipart bodies are not accepted\n", "text/plain");
      return;
    }
    std::string body;
    bool too_large = false;
    const bool complete = read_body([&](const char* data, std::size_t length) {
      too_large = body.size() + length > max_body_bytes;
      if (!too_large) body.append(data, length);
      return !too_large;
    });
    if (!complete) {  // httplib already answered 413 for a Content-Length over the limit
      response.status = too_large || response.status == 413 ? 413 : 400;
      response.set_header("Connection", "close");  // the rest of the body is still unread
      return;
    }
    // httplib hands every handler its own Request object, which is not const (httplib gives
    // a content-reader route no body and no params): filling them in here spares a copy of
    // the whole request, headers and all, on every POST.
    auto& whole = const_cast<httplib::Request&>(request);
    whole.body = std::move(body);
    if (whole.get_header_value("Content-Type").starts_with("application/x-www-form-urlencoded")) {
      parse_form(whole.body, whole.params);
    }
    handler(whole, response);
  });
}

void add_health_routes(httplib::Server& server, storage::Database& db, std::mutex& db_mutex) {
  server.Get("/healthz", [](const httplib::Request&, httplib::Response& response) {
    response.set_content("ok\n", "text/plain");
  });
  server.Get("/readyz", [&db, &db_mutex](const httplib::Request&, httplib::Response& response) {
    try {
      const std::scoped_lock lock(db_mutex);
      const storage::Transaction probe(db);  // takes the write lock, then rolls back
      response.set_content("ready\n", "text/plain");
    } catch (const storage::Error& error) {
      response.status = 503;
      response.set_content(std::string("database not writable: ") + error.what() + "\n",
                           "text/plain");
    }
  });
}

}  // namespace warroom::bot
