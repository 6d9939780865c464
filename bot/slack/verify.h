// Slack request signing (DESIGN section 3): v0 HMAC-SHA256 over `v0:<timestamp>:<raw body>`,
// compared in constant time, with a 5-minute replay window.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace warroom::bot::slack {

inline constexpr std::chrono::seconds replay_window{300};

// Why the request is not Slack's, or nullopt when it is. `timestamp` and `signature` are the
// X-Slack-Request-Timestamp and X-Slack-Signature headers (empty when absent). The reason
// never contains the secret or the expected signature.
std::optional<std::string> refuse_signature(std::string_view signing_secret,
                                            std::string_view timestamp, std::string_view signature,
                                            std::string_view body, std::chrono::sys_seconds now);

// `v0=` + hex HMAC-SHA256: how Slack signs (for tests and the bench's request generator).
std::string sign(std::string_view signing_secret, std::string_view timestamp,
                 std::string_view body);

}  // namespace warroom::bot::slack
