// Tests for links and problem records in SqliteStore: links read from both sides, children
// from incidents.parent, problem numbering that burns nothing on rollback, attachments in
// order, durability across a reopen, and the schema refusing what commands never write.
#include <catch2/catch.hpp>

#include "storage/database.h"
#include "storage/error.h"
#include "storage/sqlite_store.h"
#include "storage/transaction.h"
#include "tests/support/sample_records.h"
#include "tests/support/temp_database.h"

namespace warroom::storage {
namespace {

using namespace std::chrono_literals;
using testing::sample_incident;
using testing::sample_time;
using testing::TempDatabase;

Problem sample_problem(std::string title) {
  return Problem{.number = 42,  // ignored: the store numbers problems
                 .title = std::move(title),
                 .created_at = sample_time(3min),
                 .created_by = "U0ALICE",
                 .incidents = {7}};  // ignored: attach_problem attaches
}

TEST_CASE("links are read from both sides and children from the parent column", "[storage][link]") {
  const TempDatabase temp;
  const auto db = temp.open();
  SqliteStore store(*db);
  Transaction transaction(*db);
  const auto one = store.create_incident(sample_incident("one")).number;
  const auto two = store.create_incident(sample_incident("two")).number;
  auto three = store.create_incident(sample_incident("three"));
  store.add_link(Link{
      .incident = two, .other = one, .relation = Relation::duplicate, .created_at = sample_time()});
  store.add_link(Link{.incident = one,
                      .other = three.number,
                      .relation = Relation::related,
                      .created_at = sample_time(1min)});
  three.parent = one;
  store.save_incident(three);

  const auto links = store.links(one);
  REQUIRE(links.size() == 2);
  CHECK(links[0].incident == two);
  CHECK(links[0].other == one);
  CHECK(links[0].relation == Relation::duplicate);
  CHECK(links[0].created_at == sample_time());
  CHECK(links[1].relation == Relation::related);
  CHECK(store.links(two).size() == 1);
  const auto children = store.child_incidents(one);
  REQUIRE(children.size() == 1);
  CHECK(children[0].number == three.number);
  CHECK(store.child_incidents(two).empty());
}

TEST_CASE("the store refuses links commands never write", "[storage][link]") {
  const TempDatabase temp;
  const auto db = temp.open();
  SqliteStore store(*db);
  Transaction transaction(*db);
  const auto one = store.create_incident(sample_incident("one")).number;
  const auto two = store.create_incident(sample_incident("two")).number;
  const Link related{.incident = one, .other = two, .relation = Relation::related};
  store.add_link(related);
  CHECK_THROWS_AS(store.add_link(related), Error);  // the same link twice
  CHECK_THROWS_AS(store.add_link(Link{.incident = one, .other = two, .relation = Relation::parent}),
                  Error);
  CHECK_THROWS_AS(store.add_link(Link{.incident = one, .other = one}), Error);
  CHECK_THROWS_AS(store.add_link(Link{.incident = one, .other = 99}), Error);  // foreign key
}

TEST_CASE("problems are numbered from 1 and a rolled-back one burns no number",
          "[storage][problem]") {
  const TempDatabase temp;
  const auto db = temp.open();
  {
    SqliteStore store(*db);
    Transaction transaction(*db);
    CHECK(store.create_problem(sample_problem("rolled back")).number == 1);
  }
  SqliteStore store(*db);
  Transaction transaction(*db);
  const Problem created = store.create_problem(sample_problem("Pool exhaustion"));
  CHECK(created.number == 1);
  CHECK(created.key() == "PRB-1");
  CHECK(created.incidents.empty());
  CHECK(store.create_problem(sample_problem("Expired certificate")).number == 2);
  CHECK(store.problems().size() == 2);
  CHECK_FALSE(store.find_problem(3));
}

TEST_CASE("a problem keeps its fields and attachments in order across a reopen",
          "[storage][problem]") {
  const TempDatabase temp;
  {
    const auto db = temp.open();
    SqliteStore store(*db);
    Transaction transaction(*db);
    const auto one = store.create_incident(sample_incident("one")).number;
    const auto two = store.create_incident(sample_incident("two")).number;
    auto problem = store.create_problem(sample_problem("Pool exhaustion"));
    store.create_problem(sample_problem("Other"));
    store.attach_problem(problem.number, two, sample_time(5min));
    store.attach_problem(problem.number, one, sample_time(9min));
    CHECK_THROWS_AS(store.attach_problem(problem.number, one, sample_time(10min)), Error);
    problem.status = ProblemStatus::known_error;
    problem.workaround = "restart the pool";
    store.save_problem(problem);
    transaction.commit();
  }
  const auto db = temp.open();
  SqliteStore store(*db);
  const auto problem = store.find_problem(1);
  REQUIRE(problem);
  CHECK(problem->title == "Pool exhaustion");
  CHECK(problem->status == ProblemStatus::known_error);
  CHECK(problem->workaround == "restart the pool");
  CHECK(problem->created_at == sample_time(3min));
  CHECK(problem->created_by == "U0ALICE");
  CHECK(problem->incidents == std::vector<std::int64_t>{2, 1});
  const auto of_one = store.problems_of(1);
  REQUIRE(of_one.size() == 1);
  CHECK(of_one[0].key() == "PRB-1");
  CHECK(store.find_problem(2)->incidents.empty());
  CHECK(store.problems_of(3).empty());
}

TEST_CASE("problem writes need a transaction and an existing problem", "[storage][problem]") {
  const TempDatabase temp;
  const auto db = temp.open();
  SqliteStore store(*db);
  CHECK_THROWS_AS(store.create_problem(sample_problem("outside")), Error);
  Transaction transaction(*db);
  Problem missing = sample_problem("missing");
  missing.number = 5;
  CHECK_THROWS_AS(store.save_problem(missing), Error);
}

TEST_CASE("relation names read back", "[storage][link]") {
  for (const auto relation :
       {Relation::parent, Relation::child, Relation::duplicate, Relation::related}) {
    CHECK(parse_relation(to_string(relation)) == relation);
  }
  CHECK_FALSE(parse_relation("Parent"));
}

TEST_CASE("problem status names read back", "[storage][problem]") {
  for (const auto status :
       {ProblemStatus::open, ProblemStatus::known_error, ProblemStatus::resolved}) {
    CHECK(parse_problem_status(to_string(status)) == status);
  }
  CHECK(to_string(ProblemStatus::known_error) == "known-error");
  CHECK_FALSE(parse_problem_status("known_error"));
}

}  // namespace
}  // namespace warroom::storage
