// Arguments: left-to-right consumption of the words after a command's name.
#include "commands/arguments.h"

#include <charconv>

#include "commands/text.h"

namespace warroom::commands {
namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

}  // namespace

std::optional<std::int64_t> parse_incident_key(std::string_view word) {
  if (word.size() < 5 || to_lower_ascii(word.substr(0, 4)) != "inc-") return std::nullopt;
  const std::string_view digits = word.substr(4);
  std::int64_t number = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
  if (error != std::errc{} || end != digits.data() + digits.size() || number <= 0) {
    return std::nullopt;
  }
  return number;
}

bool is_valid_user_id(std::string_view user) {
  if (user.empty() || user.size() > 64) return false;
  for (const char c : user) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

Arguments::Arguments(std::string text, std::optional<std::int64_t> incident)
    : text_(std::move(text)), incident_(incident) {}

bool Arguments::empty() const {
  return !peek_word().has_value();
}

std::optional<std::string> Arguments::peek_word() const {
  std::size_t begin = position_;
  while (begin < text_.size() && is_blank(text_[begin])) ++begin;
  if (begin == text_.size()) return std::nullopt;
  std::size_t end = begin;
  while (end < text_.size() && !is_blank(text_[end])) ++end;
  return text_.substr(begin, end - begin);
}

std::optional<std::string> Arguments::take_word() {
  auto word = peek_word();
  if (!word) return std::nullopt;
  position_ = text_.find(*word, position_) + word->size();
  return word;
}

std::optional<std::string> Arguments::take_mention() {
  const auto word = peek_word();
  if (!word || word->size() < 2 || word->front() != '@') return std::nullopt;
  if (!is_valid_user_id(std::string_view(*word).substr(1))) return std::nullopt;
  take_word();
  return word->substr(1);
}

bool Arguments::take_keyword(std::string_view word) {
  const auto next = peek_word();
  if (!next || to_lower_ascii(*next) != to_lower_ascii(word)) return false;
  take_word();
  return true;
}

std::string Arguments::take_rest() {
  std::size_t begin = position_;
  while (begin < text_.size() && is_blank(text_[begin])) ++begin;
  std::size_t end = text_.size();
  while (end > begin && is_blank(text_[end - 1])) --end;
  position_ = text_.size();
  return text_.substr(begin, end - begin);
}

}  // namespace warroom::commands
