// The Markdown escaper on its own: punctuation, newlines, leading blanks, and what cmark makes
// of the result (text, never structure).
#include "bot/review/markdown.h"

#include <cmark.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <memory>

namespace warroom::bot {
namespace {

std::string to_html(const std::string& markdown) {
  const std::unique_ptr<char, decltype(&std::free)> html(
      cmark_markdown_to_html(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT), &std::free);
  return html.get();
}

TEST_CASE("the escaper backslashes ASCII punctuation and turns newlines into hard breaks",
          "[review]") {
  using Row = std::pair<std::string, std::string>;
  const auto [input, expected] = GENERATE(table<std::string, std::string>({
      Row{"plain words", "plain words"},
      Row{"# Root cause", "\\# Root cause"},
      Row{"a\nb", "a\\\nb"},
      Row{"a\r\nb\n\n", "a\\\nb"},
      Row{"[x](http://e)", "\\[x\\]\\(http\\:\\/\\/e\\)"},
      Row{"<b>&amp;", "\\<b\\>\\&amp\\;"},
      Row{"    code", "&#32;&#32;&#32;&#32;code"},
      Row{"caf\u00e9 \u2713", "caf\u00e9 \u2713"},
      Row{"", ""},
  }));
  CAPTURE(input);
  CHECK(escape_markdown(input) == expected);
}

TEST_CASE("escaped text renders as the same text and nothing else", "[review]") {
  using Row = std::pair<std::string, std::string>;
  const auto [input, html] = GENERATE(table<std::string, std::string>({
      Row{"# Root cause", "<p># Root cause</p>\n"},
      Row{"x\n# Root cause", "<p>x<br />\n# Root cause</p>\n"},
      Row{"- item\n1. first\n> quote", "<p>- item<br />\n1. first<br />\n&gt; quote</p>\n"},
      Row{"<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"},
      Row{"[link](http://evil)", "<p>[link](http://evil)</p>\n"},
      Row{"*bold* _it_ `code`", "<p>*bold* _it_ `code`</p>\n"},
      Row{"| a | b |\n|---|---|", "<p>| a | b |<br />\n|---|---|</p>\n"},
      Row{"a\n===", "<p>a<br />\n===</p>\n"},
      Row{"```\nfenced", "<p>```<br />\nfenced</p>\n"},
      Row{"a\n\n    code", "<p>a<br />\n<br />\ncode</p>\n"},
      Row{"<http://evil>", "<p>&lt;http://evil&gt;</p>\n"},
      Row{"&lt;b&gt;", "<p>&amp;lt;b&amp;gt;</p>\n"},
  }));
  CAPTURE(input);
  CHECK(to_html(escape_markdown(input)) == html);
}

TEST_CASE("escaped text after a list marker stays one list item", "[review]") {
  const auto text = GENERATE(as<std::string>{}, "    indented", "x\n- y", "x\n\n- y", "1. a\n2. b");
  CAPTURE(text);
  const std::string html = to_html("- " + escape_markdown(text) + "\n- next\n");
  CHECK(html.find("<pre>") == std::string::npos);
  std::size_t items = 0;
  for (auto at = html.find("<li>"); at != std::string::npos; at = html.find("<li>", at + 1)) {
    ++items;
  }
  CHECK(items == 2);
  CHECK(html.find("<ol>") == std::string::npos);
}

}  // namespace
}  // namespace warroom::bot
