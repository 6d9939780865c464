// Formats and parses the one time form warroom stores: `YYYY-MM-DDTHH:MM:SS.mmmZ`, UTC,
// built on C++20 calendar types (GCC 12 has neither <format> nor chrono::parse).
#include "storage/time.h"

#include <array>
#include <cstdio>

namespace warroom {
namespace {

constexpr std::size_t formatted_length = 24;  // 2026-11-24T05:58:22.123Z

// Reads `count` decimal digits at `offset`; nullopt if any of them is not a digit.
std::optional<int> read_digits(std::string_view text, std::size_t offset, std::size_t count) {
  int value = 0;
  for (std::size_t i = offset; i < offset + count; ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

bool has_separators(std::string_view text) {
  return text[4] == '-' && text[7] == '-' && text[10] == 'T' && text[13] == ':' &&
         text[16] == ':' && text[19] == '.' && text[23] == 'Z';
}

}  // namespace

std::string format_utc(TimePoint at) {
  using namespace std::chrono;
  const auto day = floor<days>(at);
  const year_month_day date{day};
  const hh_mm_ss<milliseconds> time{at - day};
  std::array<char, 64> buffer{};
  const int written = std::snprintf(
      buffer.data(), buffer.size(), "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", int{date.year()},
      unsigned{date.month()}, unsigned{date.day()}, static_cast<int>(time.hours().count()),
      static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()),
      static_cast<int>(time.subseconds().count()));
  return {buffer.data(), static_cast<std::size_t>(written)};
}

std::optional<TimePoint> parse_utc(std::string_view text) {
  using namespace std::chrono;
  if (text.size() != formatted_length || !has_separators(text)) return std::nullopt;
  const auto y = read_digits(text, 0, 4);
  const auto mo = read_digits(text, 5, 2);
  const auto d = read_digits(text, 8, 2);
  const auto h = read_digits(text, 11, 2);
  const auto mi = read_digits(text, 14, 2);
  const auto s = read_digits(text, 17, 2);
  const auto ms = read_digits(text, 20, 3);
  if (!y || !mo || !d || !h || !mi || !s || !ms) return std::nullopt;
  const year_month_day date{year{*y}, month{static_cast<unsigned>(*mo)},
                            day{static_cast<unsigned>(*d)}};
  if (!date.ok() || *h > 23 || *mi > 59 || *s > 59) return std::nullopt;
  return sys_days{date} + hours{*h} + minutes{*mi} + seconds{*s} + milliseconds{*ms};
}

}  // namespace warroom
