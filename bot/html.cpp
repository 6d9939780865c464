// The HTML escaper, query-value encoding and the shared page shell with its stylesheet.
#include "bot/html.h"

#include <fmt/format.h>

#include "commands/format.h"

namespace warroom::bot {
namespace {

// Small, readable on a phone, prints well; one column below 40em. No fonts or images.
constexpr std::string_view stylesheet = R"css(
:root { color-scheme: light dark; --muted: #6b7280; --line: #d1d5db; --bad: #b91c1c; }
* { box-sizing: border-box; }
body { font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
       margin: 0 auto; max-width: 60em; padding: 0.75em; overflow-wrap: anywhere; }
h1 { font-size: 1.4em; margin: 0.2em 0; } h2 { font-size: 1.15em; margin: 1.2em 0 0.4em; }
h3 { font-size: 1.05em; margin: 0 0 0.3em; }
a { color: inherit; } .muted, small { color: var(--muted); }
.incident { border: 1px solid var(--line); border-left-width: 6px; border-radius: 6px;
            padding: 0.6em 0.8em; margin: 0.6em 0; }
.sev1 { border-left-color: #b91c1c; } .sev2 { border-left-color: #ea580c; }
.sev3 { border-left-color: #ca8a04; } .sev4 { border-left-color: #6b7280; }
.badge { display: inline-block; border: 1px solid var(--line); border-radius: 4px;
         padding: 0 0.35em; font-size: 0.85em; margin-right: 0.3em; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.15em 0.8em; margin: 0.4em 0; }
dt { font-weight: 600; } dd { margin: 0; }
.text { white-space: pre-wrap; margin: 0; }
.overdue { color: var(--bad); font-weight: 600; }
ol.timeline { padding-left: 1.2em; } ol.timeline li { margin: 0.3em 0; }
@media (max-width: 40em) { dl { grid-template-columns: 1fr; } dt { margin-top: 0.3em; } }
@media print { .incident { break-inside: avoid; } }
)css";

}  // namespace

std::string time_html(TimePoint at) {
  return fmt::format("<time datetime=\"{}\">{}</time>", format_utc(at), commands::format_time(at));
}

std::string escape_html(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      case '\'':
        escaped += "&#39;";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

std::string encode_query_value(std::string_view text) {
  std::string encoded;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    const bool unreserved = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                            (byte >= '0' && byte <= '9') || c == '-' || c == '.' || c == '_' ||
                            c == '~';
    encoded += unreserved ? std::string(1, c) : fmt::format("%{:02X}", byte);
  }
  return encoded;
}

std::string html_document(std::string_view title, std::string_view body_html, int refresh_seconds) {
  const std::string refresh =
      refresh_seconds > 0
          ? fmt::format("<meta http-equiv=\"refresh\" content=\"{}\">\n", refresh_seconds)
          : std::string();
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"referrer\" content=\"no-referrer\">\n{}<title>{}</title>\n"
      "<style>{}</style>\n</head>\n<body>\n{}</body>\n</html>\n",
      refresh, escape_html(title), stylesheet, body_html);
}

}  // namespace warroom::bot
