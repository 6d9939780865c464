// Fuzz target "markdown": user text through the review's Markdown escaper, placed where
// templates/review.md.mustache places it (a heading, a list item, an update's continuation
// line, a paragraph), then parsed by cmark: the text must come out as text, never as structure.
#include "bot/review/markdown.h"

#include <cmark.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "commands/text.h"
#include "fuzz/checks.h"
#include "fuzz/targets.h"

namespace warroom::fuzz {
namespace {

using Node = std::unique_ptr<cmark_node, decltype(&cmark_node_free)>;

// Whitespace cmark may fold, strip or turn into breaks; left out of the text comparison.
bool is_foldable(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// `text` without foldable whitespace, NUL as U+FFFD (cmark's replacement): what the reader
// must see of it, whatever the line breaks.
std::string visible(std::string_view text) {
  std::string shown;
  for (const char c : text) {
    if (c == '\0') {
      shown += "\xEF\xBF\xBD";
    } else if (!is_foldable(c)) {
      shown += c;
    }
  }
  return shown;
}

std::vector<cmark_node*> children(cmark_node* node) {
  std::vector<cmark_node*> found;
  for (auto* child = cmark_node_first_child(node); child != nullptr; child = cmark_node_next(child))
    found.push_back(child);
  return found;
}

// The inline content of a paragraph or heading the user text went into: only text and line
// breaks, apart from `skip` leading nodes the template put there itself. Returns the text.
std::string plain_inlines(cmark_node* block, std::size_t skip, std::string_view input) {
  std::string text;
  const auto inlines = children(block);
  for (std::size_t i = skip; i < inlines.size(); ++i) {
    const auto type = cmark_node_get_type(inlines[i]);
    require(type == CMARK_NODE_TEXT || type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK,
            std::string("escaped text became a ") + cmark_node_get_type_string(inlines[i]), input);
    if (type == CMARK_NODE_TEXT) text += cmark_node_get_literal(inlines[i]);
  }
  return text;
}

void require_same_text(std::string_view shown, std::string_view typed, std::string_view where) {
  require(visible(shown) == visible(typed),
          std::string("escaped text reads differently in ") + std::string(where), typed);
}

// The document, in the review's shapes: heading, list items (one with the update's hard
// break and indented continuation), then a paragraph of its own.
std::string document_for(std::string_view title, std::string_view escaped) {
  return "# INC-1: " + bot::escape_markdown(title) + "\n\n- **Commander:** " +
         std::string(escaped) + "\n- **2026-11-24 09:00** (T+00:00) by U1:\\\n  " +
         std::string(escaped) + "\n\n" + std::string(escaped) + "\n";
}

void check_html(cmark_node* document, std::string_view input) {
  const std::unique_ptr<char, decltype(&std::free)> html(
      cmark_render_html(document, CMARK_OPT_DEFAULT), &std::free);
  const std::string page = commands::to_lower_ascii(html.get());
  require(page.find("<script") == std::string::npos, "a <script tag came through", input);
  require(page.find("<!-- raw html omitted") == std::string::npos, "escaped text became HTML",
          input);
}

}  // namespace

void fuzz_markdown(std::string_view input) {
  const std::string text = commands::repair_utf8(input);
  std::string title = text;  // headings hold one line: the review flattens newlines first
  for (char& c : title) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  const std::string escaped = bot::escape_markdown(text);
  if (escaped.empty()) return;  // blank text: the template's {{#…}} leaves the place out
  const std::string markdown = document_for(title, escaped);
  const Node document(cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT),
                      &cmark_node_free);
  const auto blocks = children(document.get());
  require(blocks.size() == 3, "escaped text changed the number of blocks", input);
  require(cmark_node_get_type(blocks[0]) == CMARK_NODE_HEADING, "the heading is gone", input);
  require(cmark_node_get_type(blocks[1]) == CMARK_NODE_LIST, "the list is gone", input);
  require(cmark_node_get_type(blocks[2]) == CMARK_NODE_PARAGRAPH, "the paragraph is gone", input);
  require_same_text(plain_inlines(blocks[0], 0, input), "INC-1: " + title, "a heading");
  const auto items = children(blocks[1]);
  require(items.size() == 2, "escaped text changed the number of list items", input);
  for (auto* item : items) {
    const auto contents = children(item);
    require(contents.size() == 1 && cmark_node_get_type(contents[0]) == CMARK_NODE_PARAGRAPH,
            "escaped text opened a block inside a list item", input);
    auto* const first = cmark_node_first_child(contents[0]);
    require(first != nullptr && cmark_node_get_type(first) == CMARK_NODE_STRONG,
            "the list item lost its label", input);
  }
  require_same_text(plain_inlines(children(items[0])[0], 1, input), text, "a list item");
  require_same_text(plain_inlines(children(items[1])[0], 1, input), "(T+00:00)byU1:" + text,
                    "an update");
  require_same_text(plain_inlines(blocks[2], 0, input), text, "a paragraph");
  check_html(document.get(), input);
}

}  // namespace warroom::fuzz
