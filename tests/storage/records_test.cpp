// Tests for the names of the closed sets in storage/records.h and their parsers.
#include "storage/records.h"

#include <catch2/catch.hpp>

namespace warroom::storage {
namespace {

TEST_CASE("parse_severity accepts sevN in any case and a bare digit", "[storage]") {
  const auto [input, expected] = GENERATE(table<std::string, int>({
      {"sev1", 1},
      {"SEV1", 1},
      {"Sev2", 2},
      {"3", 3},
      {"sev4", 4},
      {"4", 4},
  }));
  CAPTURE(input);
  const auto parsed = parse_severity(input);
  REQUIRE(parsed.has_value());
  CHECK(static_cast<int>(*parsed) == expected);
}

TEST_CASE("parse_severity refuses everything else", "[storage]") {
  const std::string input = GENERATE(as<std::string>{}, "", "0", "5", "01", "sev", "sev0", "sev5",
                                     "sev01", "severity1", " 1", "1 ", "SEV-1", "s1");
  CAPTURE(input);
  CHECK_FALSE(parse_severity(input).has_value());
}

TEST_CASE("severity names are SEV1 to SEV4", "[storage]") {
  CHECK(to_string(Severity::sev1) == "SEV1");
  CHECK(to_string(Severity::sev4) == "SEV4");
}

TEST_CASE("every status name reads back as its status and only the open ones are open",
          "[storage]") {
  const auto [status, name, open] = GENERATE(table<Status, std::string, bool>({
      {Status::investigating, "investigating", true},
      {Status::identified, "identified", true},
      {Status::monitoring, "monitoring", true},
      {Status::resolved, "resolved", false},
      {Status::closed, "closed", false},
  }));
  CAPTURE(name);
  CHECK(to_string(status) == name);
  CHECK(parse_status(name) == status);
  CHECK(is_open(status) == open);
  CHECK_FALSE(parse_status("open").has_value());
}

TEST_CASE("every event kind name is its enumerator name and reads back", "[storage]") {
  const auto [kind, name] = GENERATE(table<EventKind, std::string>({
      {EventKind::declare, "declare"},
      {EventKind::ack, "ack"},
      {EventKind::sev, "sev"},
      {EventKind::escalate, "escalate"},
      {EventKind::assign, "assign"},
      {EventKind::handover, "handover"},
      {EventKind::update, "update"},
      {EventKind::status, "status"},
      {EventKind::note, "note"},
      {EventKind::resolve, "resolve"},
      {EventKind::reopen, "reopen"},
      {EventKind::close, "close"},
      {EventKind::action, "action"},
      {EventKind::link, "link"},
      {EventKind::problem, "problem"},
      {EventKind::reminder, "reminder"},
      {EventKind::delivery_failed, "delivery_failed"},
  }));
  CAPTURE(name);
  CHECK(to_string(kind) == name);
  CHECK(parse_event_kind(name) == kind);
  CHECK_FALSE(parse_event_kind("unknown").has_value());
}

}  // namespace
}  // namespace warroom::storage
