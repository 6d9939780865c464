// Hostile-input hygiene for everything a user types: UTF-8 repair, control-character and
// ANSI-escape stripping, and the length limits (in characters, i.e. code points).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "commands/expected.h"

namespace warroom::commands {

inline constexpr std::size_t max_title_chars = 200;
inline constexpr std::size_t max_text_chars = 4000;
// A whole command line (bytes) before any parsing: room for 4,000 four-byte characters.
inline constexpr std::size_t max_line_bytes = 20000;

// "that command is too long: 25000 bytes, at most 20000"
std::string too_long_message(std::size_t bytes);

// Replaces every invalid UTF-8 sequence with U+FFFD. Run at the edge on all input.
std::string repair_utf8(std::string_view raw);
// Removes C0 and C1 control characters, DEL and ANSI escape sequences. Newlines are kept
// when `keep_newlines` (tabs become spaces, CR is dropped); otherwise they become spaces.
std::string strip_controls(std::string_view text, bool keep_newlines);
// Code points in valid UTF-8.
std::size_t count_chars(std::string_view utf8);
// ASCII lower case; other bytes unchanged.
std::string to_lower_ascii(std::string_view text);

// A title: one line, controls stripped, trimmed, 1 to 200 characters. The error names
// `what` and says what was wrong ("title is too long: 250 characters, at most 200").
Expected<std::string> clean_title(std::string_view raw, std::string_view what = "title");
// A text (update, note, impact, reason…): newlines kept, at most 4,000 characters.
// Empty is an error when `required`.
Expected<std::string> clean_text(std::string_view raw, std::string_view what, bool required = true);

}  // namespace warroom::commands
