// Paging webhooks (the config's `severities.SEVn.page`): the JSON POST an outbox row with
// method `page` and destination `page:SEVn` becomes. The URL is looked up in the config at
// delivery time, so it is never stored and never logged.
#pragma once

#include <string>

#include "bot/chat_api.h"
#include "bot/json_post.h"
#include "commands/config.h"

namespace warroom::bot {

// The body: {"event":"incident.paged","incident","title","severity","status","owner",
// "service","actor","text","url"} with mentions written as `@U123`.
std::string page_body(const storage::OutboxMessage& message, const std::string& public_url);

class Pager {
 public:
  // `config` must outlive the pager.
  Pager(const commands::Config& config, std::string public_url, PostTimeouts timeouts = {});
  // Failed (permanently) when the destination names no severity or that severity has no URL.
  Delivery deliver(const storage::OutboxMessage& message) const;

 private:
  const commands::Config& config_;
  std::string public_url_;
  PostTimeouts timeouts_;
};

// The outbox worker's ChatApi: pages go to the Pager, everything else to the chat platform.
class OutboundRouter final : public ChatApi {
 public:
  // `chat` may be null (no bot token): then the worker must only be given `page:` rows.
  OutboundRouter(ChatApi* chat, const Pager& pager) : chat_(chat), pager_(pager) {}
  Delivery deliver(const storage::OutboxMessage& message, const std::string& channel) override;

 private:
  ChatApi* chat_;
  const Pager& pager_;
};

}  // namespace warroom::bot
