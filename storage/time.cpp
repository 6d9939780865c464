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

// Writes `value` as `width` decimal digits ending just before `end`.
void put_digits(char* end, unsigned value, int width) {
  for (int i = 0; i < width; ++i, value /= 10) *--end = static_cast<char>('0' + value % 10);
}

}  // namespace

// Digit by digit: every stored row and every bound time goes through here, and snprintf
// cost a few thousand instructions a call.
std::string format_utc(TimePoint at) {
  using namespace std::chrono;
  const auto day = floor<days>(at);
  const year_month_day date{day};
  const hh_mm_ss<milliseconds> time{at - day};
  if (const int y = int{date.year()}; y >= 0 && y <= 9999) {
    std::string text = "0000-00-00T00:00:00.000Z";
    char* digits = text.data();
    put_digits(digits + 4, static_cast<unsigned>(y), 4);
    put_digits(digits + 7, unsigned{date.month()}, 2);
    put_digits(digits + 10, unsigned{date.day()}, 2);
    put_digits(digits + 13, static_cast<unsigned>(time.hours().count()), 2);
    put_digits(digits + 16, static_cast<unsigned>(time.minutes().count()), 2);
    put_digits(digits + 19, static_cast<unsigned>(time.seconds().count()), 2);
    put_digits(digits + 23, static_cast<unsigned>(time.subseconds().count()), 3);
    return text;
  }
  std::array<char, 64> buffer{};  // a year without four digits: as printf writes it
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
