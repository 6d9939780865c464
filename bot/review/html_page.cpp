// The page around the review's HTML: charset, viewport, title, and a stylesheet with print
// rules (no page break right after a heading or inside a list item, links show their target).
#include "bot/review/html_page.h"

#include "bot/html.h"

namespace warroom::bot {
namespace {

constexpr std::string_view stylesheet = R"css(
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328;
       max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.7rem; border-bottom: 2px solid #d0d7de; padding-bottom: .3rem; }
h2 { font-size: 1.3rem; border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin-top: 1.5rem; }
ul { padding-left: 1.4rem; }
li { margin: .15rem 0; }
code { font: .9em ui-monospace, SFMono-Regular, Menlo, monospace; background: #f6f8fa;
       padding: .1em .3em; border-radius: 4px; }
blockquote { margin: 1rem 0; padding: .6rem 1rem; border-left: 4px solid #cf222e;
             background: #ffebe9; color: #82071e; }
em { color: #57606a; }
@media print {
  body { font-size: 11pt; max-width: none; margin: 0; color: #000; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  li, blockquote { break-inside: avoid; page-break-inside: avoid; }
  blockquote { background: none; color: #000; border-left-color: #000; }
  a { color: #000; text-decoration: none; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .85em; }
}
)css";

}  // namespace

std::string html_page(std::string_view title, std::string_view body) {
  std::string page;
  page.reserve(body.size() + stylesheet.size() + 512);
  page += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  page += "<title>" + escape_html(title) + "</title>\n<style>";
  page += stylesheet;
  page += "</style>\n</head>\n<body>\n<main>\n";
  page += body;
  page += "</main>\n</body>\n</html>\n";
  return page;
}

}  // namespace warroom::bot
