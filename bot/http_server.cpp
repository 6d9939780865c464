// The HTTP server's plumbing: limits, request log lines, the 500 handler, health routes.
#include "bot/http_server.h"

#include <httplib.h>
#include <spdlog/spdlog.h>

#include <chrono>

#include "storage/database.h"
#include "storage/error.h"
#include "storage/transaction.h"

namespace warroom::bot {
namespace {

constexpr int pool_threads = 256;
constexpr std::size_t max_body_bytes = 64 * 1024;

thread_local std::chrono::steady_clock::time_point request_started_at;

}  // namespace

void configure_limits(httplib::Server& server) {
  server.new_task_queue = [] { return new httplib::ThreadPool(pool_threads); };
  server.set_read_timeout(2);
  server.set_write_timeout(2);
  server.set_keep_alive_timeout(2);
  server.set_keep_alive_max_count(1000);
  server.set_tcp_nodelay(true);
  server.set_payload_max_length(max_body_bytes);
  // httplib's default also sets SO_REUSEPORT, which lets a second warroom on the same port
  // silently share its traffic; a taken port must be an error.
  server.set_socket_options([](socket_t socket) {
    int yes = 1;
    setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
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
  server.set_logger([](const httplib::Request& request, const httplib::Response& response) {
    const auto took = std::chrono::steady_clock::now() - request_started_at;
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
