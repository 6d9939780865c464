// The form decoder of the POST routes: each name and value decoded exactly once, as Slack
// encodes a slash command (quote_plus: `+` for a space, `%XX` for everything else).
#include "bot/form.h"

#include <catch2/catch.hpp>

namespace warroom::bot {
namespace {

using Fields = std::multimap<std::string, std::string>;

Fields parsed(std::string_view body) {
  Fields fields;
  parse_form(body, fields);
  return fields;
}

}  // namespace

TEST_CASE("a form field is decoded once: plus is a space and %XX a byte", "[bot][form]") {
  const auto [body, value] = GENERATE(table<std::string, std::string>({
      {"text=update+DB+down", "update DB down"},
      {"text=50%25+of+pods", "50% of pods"},  // %25 is a percent sign, not decoded twice
      {"text=a%2Bb%3Dc%26d", "a+b=c&d"},      // an encoded + stays a plus
      {"text=%E6%9D%B1%E4%BA%AC", "\xE6\x9D\xB1\xE4\xBA\xAC"},  // UTF-8 bytes as sent
      {"text=100%", "100%"},                                    // a % without two hex digits stays
      {"text=%zz%4", "%zz%4"},
      {"text=", ""},
      {"text", ""},
      {"text=a=b", "a=b"},  // only the first = separates
  }));
  CAPTURE(body);
  const auto fields = parsed(body);
  REQUIRE(fields.count("text") == 1);
  CHECK(fields.find("text")->second == value);
}

TEST_CASE("a slash-command body gives every field, names decoded as well", "[bot][form]") {
  const auto fields = parsed(
      "token=x&team_id=T1&channel_id=C1&user_id=U1&command=%2Fincident&text=update+ok"
      "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1%2F2&a%5Bb%5D=1");
  CHECK(fields.size() == 8);
  CHECK(fields.find("command")->second == "/incident");
  CHECK(fields.find("response_url")->second == "https://hooks.slack.com/commands/1/2");
  CHECK(fields.find("a[b]")->second == "1");
}

TEST_CASE("empty fields and empty names are skipped and repeated names all kept", "[bot][form]") {
  const auto fields = parsed("&&=lost&a=1&&a=2&");
  CHECK(fields.size() == 2);
  CHECK(fields.count("a") == 2);
  CHECK(parsed("").empty());
}

}  // namespace warroom::bot
