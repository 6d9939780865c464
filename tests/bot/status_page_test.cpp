// The status report and its pages in-process, with a set clock: order, next update due,
// overdue, the recently resolved window, escaping and token links; the incident page.
#include "bot/status_page.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "bot/html.h"
#include "bot/incident_page.h"
#include "bot/status_report.h"
#include "storage/sqlite_store.h"
#include "tests/support/chat_session.h"

namespace warroom::testing {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

bot::StatusReport report_of(ChatSession& session) {
  const auto db = session.database.open();
  storage::SqliteStore store(*db);
  return bot::collect_status(store, session.config, session.clock.now());
}

}  // namespace

TEST_CASE("open incidents come most severe first with their latest update and next due time",
          "[status]") {
  ChatSession session;
  session.run("alice", "declare Search is slow sev3", "C1");
  session.clock.advance(minutes(5));
  session.run("bob", "declare Payments down sev1", "C2");
  session.clock.advance(minutes(5));
  session.run("bob", "update Rolling back", "C2");
  session.clock.advance(minutes(10));

  const auto report = report_of(session);
  REQUIRE(report.open.size() == 2);
  const auto& payments = report.open[0];
  CHECK(payments.incident.key() == "INC-2");
  REQUIRE(payments.latest_update);
  CHECK(payments.latest_update->text == "Rolling back");
  CHECK(payments.latest_update->actor == "bob");
  CHECK(payments.next_update_due_at == session_start() + minutes(10 + 30));  // SEV1: 30m
  CHECK_FALSE(payments.overdue);
  const auto& search = report.open[1];
  CHECK_FALSE(search.latest_update);
  CHECK(search.next_update_due_at == session_start() + hours(4));  // from the declaration

  const std::string page = bot::render_status_html(report, "");
  CHECK(contains(page,
                 "due <time datetime=\"2026-11-24T09:40:00.000Z\">2026-11-24 09:40 UTC"
                 "</time> (in 20m)"));
  CHECK(contains(page, "Declared</dt><dd>20m ago"));
}

TEST_CASE("an incident whose update is late shows as overdue", "[status]") {
  ChatSession session;
  session.run("alice", "declare Payments down sev1");
  session.clock.advance(minutes(45));
  const auto report = report_of(session);
  REQUIRE(report.open.size() == 1);
  CHECK(report.open[0].overdue);
  CHECK(contains(bot::render_status_html(report, ""), "class=\"overdue\">overdue by 15m"));
  const auto status = nlohmann::json::parse(bot::render_status_json(report));
  CHECK(status["open"][0]["overdue"] == true);
  CHECK(status["open"][0]["next_update_due_at"] == "2026-11-24T09:30:00.000Z");
  CHECK(status["open"][0]["open_for_seconds"] == 45 * 60);
}

TEST_CASE("a severity without an update cadence has no next update due", "[status]") {
  ChatSession session;
  session.run("alice", "declare Typo on the login page sev4");
  session.clock.advance(hours(30));
  const auto report = report_of(session);
  REQUIRE(report.open.size() == 1);
  CHECK_FALSE(report.open[0].next_update_due_at);
  CHECK_FALSE(report.open[0].overdue);
  CHECK(contains(bot::render_status_html(report, ""), "no regular updates for SEV4"));
  CHECK(nlohmann::json::parse(bot::render_status_json(report))["open"][0]["next_update_due_at"]
            .is_null());
}

TEST_CASE("recently resolved lists the last seven days newest first with the summary", "[status]") {
  ChatSession session;
  session.run("alice", "declare Old outage", "C1");
  session.run("alice", "resolve long ago", "C1");
  session.clock.advance(hours(24 * 8));
  session.run("alice", "declare Yesterday outage", "C2");
  session.run("alice", "resolve restarted the pods", "C2");
  session.run("alice", "close", "C2");
  session.clock.advance(hours(1));
  session.run("bob", "declare Today outage", "C3");
  session.run("bob", "resolve rolled back", "C3");

  const auto report = report_of(session);
  CHECK(report.open.empty());
  REQUIRE(report.resolved.size() == 2);
  CHECK(report.resolved[0].incident.key() == "INC-3");
  CHECK(report.resolved[0].summary->text == "rolled back");
  CHECK(report.resolved[1].incident.key() == "INC-2");  // closed counts too
  CHECK(report.resolved[1].summary->text == "restarted the pods");
  const std::string page = bot::render_status_html(report, "");
  CHECK(contains(page, "No open incidents."));
  CHECK_FALSE(contains(page, "Old outage"));
}

TEST_CASE("recently resolved shows at most ten incidents", "[status]") {
  ChatSession session;
  for (int i = 1; i <= 12; ++i) {
    const std::string channel = "C" + std::to_string(i);
    session.run("alice", "declare Outage number " + std::to_string(i), channel);
    session.run("alice", "resolve fixed", channel);
    session.clock.advance(minutes(1));
  }
  const auto report = report_of(session);
  REQUIRE(report.resolved.size() == bot::resolved_limit);
  CHECK(report.resolved.front().incident.key() == "INC-12");
  CHECK(report.resolved.back().incident.key() == "INC-3");
}

TEST_CASE("the status page escapes user text and keeps the token query on links", "[status]") {
  ChatSession session;
  session.run("alice", "declare <b>Bold</b> & \"quoted\" 'title' sev2");
  session.run("alice", "update line one\n<script>alert(1)</script>");
  const std::string page = bot::render_status_html(report_of(session), "?token=abc%20d");
  CHECK(contains(page, "&lt;b&gt;Bold&lt;/b&gt; &amp; &quot;quoted&quot; &#39;title&#39;"));
  CHECK(contains(page, "line one\n&lt;script&gt;alert(1)&lt;/script&gt;"));
  CHECK_FALSE(contains(page, "<script>"));
  CHECK(contains(page, "href=\"/incidents/INC-1?token=abc%20d\""));
}

TEST_CASE("the incident page shows facts and people and the timeline of one incident", "[status]") {
  ChatSession session;
  session.run("alice", "declare Payments down sev2 service:payments impact:\"EU <cards>\"");
  session.clock.advance(minutes(3));
  session.run("alice", "assign @bob comms");
  session.run("alice", "sev 1 spreading");
  session.run("alice", "handover @carol going home");
  session.clock.advance(minutes(37));
  const auto db = session.database.open();
  storage::SqliteStore store(*db);
  const auto page =
      bot::render_incident_html(store, 1, session.config, session.clock.now(), "?token=t");
  REQUIRE(page);
  CHECK(contains(*page, "<h1>INC-1: Payments down</h1>"));
  CHECK(contains(*page, "<dt>Owner</dt><dd>@carol</dd>"));
  CHECK(contains(*page, "EU &lt;cards&gt;"));
  CHECK(contains(*page, "comms: @bob"));
  CHECK(contains(*page, "SEV2 → SEV1"));
  CHECK(contains(*page, "owner @alice → @carol"));
  CHECK(contains(*page, "<small>T+3m</small>"));
  CHECK(contains(*page, "No update posted yet."));
  CHECK(contains(*page, "Next update overdue by 10m"));  // SEV1 since the declaration
  CHECK(contains(*page, "href=\"/incidents/INC-1/review.html?token=t\""));
  CHECK(contains(*page, "<meta http-equiv=\"refresh\" content=\"30\">"));  // still open
  CHECK_FALSE(bot::render_incident_html(store, 2, session.config, session.clock.now(), ""));
}

TEST_CASE("the html escaper and the query encoder handle every special character", "[status]") {
  CHECK(bot::escape_html("a<b>&\"c'd") == "a&lt;b&gt;&amp;&quot;c&#39;d");
  CHECK(bot::escape_html("plain é") == "plain é");
  CHECK(bot::encode_query_value("a b/c+d&e=f~g.h_i-j") == "a%20b%2Fc%2Bd%26e%3Df~g.h_i-j");
  CHECK(bot::encode_query_value("é") == "%C3%A9");
}

}  // namespace warroom::testing
