// The messages `link` and `problem` queue for the incident's own channel, rendered through
// their built-in templates as Slack will show them.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "bot/slack/blocks.h"
#include "templates/templates.h"
#include "tests/support/chat_session.h"

namespace warroom::testing {
namespace {

using nlohmann::json;

// The mrkdwn text of the only message `line` queued (templates end with a newline).
std::string posted_text(ChatSession& session, const std::string& line) {
  const auto result = session.run_full("dave", line, "C9");
  REQUIRE(result.queued.size() == 1);
  const templates::Templates templates;
  const bot::slack::MessageRenderer renderer(templates, "");
  return json::parse(renderer.post_body(result.queued[0], "C1"))["text"].get<std::string>();
}

TEST_CASE("link and problem messages render through their templates", "[link][problem]") {
  ChatSession session;
  session.run("alice", "declare Payments failing", "C1");
  session.run("bob", "declare Card processor <down>", "C2");
  session.run("carol", "declare Checkout errors", "C3");
  CHECK(posted_text(session, "INC-1 link INC-2 parent") ==
        ":link: *INC-1*'s parent is now *INC-2*: Card processor &lt;down&gt;\n");
  CHECK(posted_text(session, "INC-1 link INC-3 parent") ==
        ":link: *INC-1*'s parent is now *INC-3*: Checkout errors (its parent was INC-2)\n");
  CHECK(posted_text(session, "INC-2 link INC-3 related") ==
        ":link: *INC-2* is related to *INC-3*: Checkout errors\n");
  CHECK(posted_text(session, "INC-3 link INC-2 child") ==
        ":link: *INC-3* is now the parent of *INC-2*: Card processor &lt;down&gt;\n");
  CHECK(posted_text(session, "INC-1 problem new Pool exhaustion") ==
        ":jigsaw: *INC-1* is attached to a new problem record, *PRB-1* (open): Pool exhaustion\n");
  CHECK(posted_text(session, "INC-2 problem link PRB-1") ==
        ":jigsaw: *INC-2* is attached to *PRB-1* (open): Pool exhaustion\n");
}

TEST_CASE("a duplicate's link message points at the original", "[link]") {
  ChatSession session;
  session.run("alice", "declare Payments failing", "C1");
  session.run("bob", "declare Payments failing again", "C2");
  const auto result = session.run_full("dave", "INC-2 link INC-1 duplicate", "C9");
  REQUIRE_FALSE(result.queued.empty());
  const templates::Templates templates;
  const bot::slack::MessageRenderer renderer(templates, "");
  CHECK(json::parse(renderer.post_body(result.queued[0], "C2"))["text"] ==
        ":link: *INC-2* is a duplicate of *INC-1*: Payments failing. Follow *INC-1* from here.\n");
}

}  // namespace
}  // namespace warroom::testing
