// Tests for the stored time form (storage/time.h): exact format, round trip, strict parsing.
#include "storage/time.h"

#include <catch2/catch.hpp>

namespace warroom {
namespace {

using namespace std::chrono;

TEST_CASE("format_utc writes UTC with milliseconds in the stored form", "[storage]") {
  const TimePoint at = sys_days{2026y / November / 24} + 5h + 58min + 22s + 123ms;
  CHECK(format_utc(at) == "2026-11-24T05:58:22.123Z");
  CHECK(format_utc(TimePoint{}) == "1970-01-01T00:00:00.000Z");
  CHECK(format_utc(sys_days{2000y / January / 1} - 1ms) == "1999-12-31T23:59:59.999Z");
}

TEST_CASE("parse_utc reads back every time format_utc writes", "[storage]") {
  const TimePoint start = sys_days{2024y / February / 28} + 23h + 59min + 59s + 7ms;
  for (const auto step : {0h, 1h, 24h, 48h, 8760h}) {
    const TimePoint at = start + step;
    CAPTURE(format_utc(at));
    CHECK(parse_utc(format_utc(at)) == at);
  }
}

TEST_CASE("parse_utc refuses anything but the exact stored form", "[storage]") {
  const std::string input =
      GENERATE(as<std::string>{}, "", "2026-11-24T05:58:22Z", "2026-11-24T05:58:22.123",
               "2026-11-24 05:58:22.123Z", "2026-11-24T05:58:22.123+00:00",
               "2026-13-01T00:00:00.000Z", "2026-02-30T00:00:00.000Z", "2026-11-24T24:00:00.000Z",
               "2026-11-24T05:60:00.000Z", "2026-11-24T05:58:60.000Z", "2026-11-24T05:58:22.12aZ",
               "2026-11-24t05:58:22.123z", " 2026-11-24T05:58:22.123Z");
  CAPTURE(input);
  CHECK_FALSE(parse_utc(input).has_value());
}

TEST_CASE("parse_utc accepts a leap day", "[storage]") {
  CHECK(parse_utc("2024-02-29T12:00:00.000Z") == sys_days{2024y / February / 29} + 12h);
}

}  // namespace
}  // namespace warroom
