// Arguments: the words after a command's name, consumed left to right, plus the incident
// the user named (`INC-7` before or right after the command).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace warroom::commands {

// `INC-7` in any case; nullopt for anything else (including `INC-0` and overflow).
std::optional<std::int64_t> parse_incident_key(std::string_view word);

class Arguments {
 public:
  explicit Arguments(std::string text, std::optional<std::int64_t> incident = std::nullopt);

  // The incident named with INC-n, if the user named one.
  std::optional<std::int64_t> incident() const { return incident_; }
  bool empty() const;
  // The next whitespace-separated word without consuming it.
  std::optional<std::string> peek_word() const;
  std::optional<std::string> take_word();
  // The next word if it is a mention (`@alice`, `@U01ABC`), without the `@`; leaves the
  // arguments untouched otherwise.
  std::optional<std::string> take_mention();
  // Consumes the next word when it equals `word` (ASCII case-insensitive).
  bool take_keyword(std::string_view word);
  // Everything not consumed yet, trimmed; inner newlines are kept.
  std::string take_rest();

 private:
  std::string text_;
  std::size_t position_ = 0;
  std::optional<std::int64_t> incident_;
};

// A user id as a mention must look: letters, digits, `.`, `_`, `-`; 1 to 64 of them.
bool is_valid_user_id(std::string_view user);

}  // namespace warroom::commands
