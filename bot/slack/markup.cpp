// Slack markup both ways: decode_markup turns what users typed (angle-bracket forms, then
// the three entities) into plain text; escape_mrkdwn makes text safe to post as mrkdwn,
// neutralising @channel/@here/@everyone with U+2060 WORD JOINER after the `@`.
#include "bot/slack/markup.h"

#include <array>
#include <cstddef>

namespace warroom::bot::slack {
namespace {

// U+2060 WORD JOINER (not U+200D): invisible, no joining semantics, and it stops Slack
// from reading `@here` as a broadcast.
constexpr std::string_view word_joiner = "\u2060";

struct Entity {
  std::string_view escaped;
  char plain;
};
constexpr std::array<Entity, 3> entities{{{"&lt;", '<'}, {"&gt;", '>'}, {"&amp;", '&'}}};

// Appends `text` with `&lt;`, `&gt;` and `&amp;` decoded in one left-to-right pass, so
// `&amp;lt;` becomes `&lt;` and is never decoded twice.
void append_decoded_entities(std::string& out, std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    bool decoded = false;
    if (text[i] == '&') {
      for (const auto& entity : entities) {
        if (text.substr(i).starts_with(entity.escaped)) {
          out += entity.plain;
          i += entity.escaped.size();
          decoded = true;
          break;
        }
      }
    }
    if (!decoded) out += text[i++];
  }
}

bool is_broadcast(std::string_view name) {
  return name == "here" || name == "channel" || name == "everyone";
}

// `<!…>` forms: user groups, broadcasts and anything else Slack formats (dates…).
void append_special(std::string& out, std::string_view name, std::string_view label) {
  constexpr std::string_view subteam = "subteam^";
  if (name.starts_with(subteam)) {
    if (label.empty()) {
      out += '@';
      out += name.substr(subteam.size());
      return;
    }
    if (!label.starts_with('@')) out += '@';
    append_decoded_entities(out, label);
    return;
  }
  if (is_broadcast(name)) {
    out += '@';
    out += name;
    return;
  }
  append_decoded_entities(out, label.empty() ? name : label);
}

// One `<…>` form, without its brackets: `@U1|name`, `#C1|general`, `!here`, `url|label`.
void append_form(std::string& out, std::string_view inner) {
  const auto pipe = inner.find('|');
  const std::string_view target = inner.substr(0, pipe);
  const std::string_view label =
      pipe == std::string_view::npos ? std::string_view{} : inner.substr(pipe + 1);
  if (target.starts_with('@')) {
    out += target;  // a mention is its id: `@U123`, whatever the display label says
  } else if (target.starts_with('#')) {
    out += '#';
    append_decoded_entities(out, label.empty() ? target.substr(1) : label);
  } else if (target.starts_with('!')) {
    append_special(out, target.substr(1), label);
  } else if (label.empty()) {
    append_decoded_entities(out, target);
  } else {
    append_decoded_entities(out, label);
    out += " (";
    append_decoded_entities(out, target);
    out += ')';
  }
}

}  // namespace

std::string decode_markup(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t plain_start = 0;
  std::size_t open = text.find('<');
  while (open != std::string_view::npos) {
    // The next bracket decides: `>` closes this form; another `<` means this one is text.
    const std::size_t next = text.find_first_of("<>", open + 1);
    if (next == std::string_view::npos) break;
    if (text[next] == '<' || next == open + 1) {
      open = text[next] == '<' ? next : text.find('<', next + 1);
      continue;
    }
    append_decoded_entities(out, text.substr(plain_start, open - plain_start));
    append_form(out, text.substr(open + 1, next - open - 1));
    plain_start = next + 1;
    open = text.find('<', plain_start);
  }
  append_decoded_entities(out, text.substr(plain_start));
  return out;
}

std::string escape_mrkdwn(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '&') {
      out += "&amp;";
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else {
      out += c;
    }
    if (c != '@') continue;
    // Any case: `@Channel` must not page either. Words that merely start with one of these
    // (`@heretic`) get the joiner too; it is invisible.
    std::string rest;
    for (std::size_t j = i + 1; j < text.size() && j <= i + 8; ++j) {
      const char letter = text[j];
      rest += (letter >= 'A' && letter <= 'Z') ? static_cast<char>(letter - 'A' + 'a') : letter;
    }
    const std::string_view word = rest;
    if (word.starts_with("here") || word.starts_with("channel") || word.starts_with("everyone")) {
      out += word_joiner;
    }
  }
  return out;
}

}  // namespace warroom::bot::slack
