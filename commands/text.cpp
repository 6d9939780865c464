// Hostile-input hygiene: UTF-8 repair, control and ANSI-escape stripping, length limits.
#include "commands/text.h"

#include <fmt/format.h>

#include <cstdint>

namespace warroom::commands {
namespace {

constexpr std::string_view replacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the valid UTF-8 sequence starting at `at`, or 0 when it is not valid.
std::size_t valid_sequence_length(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  std::uint32_t minimum = 0;
  std::uint32_t code = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, minimum = 0x80, code = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, minimum = 0x800, code = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, minimum = 0x10000, code = lead & 0x07;
  } else {
    return 0;
  }
  if (at + length > text.size()) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(at + i) & 0xC0) != 0x80) return 0;
    code = (code << 6) | (byte(at + i) & 0x3F);
  }
  if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
  return length;
}

// Index after the bytes from `i` in [0x20, `last_intermediate`] and one final byte in
// [`first_final`, 0x7E], if there is one.
std::size_t skip_to_final(std::string_view text, std::size_t i, char last_intermediate,
                          char first_final) {
  while (i < text.size() && text[i] >= 0x20 && text[i] <= last_intermediate) ++i;
  if (i < text.size() && text[i] >= first_final && text[i] <= 0x7E) ++i;
  return i;
}

// Length of the ANSI escape sequence starting with ESC at `at` (at least 1: the ESC).
std::size_t escape_sequence_length(std::string_view text, std::size_t at) {
  std::size_t i = at + 1;
  if (i >= text.size()) return 1;
  const char kind = text[i++];
  // ESC before a multi-byte character: only the ESC goes, never half of the character.
  if (static_cast<unsigned char>(kind) >= 0x80) return 1;
  // CSI: parameters and intermediates, then one final byte
  if (kind == '[') return skip_to_final(text, i, 0x3F, 0x40) - at;
  if (kind == ']' || kind == 'P' || kind == '_' || kind == '^') {  // strings up to BEL or ST
    while (i < text.size() && text[i] != '\a' && text[i] != '\x1B') ++i;
    if (i < text.size() && text[i] == '\a') return i + 1 - at;
    // ST is ESC \; any other ESC ends the string and starts a sequence of its own.
    if (i + 1 < text.size() && text[i + 1] == '\\') return i + 2 - at;
    return i - at;
  }
  // nF (`ESC ( B`): intermediates from `kind` on, then one final byte
  if (kind >= 0x20 && kind <= 0x2F) return skip_to_final(text, at + 1, 0x2F, 0x30) - at;
  return 2;  // a two-character escape
}

bool is_space(char c) {
  return c == ' ' || c == '\n';
}

std::string trim(std::string_view text) {
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && is_space(text[begin])) ++begin;
  while (end > begin && is_space(text[end - 1])) --end;
  return std::string(text.substr(begin, end - begin));
}

}  // namespace

std::string too_long_message(std::size_t bytes) {
  return fmt::format("that command is too long: {} bytes, at most {}", bytes, max_line_bytes);
}

std::string repair_utf8(std::string_view raw) {
  std::string repaired;
  repaired.reserve(raw.size());
  for (std::size_t at = 0; at < raw.size();) {
    const std::size_t length = valid_sequence_length(raw, at);
    if (length == 0) {
      repaired += replacement;
      ++at;
    } else {
      repaired.append(raw, at, length);
      at += length;
    }
  }
  return repaired;
}

std::string strip_controls(std::string_view text, bool keep_newlines) {
  std::string stripped;
  stripped.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    const auto c = static_cast<unsigned char>(text[at]);
    if (c == 0x1B) {
      at += escape_sequence_length(text, at);
    } else if (c == 0xC2 && at + 1 < text.size() &&
               static_cast<unsigned char>(text[at + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[at + 1]) <= 0x9F) {
      at += 2;  // C1 control, U+0080..U+009F
    } else if (c == '\n') {
      stripped += keep_newlines ? '\n' : ' ';
      ++at;
    } else if (c == '\t') {
      stripped += ' ';
      ++at;
    } else if (c < 0x20 || c == 0x7F) {
      ++at;
    } else {
      stripped += static_cast<char>(c);
      ++at;
    }
  }
  return stripped;
}

std::size_t count_chars(std::string_view utf8) {
  std::size_t count = 0;
  for (const char c : utf8) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

std::string to_lower_ascii(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

Expected<std::string> clean_title(std::string_view raw, std::string_view what) {
  const std::string line = strip_controls(raw, false);
  std::string title;
  for (const char c : line) {  // collapse runs of spaces
    if (c == ' ' && (title.empty() || title.back() == ' ')) continue;
    title += c;
  }
  title = trim(title);
  if (title.empty()) return unexpected(fmt::format("the {} is empty", what));
  if (const auto chars = count_chars(title); chars > max_title_chars) {
    return unexpected(
        fmt::format("the {} is too long: {} characters, at most {}", what, chars, max_title_chars));
  }
  return title;
}

Expected<std::string> clean_text(std::string_view raw, std::string_view what, bool required) {
  std::string text = trim(strip_controls(raw, true));
  if (text.empty() && required) return unexpected(fmt::format("the {} is empty", what));
  if (const auto chars = count_chars(text); chars > max_text_chars) {
    return unexpected(
        fmt::format("the {} is too long: {} characters, at most {}", what, chars, max_text_chars));
  }
  return text;
}

}  // namespace warroom::commands
