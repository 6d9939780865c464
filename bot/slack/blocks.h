// Replies and outbox messages as Slack JSON: the slash-command answer, and chat.postMessage
// bodies with Block Kit built (with nlohmann/json, never by templating JSON) from the
// rendered templates.
#pragma once

#include <string>

#include "commands/command.h"
#include "storage/records.h"

namespace warroom::templates {
class Templates;
}

namespace warroom::bot::slack {

// Command text (plain, with mention markers) as mrkdwn: user text escaped, broadcasts
// neutralised, mentions as <@U…>.
std::string to_mrkdwn(std::string_view command_text);

class MessageRenderer {
 public:
  // `public_url`: this server as users reach it, for links in messages.
  MessageRenderer(const templates::Templates& templates, std::string public_url);

  // `{"response_type": "ephemeral"|"in_channel", "text": …, "blocks": […]}`.
  std::string reply_body(const commands::Reply& reply) const;
  // The chat.postMessage JSON body for `message` in `channel`: a fallback `text` and
  // `blocks` rendered from the message's template and fields, a link to the incident's page
  // under `public_url` when the message is about an incident, and buttons on a declaration.
  std::string post_body(const storage::OutboxMessage& message, const std::string& channel) const;

 private:
  const templates::Templates& templates_;
  std::string public_url_;
};

}  // namespace warroom::bot::slack
