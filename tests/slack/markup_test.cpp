// Tests for Slack markup (bot/slack/markup.h): what users type arrives escaped
// (should_escape: true) and is decoded into plain text; what warroom posts is escaped so it
// cannot forge markup or page a whole workspace.
#include "bot/slack/markup.h"

#include <catch2/catch.hpp>
#include <string>

namespace warroom::bot::slack {
namespace {

using Row = std::pair<std::string, std::string>;

const std::string joiner = "\u2060";  // U+2060 WORD JOINER

TEST_CASE("decode_markup turns Slack's escaped forms into plain text", "[slack]") {
  const auto [input, expected] = GENERATE(table<std::string, std::string>({
      Row{"plain words", "plain words"},
      Row{"", ""},
      Row{"<@U123>", "@U123"},
      Row{"<@U123|alice>", "@U123"},
      Row{"assign <@U123|alice> comms", "assign @U123 comms"},
      Row{"<@U1><@U2>", "@U1@U2"},
      Row{"<!subteam^S1|@oncall>", "@oncall"},
      Row{"<!subteam^S1|oncall>", "@oncall"},
      Row{"<!subteam^S1>", "@S1"},
      Row{"<#C1|general>", "#general"},
      Row{"<#C1>", "#C1"},
      Row{"<#C1|>", "#C1"},
      Row{"<https://x|label>", "label (https://x)"},
      Row{"<https://x>", "https://x"},
      Row{"see <https://x.example/a?b=1&amp;c=2|the runbook> now",
          "see the runbook (https://x.example/a?b=1&c=2) now"},
      Row{"<mailto:ops@example.com|ops@example.com>", "ops@example.com (mailto:ops@example.com)"},
      Row{"<!here>", "@here"},
      Row{"<!channel>", "@channel"},
      Row{"<!everyone>", "@everyone"},
      Row{"<!here|here>", "@here"},
      Row{"<!date^1392734382^{date}|Feb 18, 2014>", "Feb 18, 2014"},
      Row{"a &lt; b &amp;&amp; c &gt; d", "a < b && c > d"},
      Row{"&amp;lt;", "&lt;"},
      Row{"&lt;@U1&gt;", "<@U1>"},
      Row{"&lt;!channel&gt;", "<!channel>"},
      Row{"&quot;kept&quot; &#60;", "&quot;kept&quot; &#60;"},
      Row{"&", "&"},
      Row{"&lt", "&lt"},
      Row{"unbalanced < here", "unbalanced < here"},
      Row{"a < b <@U1>", "a < b @U1"},
      Row{"<<@U1>", "<@U1"},
      Row{"<>", "<>"},
      Row{"trailing <", "trailing <"},
      Row{"x > y", "x > y"},
      Row{"caf\xC3\xA9 <@U1|j\xC3\xA9r\xC3\xB4me> \xF0\x9F\x94\xA5",
          "caf\xC3\xA9 @U1 \xF0\x9F\x94\xA5"},
      Row{"line one\n<@U1>\nline three", "line one\n@U1\nline three"},
  }));
  CAPTURE(input);
  CHECK(decode_markup(input) == expected);
}

TEST_CASE("decode_markup handles 64 KiB of angle brackets in linear time", "[slack]") {
  const std::string opens(64 * 1024, '<');
  CHECK(decode_markup(opens) == opens);
  const std::string nested = std::string(32 * 1024, '<') + "x" + std::string(32 * 1024, '>');
  CHECK(decode_markup(nested) ==
        std::string(32 * 1024 - 1, '<') + "x" + std::string(32 * 1024 - 1, '>'));
}

TEST_CASE("escape_mrkdwn escapes markup characters and neutralises broadcasts", "[slack]") {
  const auto [input, expected] = GENERATE(table<std::string, std::string>({
      Row{"plain words", "plain words"},
      Row{"", ""},
      Row{"a < b && c > d", "a &lt; b &amp;&amp; c &gt; d"},
      Row{"&lt;", "&amp;lt;"},
      Row{"<!channel>", "&lt;!channel&gt;"},
      Row{"<@U1>", "&lt;@U1&gt;"},
      Row{"@here please", "@" + joiner + "here please"},
      Row{"ping @channel now", "ping @" + joiner + "channel now"},
      Row{"@everyone", "@" + joiner + "everyone"},
      Row{"@Channel and @HERE", "@" + joiner + "Channel and @" + joiner + "HERE"},
      Row{"@@here", "@@" + joiner + "here"},
      Row{"@U123 and @alice", "@U123 and @alice"},
      Row{"mail ops@example.com", "mail ops@example.com"},
      Row{"@", "@"},
      Row{"@her", "@her"},
      Row{"*bold* _it_ `code`", "*bold* _it_ `code`"},
  }));
  CAPTURE(input);
  CHECK(escape_mrkdwn(input) == expected);
}

TEST_CASE("a decoded broadcast is neutralised when posted back", "[slack]") {
  const auto posted = escape_mrkdwn(decode_markup("status: <!here> <!channel> <!everyone>"));
  CHECK(posted == "status: @" + joiner + "here @" + joiner + "channel @" + joiner + "everyone");
}

TEST_CASE("text typed as entities round-trips through decode and escape unchanged", "[slack]") {
  const std::string typed = "&lt;@U1&gt; &amp; &lt;!here&gt;";
  CHECK(escape_mrkdwn(decode_markup(typed)) == typed);
}

}  // namespace
}  // namespace warroom::bot::slack
