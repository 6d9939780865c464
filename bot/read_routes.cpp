// Wires the status page, the incident page, the export JSON, the review and the problem
// records to HTTP routes.
// Reads never take the write lock: each request opens its own connection and reads inside
// one deferred transaction (a WAL snapshot), which never blocks the group-commit writer.
#include "bot/read_routes.h"

#include <httplib.h>

#include <memory>
#include <optional>

#include "bot/export_json.h"
#include "bot/incident_page.h"
#include "bot/metrics_page.h"
#include "bot/problems_report.h"
#include "bot/read_access.h"
#include "bot/review/review.h"
#include "bot/status_page.h"
#include "bot/status_report.h"
#include "commands/arguments.h"
#include "storage/database.h"
#include "storage/sqlite_store.h"

namespace warroom::bot {
namespace {

constexpr const char* html_type = "text/html; charset=utf-8";
constexpr const char* json_type = "application/json";
constexpr const char* text_type = "text/plain; charset=utf-8";
constexpr const char* markdown_type = "text/markdown; charset=utf-8";

// A consistent view of the database for one request: BEGIN (deferred, so no lock until the
// first read, and never the write lock), rolled back at the end.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(storage::Database& db) : db_(db) { db_.execute("BEGIN", "begin read"); }
  ~ReadSnapshot() {
    try {
      if (db_.in_transaction()) db_.execute("ROLLBACK", "end read");
    } catch (...) {  // the connection closes right after, which ends the read anyway
    }
  }
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;
  ReadSnapshot(ReadSnapshot&&) = delete;
  ReadSnapshot& operator=(ReadSnapshot&&) = delete;

 private:
  storage::Database& db_;
};

// One granted read: what a route needs to answer it.
struct Read {
  const ReadEndpoints& endpoints;
  storage::Store& store;
  const httplib::Request& request;
  std::string link_query;  // "?token=…" when the request carried it in its query
  TimePoint now;

  // INC-n from the route's first capture; nullopt when malformed.
  [[nodiscard]] std::optional<std::int64_t> incident_number() const {
    return commands::parse_incident_key(request.matches[1].str());
  }
};

using Route = void (*)(const Read& read, httplib::Response& response);

struct State {
  ReadEndpoints endpoints;
  ReadAccess access;
};

httplib::Server::Handler guarded(const std::shared_ptr<const State>& state, Route route) {
  return [state, route](const httplib::Request& request, httplib::Response& response) {
    if (!state->access.check(request, response)) return;
    response.set_header("Cache-Control", "no-store");
    response.set_header("X-Content-Type-Options", "nosniff");
    storage::Database db(state->endpoints.database_path);
    const ReadSnapshot snapshot(db);
    storage::SqliteStore store(db);
    route(Read{.endpoints = state->endpoints,
               .store = store,
               .request = request,
               .link_query = state->access.link_query(request),
               .now = state->endpoints.clock.now()},
          response);
  };
}

// Sets the body, or answers 404 when there is none (unknown incident or malformed key).
void answer(const Read& read, httplib::Response& response, const std::optional<std::string>& body,
            const char* content_type) {
  if (body) return response.set_content(*body, content_type);
  response.status = 404;
  response.set_content("no such incident: " + read.request.matches[1].str() + "\n", text_type);
}

void show_status(const Read& read, httplib::Response& response) {
  const auto report = collect_status(read.store, read.endpoints.config, read.now);
  response.set_content(render_status_html(report, read.link_query), html_type);
}

void show_status_json(const Read& read, httplib::Response& response) {
  const auto report = collect_status(read.store, read.endpoints.config, read.now);
  response.set_content(render_status_json(report), json_type);
}

void show_incident(const Read& read, httplib::Response& response) {
  const auto number = read.incident_number();
  answer(read, response,
         number ? render_incident_html(read.store, *number, read.endpoints.config, read.now,
                                       read.link_query)
                : std::nullopt,
         html_type);
}

void show_incident_json(const Read& read, httplib::Response& response) {
  const auto number = read.incident_number();
  answer(read, response, number ? export_incident(read.store, *number) : std::nullopt, json_type);
}

void show_review(const Read& read, httplib::Response& response, ReviewFormat format) {
  const auto number = read.incident_number();
  answer(read, response,
         number ? render_review(read.store, *number, format, read.endpoints.templates, read.now)
                : std::nullopt,
         format == ReviewFormat::markdown ? markdown_type : html_type);
}

void show_review_markdown(const Read& read, httplib::Response& response) {
  show_review(read, response, ReviewFormat::markdown);
}

void show_review_html(const Read& read, httplib::Response& response) {
  show_review(read, response, ReviewFormat::html);
}

// Prometheus text format: the in-process counters and what the database says right now.
void show_metrics(const Read& read, httplib::Response& response) {
  const auto figures = read_database_figures(read.store, read.endpoints.config, read.now);
  response.set_content(render_metrics(*read.endpoints.metrics, figures), metrics_content_type);
}

void show_problems_json(const Read& read, httplib::Response& response) {
  response.set_content(problems_json(read.store), json_type);
}

}  // namespace

void add_read_routes(httplib::Server& server, const ReadEndpoints& endpoints) {
  const auto state = std::make_shared<const State>(
      State{.endpoints = endpoints, .access = ReadAccess(endpoints.read_token)});
  server.Get("/status", guarded(state, show_status));
  server.Get("/status.json", guarded(state, show_status_json));
  server.Get(R"(/incidents/([^/.]+))", guarded(state, show_incident));
  server.Get(R"(/incidents/([^/.]+)\.json)", guarded(state, show_incident_json));
  server.Get(R"(/incidents/([^/.]+)/review\.md)", guarded(state, show_review_markdown));
  server.Get(R"(/incidents/([^/.]+)/review\.html)", guarded(state, show_review_html));
  server.Get("/problems.json", guarded(state, show_problems_json));
  if (endpoints.metrics) server.Get("/metrics", guarded(state, show_metrics));
}

}  // namespace warroom::bot
