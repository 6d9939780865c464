// `warroom serve`: assembles the server (templates, Slack routes, the group-commit writer, the
// outbox worker) and stops it cleanly on SIGTERM or SIGINT.
#include "bot/server.h"

#include <httplib.h>
#include <spdlog/spdlog.h>

#include <csignal>
#include <memory>
#include <mutex>
#include <thread>

#include "bot/command_writer.h"
#include "bot/http_server.h"
#include "bot/metrics.h"
#include "bot/outbox_worker.h"
#include "bot/pager.h"
#include "bot/read_routes.h"
#include "bot/scheduler.h"
#include "bot/slack/blocks.h"
#include "bot/slack/chat_api.h"
#include "bot/slack/routes.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "templates/templates.h"

namespace warroom::bot {
namespace {

// Stops the server on SIGTERM or SIGINT. Both signals are blocked in every thread (the
// mask is inherited), so only this thread's sigwait sees them; SIGUSR1 releases it when the
// server ended on its own.
std::thread start_signal_watcher(httplib::Server& server, const sigset_t& signals) {
  return std::thread([&server, signals] {
    int received = 0;
    sigwait(&signals, &received);
    if (received == SIGTERM || received == SIGINT) {
      spdlog::info("signal {}: finishing in-flight requests, then stopping", received);
    }
    while (!server.is_running() && received != SIGUSR1) std::this_thread::yield();
    server.stop();
  });
}

sigset_t block_stop_signals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGUSR1);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return signals;
}

void print_banner(const ServeOptions& options) {
  spdlog::info("warroom listening on http://{}:{} (database {})", options.bind, options.port,
               options.database_path);
  if (options.signing_secret.empty()) {
    spdlog::warn(
        "Slack is off: set SLACK_SIGNING_SECRET (or SLACK_SIGNING_SECRET_FILE) and restart, see "
        "docs/slack-setup.md; meanwhile try the console: warroom chat --as you");
  } else if (options.bot_token.empty()) {
    spdlog::warn("SLACK_BOT_TOKEN is not set: outbound messages wait in the outbox until it is");
  }
}

// Runs until stopped; every part lives on this stack and is torn down in reverse order:
// the HTTP server first, then the writer (committing what it holds), then the worker.
int run_server(const ServeOptions& options, storage::Database& db, const sigset_t& signals) {
  const commands::SystemClock clock;
  const templates::Templates templates(options.templates_folder);
  const slack::MessageRenderer renderer(templates, options.public_url);
  std::unique_ptr<slack::SlackChatApi> chat_api;
  if (!options.bot_token.empty()) {
    chat_api = std::make_unique<slack::SlackChatApi>(
        slack::WebApi(options.slack_api_url, options.bot_token), renderer, options.hooks_hosts);
  }
  // Pages go out even without a bot token; chat messages then wait in the outbox.
  const Pager pager(options.config, options.public_url);
  OutboundRouter outbound(chat_api.get(), pager);
  auto worker = std::make_unique<OutboxWorker>(options.database_path, outbound, clock,
                                               chat_api ? "" : "page:");
  Metrics metrics;  // outlives the writer and the HTTP server, which count into it
  CommandWriter writer(
      options.database_path,
      [&worker](std::size_t queued) {
        if (worker && queued > 0) worker->notify();  // nothing new to deliver otherwise
      },
      &metrics);
  Scheduler scheduler(options.database_path, options.config, clock, [&worker] {
    if (worker) worker->notify();
  });
  const slack::SlackEndpoints endpoints{
      .settings = {.signing_secret = options.signing_secret, .hooks_hosts = options.hooks_hosts},
      .writer = writer,
      .renderer = renderer,
      .config = options.config,
      .clock = clock};

  std::mutex db_mutex;
  httplib::Server server;
  configure_limits(server, &metrics);
  add_health_routes(server, db, db_mutex);
  slack::add_slack_routes(server, endpoints);
  add_read_routes(server, {.database_path = options.database_path,
                           .read_token = options.read_token,
                           .config = options.config,
                           .templates = templates,
                           .clock = clock,
                           .metrics = &metrics});
  if (!bind_listener(server, options.bind, options.port)) {
    spdlog::error("cannot listen on {}:{}: is the port in use?", options.bind, options.port);
    return 1;
  }
  std::thread watcher = start_signal_watcher(server, signals);
  print_banner(options);
  server.listen_after_bind();
  pthread_kill(watcher.native_handle(), SIGUSR1);  // in case listen ended on its own
  watcher.join();
  return 0;
}

}  // namespace

int serve(const ServeOptions& options) {
  const sigset_t signals = block_stop_signals();
  try {
    storage::Database db(options.database_path);
    storage::migrate(db);
    const int code = run_server(options, db, signals);
    if (code == 0) spdlog::info("stopped");
    return code;
  } catch (const std::exception& error) {
    spdlog::error("cannot start: {}", error.what());
    return 1;
  }
}

}  // namespace warroom::bot
