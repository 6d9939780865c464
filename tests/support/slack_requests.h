// Requests to a warroom server signed exactly as Slack signs them (bot/slack/verify.h's sign,
// which tests/slack/verify_test.cpp checks against Slack's documented example).
#pragma once

#include <httplib.h>

#include <string>

namespace warroom::testing {

inline constexpr const char* test_signing_secret = "8f742231b10e8888abcd99yyyzzz85a5";

// A slash command's form body with every field Slack sends (fixtures/slack-command-shape).
std::string slash_body(const std::string& user, const std::string& channel,
                       const std::string& text);
// An interactivity body: `payload=<json>`, form-encoded.
std::string interaction_body(const std::string& payload_json);

// POSTs `body` to `path` on 127.0.0.1:`port`, signed with `secret` at the current time
// (shifted by `age_seconds`), plus any `extra` headers.
httplib::Result post_signed(int port, const std::string& path, const std::string& body,
                            const std::string& content_type,
                            const std::string& secret = test_signing_secret, long age_seconds = 0,
                            const httplib::Headers& extra = {});

}  // namespace warroom::testing
