// Escapes user text for Markdown: punctuation, newlines, leading blanks.
#include "bot/review/markdown.h"

namespace warroom::bot {
namespace {

bool is_ascii_punctuation(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

}  // namespace

std::string escape_markdown(std::string_view text) {
  // Everything cmark trims from a paragraph's end (\v and \f too: otherwise the hard break
  // before them would lose its line and show as a stray backslash).
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ' ||
                           text.back() == '\t' || text.back() == '\v' || text.back() == '\f')) {
    text.remove_suffix(1);
  }
  std::string escaped;
  escaped.reserve(text.size() + text.size() / 4);
  std::size_t at = 0;
  // CRs are dropped below, so they must not hide blanks that would then start the text.
  for (; at < text.size() && (text[at] == ' ' || text[at] == '\t' || text[at] == '\r'); ++at) {
    if (text[at] != '\r') escaped += "&#32;";
  }
  for (; at < text.size(); ++at) {
    const char c = text[at];
    if (c == '\r') continue;
    if (c == '\n') {
      escaped += "\\\n";
    } else {
      if (is_ascii_punctuation(c)) escaped += '\\';
      escaped += c;
    }
  }
  return escaped;
}

}  // namespace warroom::bot
