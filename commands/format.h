// How commands write people, times and incidents into reply text. Mentions are marked
// (mention()) so each platform renders them its own way (render_mentions()).
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>

#include "storage/records.h"

namespace warroom::commands {

// A user reference in reply text. The markers are control characters, which are stripped
// from everything users type, so user text can never forge a mention.
std::string mention(std::string_view user);
// Replaces every marked mention with `render(user)`: `@alice` on the console, `<@U1>` in Slack.
std::string render_mentions(std::string_view text,
                            const std::function<std::string(std::string_view)>& render);

// "2026-11-24 06:01 UTC"
std::string format_time(TimePoint at);
// "45s", "12m", "1h 05m", "2d 3h"; negative durations count as zero.
std::string format_duration(std::chrono::milliseconds duration);
// "INC-3 (SEV2, identified, owner @alice): Payments failing"
std::string describe(const storage::Incident& incident);

}  // namespace warroom::commands
