// A tampered timeline is announced at the top of the review, naming the first broken event,
// and the integrity section says so too; an intact one says that it verifies.
#include <catch2/catch.hpp>

#include "tests/review/review_support.h"
#include "tests/support/raw_sqlite.h"

namespace warroom::testing {
namespace {

void tamper(ChatSession& session, const std::string& sql) {
  RawSqlite raw(session.database.path());
  raw.execute("DROP TRIGGER events_refuse_update");
  raw.execute("DROP TRIGGER events_refuse_delete");
  raw.execute(sql);
}

TEST_CASE("a broken hash chain is shown at the top of the review", "[review]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  session.run("bob", "note we deployed at 08:58");
  session.run("bob", "note rolled back");
  tamper(session,
         "UPDATE events SET text = 'nothing was deployed' WHERE incident_id = 1 AND seq = 2");

  const std::string markdown = review_of(session, 1);
  const std::string warning =
      "> **Warning: this timeline has been tampered with.** Its hash "
      "chain breaks at event \\#2 (hash mismatch)";
  const auto at = markdown.find(warning);
  REQUIRE(at != std::string::npos);
  CHECK(at == markdown.find('\n') + 2);  // right below the title
  CHECK(markdown.find("**Broken** at event \\#2 (hash mismatch), of 3 stored events.") !=
        std::string::npos);
  CHECK(markdown.find("verifies") == std::string::npos);

  const std::string html = review_of(session, 1, bot::ReviewFormat::html);
  const auto quote = html.find("<blockquote>");
  REQUIRE(quote != std::string::npos);
  CHECK(quote < html.find("<h2>"));
  CHECK(html.find("breaks at event #2 (hash mismatch)") != std::string::npos);
}

TEST_CASE("a deleted last event breaks the chain at its seq in the review", "[review]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  session.run("bob", "note one");
  session.run("bob", "note two");
  tamper(session, "DELETE FROM events WHERE incident_id = 1 AND seq = 3");
  const std::string markdown = review_of(session, 1);
  CHECK(markdown.find("breaks at event \\#3 (head does not match the last event)") <
        markdown.find("## Summary"));
}

TEST_CASE("an intact chain is reported as verified and shows no warning", "[review]") {
  ChatSession session;
  session.run("alice", "declare Payments failing");
  const std::string markdown = review_of(session, 1);
  CHECK(markdown.find("Warning") == std::string::npos);
  CHECK(markdown.find("The hash chain of all 1 events verifies") != std::string::npos);
}

}  // namespace
}  // namespace warroom::testing
