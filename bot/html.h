// HTML for the read pages (status page, incident page): the escaper for the HTML audience,
// query values for links, and the page shell (phone-sized, self-contained, no external assets).
#pragma once

#include <string>
#include <string_view>

#include "storage/time.h"

namespace warroom::bot {

// Replaces `&`, `<`, `>`, `"` and `'` with entities: safe in text and in quoted attribute
// values alike. Never use the Slack or Markdown escaper for HTML (DESIGN section 7).
std::string escape_html(std::string_view text);

// `<time datetime="2026-11-24T06:01:00.000Z">2026-11-24 06:01 UTC</time>`.
std::string time_html(TimePoint at);

// Percent-encodes every byte but RFC 3986's unreserved characters, for one query value.
std::string encode_query_value(std::string_view text);

// A whole page: doctype, charset, viewport, no-referrer (links may carry ?token=), the
// embedded stylesheet, `<title>` (escaped here) and `body_html` (already HTML). When
// `refresh_seconds` is positive the page reloads itself at its own URL, query included.
std::string html_document(std::string_view title, std::string_view body_html,
                          int refresh_seconds = 0);

}  // namespace warroom::bot
