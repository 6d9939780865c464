// Tests for input hygiene (commands/text.h): control characters, DEL, C1 controls and ANSI
// escapes are stripped; invalid UTF-8 becomes U+FFFD; titles are one line of at most 200
// characters and texts keep their newlines, at most 4000 characters.
#include "commands/text.h"

#include <catch2/catch.hpp>

namespace warroom::commands {
namespace {

using Row = std::pair<std::string, std::string>;

const std::string replacement = "\uFFFD";

std::string repeat(std::string_view piece, std::size_t times) {
  std::string text;
  for (std::size_t i = 0; i < times; ++i) text += piece;
  return text;
}

TEST_CASE("strip_controls removes control characters, DEL, C1 controls and ANSI escapes",
          "[commands]") {
  const auto [input, expected] = GENERATE(table<std::string, std::string>({
      Row{"plain text", "plain text"},
      Row{std::string("a\0b", 3), "ab"},
      Row{"a\x01\x02\x03\x1F"
          "b",
          "ab"},
      Row{"bell\x07!", "bell!"},
      Row{"del\x7F!", "del!"},
      Row{"c1\xC2\x80\xC2\x85\xC2\x9F!", "c1!"},
      Row{"csi\xC2\x9B"
          "31m!",
          "csi31m!"},
      Row{"nbsp\xC2\xA0kept", "nbsp\xC2\xA0kept"},
      Row{"\x1B[31mred\x1B[0m", "red"},
      Row{"\x1B[1;4;38;5;196mloud\x1B[m", "loud"},
      Row{"\x1B]0;window title\x07text", "text"},
      Row{"\x1B]8;;https://evil.example\x1B\\click\x1B]8;;\x1B\\", "click"},
      Row{"\x1B(Bplain\x1B[m", "plain"},
      Row{"\x1B"
          "cclear",
          "clear"},
      Row{"end\x1B", "end"},
      Row{"end\x1B[", "end"},
      Row{"tab\there", "tab here"},
      Row{"cr\r\nlf", "cr\nlf"},
      Row{"café ☕ 💳 支付", "café ☕ 💳 支付"},
  }));
  CAPTURE(input);
  CHECK(strip_controls(input, true) == expected);
}

TEST_CASE("strip_controls keeps newlines only when asked", "[commands]") {
  CHECK(strip_controls("one\ntwo\r\nthree", true) == "one\ntwo\nthree");
  CHECK(strip_controls("one\ntwo\r\nthree", false) == "one two three");
}

TEST_CASE("repair_utf8 replaces invalid bytes with U+FFFD and keeps valid text", "[commands]") {
  const auto [input, expected] = GENERATE_COPY(table<std::string, std::string>({
      Row{"valid ascii", "valid ascii"},
      Row{"é 💳 ☕ 支付", "é 💳 ☕ 支付"},
      Row{"\xFF", replacement},
      Row{"a\xFE"
          "b",
          "a" + replacement + "b"},
      Row{"lone continuation \x80!", "lone continuation " + replacement + "!"},
      Row{"truncated \xC3", "truncated " + replacement},
      Row{"\xC3"
          "x",
          replacement + "x"},
      Row{"\xF8\x88\x80\x80\x80", repeat(replacement, 5)},
      Row{"\xC0\xAF", repeat(replacement, 2)},
  }));
  CAPTURE(input);
  CHECK(repair_utf8(input) == expected);
}

TEST_CASE("repair_utf8 leaves no overlong, surrogate or out-of-range sequence", "[commands]") {
  const auto input =
      GENERATE(as<std::string>{}, "\xC1\xBF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xED\xBF\xBF",
               "\xF4\x90\x80\x80", "\xF0\x8F\xBF\xBF", "\xE2\x82", "\xF0\x9F\x92");
  CAPTURE(input);
  const std::string repaired = repair_utf8("<" + input + ">");
  CHECK(repaired.front() == '<');
  CHECK(repaired.back() == '>');
  CHECK(repaired.find(replacement) != std::string::npos);
  CHECK(repair_utf8(repaired) == repaired);  // the result is valid UTF-8
  const std::string inner = repaired.substr(1, repaired.size() - 2);
  CHECK(inner == repeat(replacement, inner.size() / replacement.size()));
}

TEST_CASE("count_chars counts code points, not bytes", "[commands]") {
  const auto [text, count] = GENERATE(table<std::string, std::size_t>(
      {{"", 0}, {"abc", 3}, {"héllo", 5}, {"💳", 1}, {"☕ 支付", 4}, {"\uFFFD", 1}}));
  CAPTURE(text);
  CHECK(count_chars(text) == count);
}

TEST_CASE("clean_title makes one trimmed line and keeps unicode intact", "[commands]") {
  const auto [input, expected] = GENERATE(table<std::string, std::string>({
      Row{"Payments failing", "Payments failing"},
      Row{"  Payments    failing  ", "Payments failing"},
      Row{"line one\nline two", "line one line two"},
      Row{"line one\r\n\nline two\n", "line one line two"},
      Row{"tab\tseparated", "tab separated"},
      Row{"\x1B[1mBold\x1B[0m title\x07", "Bold title"},
      Row{"💳 Zahlungen schlagen fehl — café ☕", "💳 Zahlungen schlagen fehl — café ☕"},
      Row{"支付失败 👩‍💻", "支付失败 👩‍💻"},
  }));
  CAPTURE(input);
  const auto title = clean_title(input);
  REQUIRE(title.has_value());
  CHECK(*title == expected);
}

TEST_CASE("clean_title refuses empty titles and titles over 200 characters", "[commands]") {
  const auto [input, error] = GENERATE_COPY(table<std::string, std::string>({
      Row{"", "the title is empty"},
      Row{"   \n  ", "the title is empty"},
      Row{"\x1B[0m\x07\x7F", "the title is empty"},
      Row{std::string(201, 't'), "the title is too long: 201 characters, at most 200"},
      Row{repeat("💳", 201), "the title is too long: 201 characters, at most 200"},
      Row{"  " + std::string(250, 't') + "  ", "the title is too long: 250 characters"},
  }));
  CAPTURE(input);
  const auto title = clean_title(input);
  REQUIRE_FALSE(title.has_value());
  CHECK_THAT(title.error(), Catch::StartsWith(error));
}

TEST_CASE("clean_title counts characters, so 200 emoji fit", "[commands]") {
  CHECK(clean_title(std::string(200, 't')).has_value());
  const auto emoji = clean_title(repeat("💳", 200));
  REQUIRE(emoji.has_value());
  CHECK(*emoji == repeat("💳", 200));
  CHECK(clean_title("", "problem title").error() == "the problem title is empty");
}

TEST_CASE("clean_text keeps newlines, strips controls and trims the ends", "[commands]") {
  const auto [input, expected] = GENERATE(table<std::string, std::string>({
      Row{"rolled back", "rolled back"},
      Row{"\n\n  first\nsecond\n\n", "first\nsecond"},
      Row{"first\r\nsecond", "first\nsecond"},
      Row{"keep  inner   spaces", "keep  inner   spaces"},
      Row{"\x1B[32mgreen\x1B[0m\nnext\x07 line", "green\nnext line"},
      Row{"paged <!channel> 💥", "paged <!channel> 💥"},
  }));
  CAPTURE(input);
  const auto text = clean_text(input, "update");
  REQUIRE(text.has_value());
  CHECK(*text == expected);
}

TEST_CASE("clean_text refuses texts over 4000 characters and empty required ones", "[commands]") {
  CHECK(clean_text(std::string(4000, 'u'), "update").has_value());
  CHECK(clean_text(repeat("🔥", 4000), "update").has_value());
  CHECK(clean_text(std::string(4001, 'u'), "update").error() ==
        "the update is too long: 4001 characters, at most 4000");
  CHECK(clean_text(repeat("🔥", 4001), "note").error() ==
        "the note is too long: 4001 characters, at most 4000");
  CHECK(clean_text(" \n ", "reason").error() == "the reason is empty");
  const auto optional = clean_text(" \n ", "note", false);
  REQUIRE(optional.has_value());
  CHECK(optional->empty());
}

TEST_CASE("too_long_message names the size and the limit", "[commands]") {
  CHECK(too_long_message(100'000) == "that command is too long: 100000 bytes, at most 20000");
  CHECK(max_line_bytes >= 4 * max_text_chars);
}

TEST_CASE("to_lower_ascii lowers ASCII letters only", "[commands]") {
  CHECK(to_lower_ascii("INC-7 Declare") == "inc-7 declare");
  CHECK(to_lower_ascii("ÄÖÜ É") == "ÄÖÜ É");
}

}  // namespace
}  // namespace warroom::commands
