// The bugs `make fuzz` found, each as a plain test of the behaviour that was wrong (the crash
// inputs themselves stay in tests/fuzz/corpus/ and are replayed by regressions_test.cpp).
#include <catch2/catch.hpp>

#include "bot/review/markdown.h"
#include "bot/slack/payload.h"
#include "bot/slack/response_url.h"
#include "commands/text.h"
#include "tests/support/chat_session.h"

namespace warroom::testing {

TEST_CASE("a refused command line never echoes control characters or a forged mention", "[fuzz]") {
  ChatSession session;
  // \x1E and \x1F are the mention markers: typed by a user they made `<@boss>` in Slack.
  const auto reply = session.run("alice",
                                 "\x1E"
                                 "boss\x1F\x07");
  CHECK_THAT(reply.text, Catch::StartsWith("unknown command \"boss\"."));
  CHECK(reply.text.find_first_of("\x1E\x1F\x07") == std::string::npos);
}

TEST_CASE("an escape before a multi-byte character never leaves half of it", "[fuzz]") {
  CHECK(commands::strip_controls("a\x1B\xC3\xA9z", true) == "a\xC3\xA9z");
  CHECK(commands::strip_controls("\x1B\xEF\xBF\xBD", true) == "\xEF\xBF\xBD");
  CHECK(commands::strip_controls("\x1B]title\x1B\xC3\xA9!", true) == "\xC3\xA9!");
  CHECK(commands::strip_controls("\x1B]8;;https://x\x1B\\link", true) == "link");
}

TEST_CASE("carriage returns before leading blanks cannot open a Markdown code block", "[fuzz]") {
  CHECK(bot::escape_markdown("\r\r\tcode") == "&#32;code");
  CHECK(bot::escape_markdown("\r    code") == "&#32;&#32;&#32;&#32;code");
}

TEST_CASE("vertical tabs and form feeds at the end leave no stray backslash in Markdown",
          "[fuzz]") {
  CHECK(bot::escape_markdown("done\n\x0B") == "done");
  CHECK(bot::escape_markdown("done\r\n\x0C \n") == "done");
}

TEST_CASE("an ack button on INC-0 is ignored like any value that names no incident", "[fuzz]") {
  const auto interaction = bot::slack::parse_interaction(
      R"({"type":"block_actions","user":{"id":"U1"},"channel":{"id":"C1"},)"
      R"("actions":[{"action_id":"ack","value":"INC-0"}]})");
  REQUIRE(interaction);
  CHECK(interaction->ignored);
}

TEST_CASE("a response_url is allowed only when the poster can reach that exact host", "[fuzz]") {
  const std::vector<std::string> hosts = {"hooks.slack.com"};
  const auto [url, allowed] = GENERATE(table<std::string, bool>({
      {"https://hooks.slack.com/actions/T1/1/a b", false},  // the poster refuses blanks
      {"https://hooks.slack.com:443x/actions", false},
      {"https://hooks.slack.com:/actions", false},
      {"https://hooks.slack.com:8443/actions", true},
      {"https://hooks.slack.com/actions?x=1", true},  // what the poster sends as the target
  }));
  CAPTURE(url);
  CHECK(bot::slack::is_allowed_response_url(url, hosts) == allowed);
}

}  // namespace warroom::testing
