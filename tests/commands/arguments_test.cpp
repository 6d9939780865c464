// Tests for argument parsing (commands/arguments.h): incident keys, user ids, and consuming
// words, mentions, keywords and the rest of a line.
#include "commands/arguments.h"

#include <catch2/catch.hpp>

namespace warroom::commands {
namespace {

using Key = std::optional<std::int64_t>;

TEST_CASE("parse_incident_key accepts INC-n in any case and nothing else", "[commands]") {
  const auto [word, expected] = GENERATE(table<std::string, Key>({
      {"INC-7", 7},
      {"inc-7", 7},
      {"Inc-42", 42},
      {"INC-1", 1},
      {"INC-007", 7},
      {"INC-9223372036854775807", 9223372036854775807},
      {"INC-0", std::nullopt},
      {"INC-00", std::nullopt},
      {"INC--1", std::nullopt},
      {"INC-+1", std::nullopt},
      {"INC-7x", std::nullopt},
      {"INC-x7", std::nullopt},
      {"INC-1.5", std::nullopt},
      {"INC-0x10", std::nullopt},
      {"INC- 7", std::nullopt},
      {"INC-7 ", std::nullopt},
      {"INC-", std::nullopt},
      {"INC", std::nullopt},
      {"INC7", std::nullopt},
      {"INC_7", std::nullopt},
      {"XINC-7", std::nullopt},
      {"PRB-7", std::nullopt},
      {"INC-9223372036854775808", std::nullopt},
      {"INC-99999999999999999999999", std::nullopt},
      {"INC-\xD9\xA3", std::nullopt},  // an Arabic-Indic digit three
      {"", std::nullopt},
  }));
  CAPTURE(word);
  CHECK(parse_incident_key(word) == expected);
}

TEST_CASE("is_valid_user_id accepts 1 to 64 letters, digits, dots, dashes, underscores",
          "[commands]") {
  const auto [user, valid] = GENERATE(table<std::string, bool>({
      {"alice", true},
      {"U01ABC", true},
      {"first.last", true},
      {"on-call_2", true},
      {std::string(64, 'a'), true},
      {std::string(65, 'a'), false},
      {"", false},
      {"bob!", false},
      {"bob smith", false},
      {"<@U1>", false},
      {"@bob", false},
      {"björn", false},
  }));
  CAPTURE(user);
  CHECK(is_valid_user_id(user) == valid);
}

TEST_CASE("take_word consumes words left to right and peek_word does not", "[commands]") {
  Arguments args("  a a\tb\nab  ");
  CHECK_FALSE(args.empty());
  CHECK(args.peek_word() == "a");
  CHECK(args.take_word() == "a");
  CHECK(args.take_word() == "a");
  CHECK(args.peek_word() == "b");
  CHECK(args.take_word() == "b");
  CHECK(args.take_word() == "ab");
  CHECK(args.empty());
  CHECK_FALSE(args.take_word());
  CHECK(args.take_rest().empty());
}

TEST_CASE("take_mention consumes only a mention of a valid user id", "[commands]") {
  using Row = std::tuple<std::string, std::optional<std::string>, std::string>;
  const auto [text, mention, next] =
      GENERATE(table<std::string, std::optional<std::string>, std::string>({
          Row{"@bob comms", "bob", "comms"},
          Row{"@U01ABC", "U01ABC", ""},
          Row{"  @first.last  note", "first.last", "note"},
          Row{"bob comms", std::nullopt, "bob"},
          Row{"@ comms", std::nullopt, "@"},
          Row{"@bob, comms", std::nullopt, "@bob,"},
          Row{"@@bob", std::nullopt, "@@bob"},
          Row{"", std::nullopt, ""},
      }));
  CAPTURE(text);
  Arguments args(text);
  CHECK(args.take_mention() == mention);
  CHECK(args.take_word().value_or("") == next);
}

TEST_CASE("take_keyword consumes the word only when it matches in any case", "[commands]") {
  Arguments args("To @bob help");
  CHECK_FALSE(args.take_keyword("from"));
  CHECK(args.take_keyword("to"));
  CHECK_FALSE(args.take_keyword("to"));
  CHECK(args.take_mention() == "bob");
  CHECK_FALSE(args.take_keyword("hel"));
  CHECK(args.take_rest() == "help");
  CHECK_FALSE(args.take_keyword("help"));
}

TEST_CASE("take_rest trims the ends and keeps inner newlines and spacing", "[commands]") {
  using Row = std::pair<std::string, std::string>;
  const auto [text, rest] = GENERATE(table<std::string, std::string>({
      Row{"word  first line\n  second line \n", "first line\n  second line"},
      Row{"word \t\r\n", ""},
      Row{"word  keep   inner  ", "keep   inner"},
  }));
  CAPTURE(text);
  Arguments args(text);
  CHECK(args.take_word() == "word");
  CHECK(args.take_rest() == rest);
  CHECK(args.empty());
}

TEST_CASE("Arguments carries the incident the user named", "[commands]") {
  CHECK_FALSE(Arguments("text").incident());
  CHECK(Arguments("text", 7).incident() == 7);
  CHECK(Arguments("").empty());
  CHECK(Arguments(" \n\t ").empty());
}

}  // namespace
}  // namespace warroom::commands
