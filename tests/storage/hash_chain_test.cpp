// Tests for the hash-chain rule itself (storage/hash_chain.h), without a database.
#include "storage/hash_chain.h"

#include <catch2/catch.hpp>

#include "tests/support/sample_records.h"

namespace warroom::storage {
namespace {

using namespace std::chrono_literals;
using testing::sample_time;

// Computed independently (Python hashlib) from the rule in hash_chain.cpp.
constexpr std::string_view first_hash =
    "3bc10325add1c6791e0ade596ce44aebdd512daa5225ecb7930233cc13f190ba";
constexpr std::string_view second_hash =
    "e10a52ee5a44fa4e32b68cbb1e1dbfdf8e25cba063580546357ec15bfb44afdd";

std::vector<Event> known_chain() {
  using namespace std::chrono;
  Event first{.seq = 1,
              .at = sys_days{2026y / November / 24} + 5h + 58min + 22s + 123ms,
              .actor = "U123",
              .kind = "declare",
              .text = "Checkout is down",
              .data = R"({"service":"checkout","severity":"SEV1"})",
              .hash = std::string{first_hash}};
  Event second{.seq = 2,
               .at = sys_days{2026y / November / 24} + 6h,
               .actor = "U456",
               .kind = "note",
               .text = "caf\u00e9 \u2713\nline two",
               .data = "{}",
               .hash = std::string{second_hash}};
  return {first, second};
}

TEST_CASE("event hashes follow the chain rule on a known pair of events", "[storage]") {
  const auto chain = known_chain();
  CHECK(event_hash("", chain[0]) == first_hash);
  CHECK(event_hash(first_hash, chain[1]) == second_hash);
  CHECK(event_hash(std::string(64, '0'), chain[0]) == first_hash);  // zero bytes, written out
}

TEST_CASE("a known chain with a matching head verifies", "[storage]") {
  const ChainReport report = verify_events(known_chain(), 2, second_hash);
  CHECK(report.intact);
  CHECK(report.events == 2);
  CHECK_FALSE(report.first_broken_seq.has_value());
}

TEST_CASE("an empty chain verifies against an empty head", "[storage]") {
  CHECK(verify_events({}, 0, "").intact);
}

TEST_CASE("verification reports the first broken seq and why", "[storage]") {
  auto chain = known_chain();
  SECTION("a changed field breaks its own event") {
    chain[1].actor = "U999";
    const ChainReport report = verify_events(chain, 2, second_hash);
    CHECK_FALSE(report.intact);
    CHECK(report.first_broken_seq == 2);
    CHECK(report.problem == "hash mismatch");
  }
  SECTION("a gap is a missing event") {
    chain.erase(chain.begin());
    const ChainReport report = verify_events(chain, 2, second_hash);
    CHECK(report.first_broken_seq == 1);
    CHECK(report.problem == "missing event");
  }
  SECTION("a head beyond the last event means events were removed from the end") {
    const ChainReport report = verify_events(chain, 3, "ab");
    CHECK(report.first_broken_seq == 3);
    CHECK(report.problem == "head does not match the last event");
  }
  SECTION("a head with another hash does not match") {
    const ChainReport report = verify_events(chain, 2, first_hash);
    CHECK(report.first_broken_seq == 2);
    CHECK(report.problem == "head does not match the last event");
  }
}

TEST_CASE("moving a field's bytes into its neighbour changes the hash", "[storage]") {
  Event event{.seq = 1, .at = sample_time(), .actor = "ab", .kind = "c", .text = "", .data = "{}"};
  Event shifted = event;
  shifted.actor = "a";
  shifted.kind = "bc";
  CHECK(event_hash("", event) != event_hash("", shifted));
}

TEST_CASE("a chain head that is not a hex digest is a broken invariant", "[storage]") {
  const Event event{.seq = 1, .at = sample_time(), .actor = "U1", .kind = "note"};
  CHECK_THROWS(event_hash("not hex", event));
  CHECK_THROWS(event_hash(std::string(64, 'g'), event));
}

}  // namespace
}  // namespace warroom::storage
