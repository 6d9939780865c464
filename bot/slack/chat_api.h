// SlackChatApi: the ChatApi seam (bot/chat_api.h) for Slack. Turns one outbox message into
// one Web API call (a few for a channel name that is taken) and classifies the answer.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "bot/chat_api.h"
#include "bot/slack/web_api.h"

namespace warroom::bot::slack {

class MessageRenderer;

// Methods and their fields: conversations.create (name; a taken name is retried with -2 …
// -9), conversations.invite (users, comma-separated), conversations.setTopic (topic),
// chat.postMessage (rendered by MessageRenderer::post_body), chat.postEphemeral (user; the
// message text), pins.add (timestamp), and response_url (url, response_type: the message text
// posted to Slack's response_url, only on an allowed host). Network errors, 5xx and Slack's own
// transient errors retry; 429 is rate_limited; already_in_channel, cant_invite_self and
// already_pinned count as sent; any other error, and an unknown method, is failed.
class SlackChatApi final : public ChatApi {
 public:
  // `renderer` must outlive this object.
  // `hooks_hosts`: the hosts a response_url may point at (checked again here, at delivery).
  SlackChatApi(WebApi api, const MessageRenderer& renderer,
               std::vector<std::string> hooks_hosts = {"hooks.slack.com"});

  Delivery deliver(const storage::OutboxMessage& message, const std::string& channel) override;

 private:
  Delivery create_channel(const storage::OutboxMessage& message);
  // The JSON body for every method but conversations.create; nullopt for an unknown one.
  std::optional<std::string> request_body(const storage::OutboxMessage& message,
                                          const std::string& channel) const;

  Delivery respond(const storage::OutboxMessage& message) const;

  WebApi api_;
  const MessageRenderer& renderer_;
  std::vector<std::string> hooks_hosts_;
};

}  // namespace warroom::bot::slack
