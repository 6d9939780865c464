// Slack's response_url: where a reply to a button click goes. Only hosts on an allow-list
// (WARROOM_SLACK_HOOKS_HOSTS, by default hooks.slack.com) are ever called, so a forged URL
// cannot make warroom send requests anywhere else (no SSRF).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "bot/chat_api.h"

namespace warroom::bot::slack {

// True when `url` is https:// (or http:// to a loopback host, for tests) and its host is one
// of `hosts` exactly. Userinfo, odd schemes and empty hosts are refused.
bool is_allowed_response_url(std::string_view url, const std::vector<std::string>& hosts);

// POSTs `json_body` to `url` (already allowed) and classifies the answer like a Web API call:
// 2xx sent, 429 rate_limited, 5xx or no answer retry, anything else failed.
Delivery post_to_response_url(const std::string& url, const std::string& json_body);

}  // namespace warroom::bot::slack
