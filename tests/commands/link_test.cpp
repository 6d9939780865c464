// Tests for `link`: "this incident's <relation> is INC-3" for parent, child, duplicate and
// related; the other incident is the argument in both the prefix form and a bound channel;
// one `link` event per change; every refusal changes nothing.
#include <catch2/catch.hpp>

#include "storage/sqlite_store.h"
#include "tests/commands/command_checks.h"
#include "tests/support/raw_sqlite.h"

namespace warroom::testing {
namespace {

constexpr std::string_view usage = "Usage: link INC-3 [parent|child|duplicate|related]";

// INC-1 in C1 ("Payments failing"), INC-2 in C2 ("Card processor down"), INC-3 in C3.
void declare_three(ChatSession& session) {
  session.run("alice", "declare Payments failing", "C1");
  session.run("bob", "declare Card processor down sev2", "C2");
  session.run("carol", "declare Checkout errors", "C3");
}

// The links rows (duplicate and related) that name `incident`, read through the store.
std::vector<storage::Link> links_of(ChatSession& session, std::int64_t incident) {
  const auto db = session.database.open();
  storage::SqliteStore store(*db);
  return store.links(incident);
}

std::string link_rows(ChatSession& session) {
  RawSqlite raw(session.database.path());
  return query_text(raw.handle(),
                    "SELECT COUNT(*) || ':' || COALESCE(group_concat(incident_id || relation || "
                    "other_id), '') FROM links");
}

// check_refused, and the links table is unchanged too.
commands::Reply check_link_refused(ChatSession& session, std::string_view user,
                                   std::string_view line, std::string_view expected,
                                   std::string_view channel) {
  const std::string before = link_rows(session);
  auto reply = check_refused(session, user, line, expected, channel);
  CHECK(link_rows(session) == before);
  return reply;
}

TEST_CASE("link parent in a bound channel reads the key as the other incident", "[link]") {
  ChatSession session;
  declare_three(session);
  session.clock.advance(minutes(4));
  const auto result = session.run_full("alice", "/incident link INC-2 parent", "C1");

  check_posted(result.reply);
  CHECK(result.reply.text == "INC-1's parent is now INC-2: Card processor down");
  CHECK(session.incident(1).parent == 2);
  CHECK_FALSE(session.incident(2).parent);
  const auto event = only_new_event(session, 1, 1);
  CHECK(event.kind == "link");
  CHECK(event.actor == "alice");
  CHECK(event.at == session_start() + minutes(4));
  CHECK(event.text == "INC-1's parent is now INC-2: Card processor down");
  check_data(event, {{"other", "INC-2"}, {"relation", "parent"}});
  CHECK(session.events(2).size() == 1);  // only the subject's timeline
  CHECK(session.verify(1).intact);
}

TEST_CASE("link names the subject before the command and the other after it", "[link]") {
  ChatSession session;
  declare_three(session);
  const auto line = GENERATE(as<std::string>{}, "/incident INC-1 link INC-2 parent",
                             "INC-1 link INC-2 PARENT", "inc-1 LINK inc-2 parent");
  CAPTURE(line);
  const auto result = session.run_full("dave", line, "C9");
  check_posted(result.reply);
  CHECK(session.incident(1).parent == 2);
  CHECK(session.events(1).size() == 2);
  CHECK(session.events(2).size() == 1);
  // Typed elsewhere, the news goes to the incident's own channel.
  CHECK(destinations(result.queued) == std::vector<std::string>{"C1"});
}

TEST_CASE("link without a relation records a related link both incidents show", "[link]") {
  ChatSession session;
  declare_three(session);
  const auto reply = session.run("alice", "link INC-3", "C1");
  check_posted(reply);
  CHECK(reply.text == "INC-1 is related to INC-3: Checkout errors");
  check_data(only_new_event(session, 1, 1), {{"other", "INC-3"}, {"relation", "related"}});
  const auto links = links_of(session, 3);
  REQUIRE(links.size() == 1);
  CHECK(links[0].incident == 1);
  CHECK(links[0].other == 3);
  CHECK(links[0].relation == storage::Relation::related);
  CHECK(links[0].created_at == session_start());
  CHECK_FALSE(session.incident(1).parent);
  CHECK_FALSE(session.incident(3).parent);
}

TEST_CASE("link child makes this incident the other one's parent", "[link]") {
  ChatSession session;
  declare_three(session);
  const auto reply = session.run("bob", "link INC-3 child", "C2");
  check_posted(reply);
  CHECK(reply.text == "INC-3 is now a child of INC-2: Checkout errors");
  CHECK(session.incident(3).parent == 2);
  CHECK_FALSE(session.incident(2).parent);
  check_data(only_new_event(session, 2, 1), {{"other", "INC-3"}, {"relation", "child"}});
  CHECK(session.events(3).size() == 1);
}

TEST_CASE("link parent replaces the parent and records the previous one", "[link]") {
  ChatSession session;
  declare_three(session);
  session.run("alice", "link INC-2 parent", "C1");
  const auto reply = session.run("alice", "link INC-3 parent", "C1");
  check_posted(reply);
  CHECK(reply.text == "INC-1's parent is now INC-3: Checkout errors (was INC-2)");
  CHECK(session.incident(1).parent == 3);
  check_data(only_new_event(session, 1, 2),
             {{"other", "INC-3"}, {"previous", "INC-2"}, {"relation", "parent"}});
}

TEST_CASE("link child replaces the other incident's parent and records the previous one",
          "[link]") {
  ChatSession session;
  declare_three(session);
  session.run("carol", "link INC-1 parent", "C3");
  const auto reply = session.run("bob", "link INC-3 child", "C2");
  check_posted(reply);
  CHECK(reply.text == "INC-3 is now a child of INC-2: Checkout errors (was a child of INC-1)");
  CHECK(session.incident(3).parent == 2);
  check_data(only_new_event(session, 2, 1),
             {{"other", "INC-3"}, {"previous", "INC-1"}, {"relation", "child"}});
}

TEST_CASE("link duplicate resolves an open incident with a pointer to the original", "[link]") {
  ChatSession session;
  declare_three(session);
  session.clock.advance(minutes(12));
  const auto result = session.run_full("carol", "link INC-1 duplicate", "C3");

  check_posted(result.reply);
  CHECK(result.reply.text ==
        "INC-3 is a duplicate of INC-1: Payments failing (investigating). Follow INC-1 from "
        "here.\nINC-3 resolved after 12m: duplicate of INC-1");
  const auto incident = session.incident(3);
  CHECK(incident.status == storage::Status::resolved);
  CHECK(incident.resolved_at == session_start() + minutes(12));
  const auto events = session.events(3);
  REQUIRE(events.size() == 3);
  CHECK(events[1].kind == "link");
  check_data(events[1], {{"other", "INC-1"}, {"relation", "duplicate"}});
  CHECK(events[2].kind == "resolve");
  CHECK(events[2].text == "duplicate of INC-1");
  check_data(events[2], {{"from", "investigating"}, {"to", "resolved"}});
  CHECK(session.verify(3).intact);
  CHECK(session.incident(1).status == storage::Status::investigating);
  CHECK(session.events(1).size() == 1);
  // The resolution reaches the stakeholders, as `resolve` does.
  CHECK(destinations(result.queued) == std::vector<std::string>{"C0ANNOUNCE"});
  const auto links = links_of(session, 1);
  REQUIRE(links.size() == 1);
  CHECK(links[0].relation == storage::Relation::duplicate);
}

TEST_CASE("link duplicate on a resolved incident records the link without resolving again",
          "[link]") {
  ChatSession session;
  declare_three(session);
  session.run("carol", "resolve rolled back", "C3");
  const auto reply = session.run("carol", "link INC-1 duplicate", "C3");
  check_posted(reply);
  CHECK(reply.text ==
        "INC-3 is a duplicate of INC-1: Payments failing (investigating). Follow INC-1 from here.");
  const auto event = only_new_event(session, 3, 2);
  CHECK(event.kind == "link");
}

TEST_CASE("link refuses a parent cycle and changes nothing", "[link]") {
  ChatSession session;
  declare_three(session);
  session.run("bob", "link INC-1 parent", "C2");    // INC-2 under INC-1
  session.run("carol", "link INC-2 parent", "C3");  // INC-3 under INC-2
  check_link_refused(session, "alice", "link INC-3 parent",
                     "link: INC-3 is below INC-1 already, so it cannot be its parent (that would "
                     "make a loop)",
                     "C1");
  check_link_refused(session, "alice", "link INC-2 parent", "INC-2 is below INC-1 already", "C1");
  check_link_refused(
      session, "carol", "link INC-1 child",
      "link: INC-1 is above INC-3 already, so it cannot be its child (that would make "
      "a loop)",
      "C3");
  CHECK_FALSE(session.incident(1).parent);
}

TEST_CASE("link refuses the same link twice and changes nothing", "[link]") {
  ChatSession session;
  declare_three(session);
  session.run("alice", "link INC-2 parent", "C1");
  session.run("alice", "link INC-3 related", "C1");
  session.run("bob", "link INC-3 child", "C2");
  session.run("bob", "resolve fixed", "C2");
  session.run("bob", "link INC-1 duplicate", "C2");
  check_link_refused(session, "alice", "link INC-2 parent", "link: INC-2 is already INC-1's parent",
                     "C1");
  check_link_refused(session, "alice", "link INC-3", "link: INC-1 and INC-3 are already related",
                     "C1");
  check_link_refused(session, "carol", "link INC-1 related", "INC-3 and INC-1 are already related",
                     "C3");
  check_link_refused(session, "bob", "link INC-3 child", "link: INC-3 is already a child of INC-2",
                     "C2");
  check_link_refused(session, "bob", "link INC-1 duplicate",
                     "link: INC-2 is already a duplicate of INC-1", "C2");
  check_link_refused(session, "alice", "link INC-2 duplicate",
                     "link: INC-2 is a duplicate of INC-1, so INC-1 cannot duplicate it", "C1");
}

TEST_CASE("link refuses bad arguments with the usage and changes nothing", "[link]") {
  ChatSession session;
  declare_three(session);
  using Row = std::pair<std::string, std::string>;
  const auto [line, expected] = GENERATE(table<std::string, std::string>({
      Row{"link", "link: which incident? Name it, like `link INC-3 parent`"},
      Row{"link INC-2 sibling",
          "link: expected parent, child, duplicate or related, got \"sibling\""},
      Row{"link INC-2 parent now", "link: \"now\" is extra"},
      Row{"link payments", "link: expected an incident key like INC-3, got \"payments\""},
      Row{"link INC-0", "link: expected an incident key like INC-3, got \"INC-0\""},
      Row{"link INC-9", "link: there is no INC-9: `list all` shows every incident"},
      Row{"link INC-1 parent", "link: INC-1 cannot be linked to itself"},
      Row{"INC-9 link INC-1", "there is no INC-9"},
  }));
  CAPTURE(line);
  const auto reply = check_link_refused(session, "alice", line, expected, "C1");
  CHECK_THAT(reply.text, Catch::EndsWith(std::string(usage)));
}

TEST_CASE("link needs a subject and refuses a closed one", "[link]") {
  ChatSession session;
  declare_three(session);
  check_link_refused(
      session, "alice", "link INC-2 parent",
      "link: no incident is bound to this channel: name this incident before `link`, "
      "like `INC-7 link INC-3 parent`",
      "C9");
  session.run("alice", "resolve fixed", "C1");
  session.run("alice", "close", "C1");
  check_link_refused(session, "alice", "INC-1 link INC-2 parent",
                     "INC-1 is closed, and closed is final", "C9");
  // A closed incident's parent cannot change through `child` either.
  check_link_refused(session, "bob", "link INC-1 child",
                     "link: INC-1 is closed, and closed is final", "C2");
  // A closed incident may still be the other side of a link.
  check_posted(session.run("bob", "link INC-1 parent", "C2"));
}

}  // namespace
}  // namespace warroom::testing
