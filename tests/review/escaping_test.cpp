// User text in the review is text: a title, note or update can forge no heading, list, link,
// emphasis or HTML, in the Markdown or in the HTML page.
#include <catch2/catch.hpp>
#include <sstream>

#include "tests/review/review_support.h"
#include "tests/support/raw_sqlite.h"

namespace warroom::testing {
namespace {

using bot::ReviewFormat;

// Lines of `markdown` that open an ATX heading.
std::vector<std::string> headings(const std::string& markdown) {
  std::vector<std::string> found;
  std::istringstream lines(markdown);
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty() && line.front() == '#') found.push_back(line);
  }
  return found;
}

const std::vector<std::string> expected_headings = {
    "## Summary",
    "## Impact",
    "## Key times",
    "## People",
    "## Timeline",
    "### Investigating, from 2026-11-24 09:00 UTC (T+00:00)",
    "## Stakeholder updates",
    "## Follow-up actions",
    "## Linked incidents",
    "## Problem records",
    "## Timeline integrity",
    "## Root cause",
    "## Contributing factors",
    "## What went well",
    "## What to improve",
    "## Lessons"};

TEST_CASE("a title with a newline cannot forge a heading", "[review]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  RawSqlite(session.database.path())
      .execute("UPDATE incidents SET title = 'x' || char(10) || '# Root cause' WHERE id = 1");
  const std::string markdown = review_of(session, 1);
  auto found = headings(markdown);
  REQUIRE_FALSE(found.empty());
  CHECK(found.front() == "# INC-1: x \\# Root cause");
  found.erase(found.begin());
  CHECK(found == expected_headings);

  const std::string html = review_of(session, 1, ReviewFormat::html);
  CHECK(count_of(html, "<h1>") == 1);
  CHECK(html.find("<h1>INC-1: x # Root cause</h1>") != std::string::npos);
  CHECK(count_of(html, "<h2>Root cause</h2>") == 1);
  CHECK(html.find("<title>INC-1 post-incident review: x # Root cause</title>") !=
        std::string::npos);
}

TEST_CASE("a note with HTML and Markdown shows as the text it is", "[review]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  session.run("bob",
              "note <script>alert(1)</script> [link](http://evil) *bold* | pipe `tick`\n"
              "# not a heading\n- not a list\n    not code");
  const std::string markdown = review_of(session, 1);
  CHECK(headings(markdown).size() == 1 + expected_headings.size());

  const std::string html = review_of(session, 1, ReviewFormat::html);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt; [link](http://evil) *bold* | pipe "
                  "`tick`<br />\n# not a heading<br />\n- not a list<br />\nnot code") !=
        std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("raw HTML omitted") == std::string::npos);
  CHECK(html.find("href=") == std::string::npos);
  CHECK(html.find("<em>bold") == std::string::npos);
  CHECK(html.find("<strong>bold") == std::string::npos);
  CHECK(html.find("<code>tick") == std::string::npos);
  CHECK(html.find("<pre>") == std::string::npos);
}

TEST_CASE("updates impact and actions are escaped like notes", "[review]") {
  ChatSession session;
  session.run("alice", "declare Payments failing impact:\"<img src=x onerror=alert(1)>\"");
  session.run("alice", "update [click](javascript:alert(1)) **now**");
  session.run("alice", "action <b>fix</b> it @bob");
  const std::string html = review_of(session, 1, ReviewFormat::html);
  CHECK(html.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
  CHECK(html.find("[click](javascript:alert(1)) **now**") != std::string::npos);
  CHECK(html.find("&lt;b&gt;fix&lt;/b&gt; it") != std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("href=") == std::string::npos);
  CHECK(html.find("<b>") == std::string::npos);
}

TEST_CASE("the HTML review is a whole page that prints well", "[review]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  const std::string html = review_of(session, 1, ReviewFormat::html);
  CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">", 0) ==
        0);
  CHECK(html.find("<title>INC-1 post-incident review: Payments failing</title>") !=
        std::string::npos);
  CHECK(html.find("@media print") != std::string::npos);
  CHECK(html.find("<h1>INC-1: Payments failing</h1>") != std::string::npos);
  CHECK(html.find("</main>\n</body>\n</html>\n") != std::string::npos);
}

}  // namespace
}  // namespace warroom::testing
