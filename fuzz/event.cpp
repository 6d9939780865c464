// Fuzz target "event": an Events API body as /slack/events receives it, into an Invocation,
// with the answers the route builds from it.
#include <nlohmann/json.hpp>

#include "bot/slack/payload.h"
#include "fuzz/checks.h"
#include "fuzz/targets.h"

namespace warroom::fuzz {

void fuzz_event(std::string_view input) {
  using Type = bot::slack::EventEnvelope::Type;
  const auto envelope = bot::slack::parse_event(input);
  if (!envelope) {
    require(!envelope.error().empty(), "a refused event gives no reason");
    return;
  }
  switch (envelope->type) {
    case Type::url_verification:
      // The route answers with the challenge as JSON: that must never throw (invalid UTF-8).
      require(!nlohmann::json{{"challenge", envelope->challenge}}.dump().empty(),
              "the challenge answer is empty");
      break;
    case Type::app_mention:
      require_sound_command(envelope->command);
      require(!envelope->event_id.empty(), "an app_mention runs without an event_id");
      require_utf8(envelope->event_id, "event_id");
      break;
    case Type::ignored:
      break;
  }
}

}  // namespace warroom::fuzz
