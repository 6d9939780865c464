// The review's linked incidents (children, duplicates, related, beside the parent) and its
// problem records (key, title, status, workaround), escaped for Markdown.
#include <catch2/catch.hpp>

#include "tests/review/review_support.h"

namespace warroom::testing {
namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_CASE("the review lists linked incidents and problem records", "[review][link][problem]") {
  ChatSession session;
  session.run("alice", "declare Payments failing", "C1");
  session.run("bob", "declare Card processor down", "C2");
  session.run("carol", "declare Payments failing again", "C3");
  session.run("bob", "link INC-1 parent", "C2");
  session.run("carol", "link INC-1 duplicate", "C3");
  session.run("alice", "problem new Pool exhaustion *under load*", "C1");
  session.run("alice", "problem status PRB-1 known-error", "C1");
  session.run("alice", "problem workaround PRB-1 restart the pool", "C1");
  session.run("alice", "problem new Retry storm", "C1");

  const std::string markdown = review_of(session, 1);
  CHECK(contains(markdown,
                 "- No parent incident.\n"
                 "- Child: **INC-2** Card processor down (investigating)\n"
                 "- Duplicated by: **INC-3** Payments failing again (resolved)\n"));
  CHECK(contains(markdown,
                 "## Problem records\n\n"
                 "- **PRB-1** Pool exhaustion \\*under load\\* · known-error · "
                 "workaround: restart the pool\n"
                 "- **PRB-2** Retry storm · open · no workaround recorded\n"));
  const std::string child = review_of(session, 2);
  CHECK(contains(child, "- Parent: **INC-1** Payments failing (investigating)\n"));
  CHECK(contains(child, "## Problem records\n\nNo problem records: `problem new <title>`"));
  CHECK(contains(review_of(session, 3),
                 "- Duplicate of: **INC-1** Payments failing (investigating)\n"));
  const std::string html = review_of(session, 1, bot::ReviewFormat::html);
  CHECK(contains(html, "<h2>Problem records</h2>"));
  CHECK(contains(html, "Pool exhaustion *under load*"));
}

}  // namespace
}  // namespace warroom::testing
