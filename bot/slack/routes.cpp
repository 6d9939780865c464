// Slack's endpoints: verify, parse into an Invocation, run it through the group-commit writer,
// answer from the commit. Replies that cannot be the HTTP answer (events, buttons) are
// outbox rows written in the same transaction as the command.
#include "bot/slack/routes.h"

#include <httplib.h>
#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

#include "bot/command_writer.h"
#include "bot/http_server.h"
#include "bot/slack/blocks.h"
#include "bot/slack/payload.h"
#include "bot/slack/response_url.h"
#include "bot/slack/verify.h"
#include "storage/store.h"

namespace warroom::bot::slack {
namespace {

using nlohmann::json;

void answer(httplib::Response& response, int status, const std::string& message) {
  response.status = status;
  response.set_content(json{{"error", message}}.dump(), "application/json");
}

// Signature and content type, before anything else. False: the response is already set.
bool admit(const SlackEndpoints& endpoints, const httplib::Request& request,
           httplib::Response& response, std::string_view content_type) {
  if (endpoints.settings.signing_secret.empty()) {
    answer(response, 503, "SLACK_SIGNING_SECRET is not set: warroom cannot verify Slack");
    return false;
  }
  const auto now = std::chrono::time_point_cast<std::chrono::seconds>(endpoints.clock.now());
  if (auto refusal = refuse_signature(
          endpoints.settings.signing_secret, request.get_header_value("X-Slack-Request-Timestamp"),
          request.get_header_value("X-Slack-Signature"), request.body, now)) {
    spdlog::warn("{} refused: {}", request.path, *refusal);
    answer(response, 401, "invalid request");
    return false;
  }
  if (request.get_header_value("Content-Type").rfind(content_type, 0) != 0) {
    answer(response, 415, "expected " + std::string(content_type));
    return false;
  }
  return true;
}

commands::Invocation invocation_of(const SlackEndpoints& endpoints, const SlackCommand& command) {
  return {.user = command.user,
          .channel = command.channel,
          .platform = commands::Platform::slack,
          .text = command.text,
          .at = endpoints.clock.now(),
          .config = &endpoints.config};
}

// For events and buttons: the reply goes back to the channel as an outbox row, to everyone or
// only to the user who asked.
std::function<void(storage::Store&, const commands::Reply&)> reply_in_channel(
    const commands::Invocation& who) {
  return [user = who.user, channel = who.channel, at = who.at](storage::Store& store,
                                                               const commands::Reply& reply) {
    const bool everyone = reply.visibility == commands::Visibility::in_channel;
    store.enqueue(
        storage::OutboxMessage{.created_at = at,
                               .destination = channel,
                               .method = everyone ? "chat.postMessage" : "chat.postEphemeral",
                               .text = reply.text,
                               .fields = {{"user", user}}});
  };
}

// For a button: the reply goes to Slack's response_url when it points at an allowed host,
// otherwise back to the channel.
std::function<void(storage::Store&, const commands::Reply&)> reply_to_button(
    const SlackEndpoints& endpoints, const commands::Invocation& who,
    const std::string& response_url) {
  if (!is_allowed_response_url(response_url, endpoints.settings.hooks_hosts)) {
    if (!response_url.empty()) spdlog::warn("ignoring a response_url on a host not allowed");
    return reply_in_channel(who);
  }
  return [response_url, channel = who.channel, at = who.at](storage::Store& store,
                                                            const commands::Reply& reply) {
    const bool everyone = reply.visibility == commands::Visibility::in_channel;
    store.enqueue(storage::OutboxMessage{
        .created_at = at,
        .destination = channel,
        .method = "response_url",
        .text = reply.text,
        .fields = {{"url", response_url},
                   {"response_type", everyone ? "in_channel" : "ephemeral"}}});
  };
}

CommandOutcome run(const SlackEndpoints& endpoints, CommandJob job) {
  return endpoints.writer.run(std::move(job));
}

void on_command(const SlackEndpoints& endpoints, const httplib::Request& request,
                httplib::Response& response) {
  if (!admit(endpoints, request, response, "application/x-www-form-urlencoded")) return;
  const auto command = parse_slash_command(request.params);
  if (!command) return answer(response, 400, command.error());
  const auto outcome = run(endpoints, {.invocation = invocation_of(endpoints, *command)});
  const commands::Reply reply =
      outcome.kind == CommandOutcome::Kind::failed
          ? commands::Reply::refused("warroom could not save that, nothing was changed: " +
                                     outcome.error)
          : outcome.result.reply;
  response.set_content(endpoints.renderer.reply_body(reply), "application/json");
}

void on_event(const SlackEndpoints& endpoints, const httplib::Request& request,
              httplib::Response& response) {
  if (!admit(endpoints, request, response, "application/json")) return;
  const auto envelope = parse_event(request.body);
  if (!envelope) return answer(response, 400, envelope.error());
  if (envelope->type == EventEnvelope::Type::url_verification) {
    response.set_content(json{{"challenge", envelope->challenge}}.dump(), "application/json");
    return;
  }
  if (envelope->type == EventEnvelope::Type::app_mention) {
    const auto who = invocation_of(endpoints, envelope->command);
    const auto outcome = run(endpoints, {.invocation = who,
                                         .delivery_id = "slack-event:" + envelope->event_id,
                                         .queue_reply = reply_in_channel(who)});
    if (outcome.kind == CommandOutcome::Kind::failed) return answer(response, 500, outcome.error);
  }
  response.set_content("", "text/plain");
}

void on_interaction(const SlackEndpoints& endpoints, const httplib::Request& request,
                    httplib::Response& response) {
  if (!admit(endpoints, request, response, "application/x-www-form-urlencoded")) return;
  if (!request.has_param("payload")) return answer(response, 400, "the payload field is missing");
  const auto interaction = parse_interaction(request.get_param_value("payload"));
  if (!interaction) return answer(response, 400, interaction.error());
  if (!interaction->ignored) {
    const auto who = invocation_of(endpoints, interaction->command);
    const auto outcome =
        run(endpoints,
            {.invocation = who,
             .queue_reply = reply_to_button(endpoints, who, interaction->command.response_url)});
    if (outcome.kind == CommandOutcome::Kind::failed) return answer(response, 500, outcome.error);
  }
  response.set_content("", "text/plain");
}

}  // namespace

void add_slack_routes(httplib::Server& server, const SlackEndpoints& endpoints) {
  add_bounded_post(server, "/slack/commands",
                   [&endpoints](const httplib::Request& request, httplib::Response& response) {
                     on_command(endpoints, request, response);
                   });
  add_bounded_post(server, "/slack/events",
                   [&endpoints](const httplib::Request& request, httplib::Response& response) {
                     on_event(endpoints, request, response);
                   });
  add_bounded_post(server, "/slack/interactions",
                   [&endpoints](const httplib::Request& request, httplib::Response& response) {
                     on_interaction(endpoints, request, response);
                   });
}

}  // namespace warroom::bot::slack
