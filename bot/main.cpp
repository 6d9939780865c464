// warroom's entry point: the verbs (DESIGN section 1) and their flags, wired to bot/.
// Exit codes: 0 ok, 2 usage error, 1 anything else, with a one-line reason on stderr.
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <optional>

#include "bot/console.h"
#include "bot/environment.h"
#include "bot/export_json.h"
#include "bot/logging.h"
#include "bot/problems_report.h"
#include "bot/review/review.h"
#include "bot/server.h"
#include "bot/stats_json.h"
#include "commands/arguments.h"
#include "commands/clock.h"
#include "commands/stats.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/sqlite_store.h"
#include "storage/transaction.h"
#include "templates/templates.h"

namespace {

using namespace warroom;

std::string default_database() {
  return bot::environment("WARROOM_DB").value_or("warroom.db");
}

int run_export(const std::string& database_path, const std::string& key) {
  storage::Database db(database_path);
  storage::migrate(db);
  storage::Transaction transaction(db);
  storage::SqliteStore store(db);
  if (key.empty()) {
    std::cout << bot::export_all(store) << '\n';
    return 0;
  }
  const auto number = commands::parse_incident_key(key);
  if (!number) {
    std::cerr << "warroom: export: expected an incident key like INC-7, got \"" << key << "\"\n";
    return 2;
  }
  const auto document = bot::export_incident(store, *number);
  if (!document) {
    std::cerr << "warroom: export: there is no " << key << "\n";
    return 1;
  }
  std::cout << *document << '\n';
  return 0;
}

struct ReviewOptions {
  std::string key;
  std::string format = "md";
  std::string output;  // empty: stdout
};

int run_review(const std::string& database_path, const ReviewOptions& options) {
  const auto number = commands::parse_incident_key(options.key);
  if (!number) {
    std::cerr << "warroom: review: expected an incident key like INC-7, got \"" << options.key
              << "\"\n";
    return 2;
  }
  const auto format =
      options.format == "html" ? bot::ReviewFormat::html : bot::ReviewFormat::markdown;
  const templates::Templates templates(bot::environment("WARROOM_TEMPLATES").value_or(""));
  storage::Database db(database_path);
  storage::migrate(db);
  storage::Transaction transaction(db);
  storage::SqliteStore store(db);
  const auto document =
      bot::render_review(store, *number, format, templates, commands::SystemClock().now());
  if (!document) {
    std::cerr << "warroom: review: there is no " << options.key << "\n";
    return 1;
  }
  if (options.output.empty()) {
    std::cout << *document;
    return 0;
  }
  std::ofstream file(options.output, std::ios::binary | std::ios::trunc);
  file << *document;
  file.close();
  if (!file) throw std::runtime_error("review: cannot write " + options.output);
  return 0;
}

CLI::App* add_review_verb(CLI::App& app, ReviewOptions& options, std::string& database_path) {
  auto* review = app.add_subcommand("review", "Write the post-incident review of one incident");
  review->add_option("incident", options.key, "INC-n")->required();
  review->add_option("--db", database_path, "SQLite database file (WARROOM_DB)")
      ->capture_default_str();
  review->add_option("--format", options.format, "md (Markdown) or html (a whole page)")
      ->check(CLI::IsMember({"md", "html"}))
      ->capture_default_str();
  review->add_option("-o,--output", options.output, "Write to FILE instead of stdout");
  return review;
}

struct StatsOptions {
  std::string since = "30d";
  bool json = false;
  std::optional<std::string> config_path;  // --config; bot::load_config falls back to the env
};

int run_stats(const std::string& database_path, const StatsOptions& options) {
  const auto window = commands::parse_stats_window(options.since);
  if (!window) {
    std::cerr << "warroom: stats: --since expects a number of days like 30d (1d to "
              << commands::max_stats_days << "d), got \"" << options.since << "\"\n";
    return 2;
  }
  const commands::Config config = bot::load_config(options.config_path);
  storage::Database db(database_path);
  storage::migrate(db);
  // A deferred read: one consistent snapshot that never takes the write lock, so a running
  // server keeps committing meanwhile. Closing the connection ends it on any error.
  db.execute("BEGIN", "stats: begin read");
  storage::SqliteStore store(db);
  const auto stats = commands::collect_stats(store, config, commands::SystemClock().now(), *window);
  db.execute("ROLLBACK", "stats: end read");
  std::cout << (options.json ? bot::render_stats_json(stats) : commands::render_stats_text(stats))
            << '\n';
  return 0;
}

CLI::App* add_stats_verb(CLI::App& app, StatsOptions& options, std::string& database_path) {
  auto* stats =
      app.add_subcommand("stats", "Figures over the incidents declared in the last N days");
  stats->add_option("--since", options.since, "The window: a number of days, like 30d")
      ->capture_default_str();
  stats->add_option("--db", database_path, "SQLite database file (WARROOM_DB)")
      ->capture_default_str();
  stats->add_option("--config", options.config_path,
                    "JSON config file (WARROOM_CONFIG): the update cadence per severity");
  stats->add_flag("--json", options.json, "Print JSON instead of text");
  return stats;
}

// Reads in one deferred snapshot, like stats: never takes the write lock.
int run_problems(const std::string& database_path, bool json) {
  storage::Database db(database_path);
  storage::migrate(db);
  db.execute("BEGIN", "problems: begin read");
  storage::SqliteStore store(db);
  const std::string report = json ? bot::problems_json(store) + "\n" : bot::problems_text(store);
  db.execute("ROLLBACK", "problems: end read");
  std::cout << report;
  return 0;
}

CLI::App* add_problems_verb(CLI::App& app, bool& json, std::string& database_path) {
  auto* problems =
      app.add_subcommand("problems", "List the problem records and the incidents they explain");
  problems->add_option("--db", database_path, "SQLite database file (WARROOM_DB)")
      ->capture_default_str();
  problems->add_flag("--json", json, "Print JSON (as GET /problems.json) instead of text");
  return problems;
}

int run_migrate(const std::string& database_path) {
  storage::Database db(database_path);
  const int version = storage::migrate(db);
  std::cout << "database " << database_path << " is at schema version " << version << '\n';
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  warroom::bot::setup_logging(warroom::bot::environment("WARROOM_LOG").value_or("text"));
  CLI::App app{"warroom: a chat-ops bot for major incidents"};
  app.require_subcommand(1);
  std::string database_path = default_database();
  std::optional<std::string> config_path;  // --config; bot::load_config falls back to the env

  bot::ServeOptions serve_options;
  auto* serve = app.add_subcommand("serve", "Run the HTTP server (chat endpoints, /healthz)");
  serve->add_option("--port", serve_options.port, "Port to listen on")
      ->envname("WARROOM_PORT")
      ->check(CLI::Range(1, 65535))
      ->capture_default_str();
  serve->add_option("--bind", serve_options.bind, "Address to listen on")
      ->envname("WARROOM_BIND")
      ->capture_default_str();
  serve->add_option("--db", database_path, "SQLite database file (WARROOM_DB)")
      ->capture_default_str();
  serve->add_option("--config", config_path, "JSON config file (WARROOM_CONFIG)");

  bot::ConsoleOptions console_options;
  auto* chat = app.add_subcommand("chat", "Terminal console: type what you would type in chat");
  chat->add_option("--db", database_path, "SQLite database file (WARROOM_DB)")
      ->capture_default_str();
  chat->add_option("--config", config_path, "JSON config file (WARROOM_CONFIG)");
  chat->add_option("--as", console_options.user, "Who you are (a user name or id)")->required();
  chat->add_option("--channel", console_options.channel, "The channel you type in")
      ->capture_default_str();

  std::string export_key;
  auto* exporter = app.add_subcommand("export", "Print one incident, or all, as JSON");
  exporter->add_option("incident", export_key, "INC-n (default: every incident)");
  exporter->add_option("--db", database_path, "SQLite database file (WARROOM_DB)")
      ->capture_default_str();

  ReviewOptions review_options;
  auto* review = add_review_verb(app, review_options, database_path);

  StatsOptions stats_options;
  auto* stats = add_stats_verb(app, stats_options, database_path);

  bool problems_as_json = false;
  auto* problems = add_problems_verb(app, problems_as_json, database_path);

  auto* migrate = app.add_subcommand("migrate", "Create or upgrade the database schema, then exit");
  migrate->add_option("--db", database_path, "SQLite database file (WARROOM_DB)")
      ->capture_default_str();

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "warroom: " << e.what() << " (warroom --help lists the verbs and flags)\n";
    return 2;
  }

  try {
    if (serve->parsed()) {
      serve_options.database_path = database_path;
      serve_options.config = bot::load_config(config_path);
      bot::read_serve_environment(serve_options);
      return bot::serve(serve_options);
    }
    if (chat->parsed()) {
      if (!commands::is_valid_user_id(console_options.user)) {
        std::cerr << "warroom: chat: --as expects a user name of letters, digits, '.', '_' or "
                     "'-'\n";
        return 2;
      }
      console_options.database_path = database_path;
      console_options.config = bot::load_config(config_path);
      console_options.config.incident_channels = false;  // the console cannot create channels
      console_options.interactive = isatty(STDIN_FILENO) != 0;
      const commands::SystemClock clock;
      return bot::run_console(console_options, clock, std::cin, std::cout);
    }
    if (exporter->parsed()) return run_export(database_path, export_key);
    if (review->parsed()) return run_review(database_path, review_options);
    if (migrate->parsed()) return run_migrate(database_path);
    if (problems->parsed()) return run_problems(database_path, problems_as_json);
    if (stats->parsed()) return run_stats(database_path, stats_options);
  } catch (const std::exception& e) {
    std::cerr << "warroom: " << e.what() << '\n';
    return 1;
  }
  return 2;
}
