// The seam between the outbox worker and a chat platform's Web API: deliver one outbox
// message and say how it went. Slack implements it in bot/slack/; tests point it at a fake.
#pragma once

#include <chrono>
#include <string>

#include "storage/records.h"

namespace warroom::bot {

struct Delivery {
  enum class Outcome {
    sent,          // done (benign answers such as already_in_channel count as sent)
    retry,         // network error, timeout, 5xx: try again later with backoff
    rate_limited,  // 429: pause this method for retry_after
    failed,        // permanent: ok:false with an error such as channel_not_found
  };
  Outcome outcome = Outcome::sent;
  std::string error;  // the API's error, or what went wrong on the wire
  std::chrono::milliseconds retry_after{0};
  std::string channel;  // conversations.create: the new channel's id
  std::string ts;       // chat.postMessage: the message's timestamp (for pins.add)
};

class ChatApi {
 public:
  virtual ~ChatApi() = default;
  // Delivers `message` to `channel` (its destination, already resolved to a channel id; empty
  // for conversations.create). Never throws for API or network failures: says so instead.
  virtual Delivery deliver(const storage::OutboxMessage& message, const std::string& channel) = 0;
};

}  // namespace warroom::bot
