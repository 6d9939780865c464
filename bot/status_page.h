// The stakeholder status page, GET /status (HTML, refreshes itself every 30 s, readable on a
// phone) and GET /status.json (the same data), rendered from a StatusReport.
#pragma once

#include <string>
#include <string_view>

#include "bot/status_report.h"

namespace warroom::bot {

inline constexpr int status_refresh_seconds = 30;

// Every user-supplied string is HTML-escaped. `link_query` ("" or "?token=…", already
// encoded) is appended to every link, so a link opened with ?token= keeps working.
std::string render_status_html(const StatusReport& report, std::string_view link_query);

// {"generated_at", "open": [...], "recently_resolved": [...]}; times ISO 8601 UTC or null.
std::string render_status_json(const StatusReport& report);

}  // namespace warroom::bot
