// Parses `10s`, `30m`, `2h`, `1d`.
#include "commands/duration.h"

#include <charconv>

namespace warroom::commands {

std::optional<std::chrono::seconds> parse_duration(std::string_view text) {
  if (text.size() < 2) return std::nullopt;
  long long scale = 0;
  switch (text.back()) {
    case 's':
      scale = 1;
      break;
    case 'm':
      scale = 60;
      break;
    case 'h':
      scale = 3600;
      break;
    case 'd':
      scale = 86400;
      break;
    default:
      return std::nullopt;
  }
  const std::string_view digits = text.substr(0, text.size() - 1);
  if (digits.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
  long long value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  constexpr long long year = 366LL * 86400;
  if (value > year / scale) return std::nullopt;
  return std::chrono::seconds(value * scale);
}

}  // namespace warroom::commands
