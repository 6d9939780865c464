// Names of the closed sets in records.h (severity, status, event kind, relation, problem
// status) and their parsers.
// The names are what the database stores and what users see, so they never change.
#include "storage/records.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace warroom::storage {
namespace {

constexpr std::array<std::pair<Status, std::string_view>, 5> status_names{{
    {Status::investigating, "investigating"},
    {Status::identified, "identified"},
    {Status::monitoring, "monitoring"},
    {Status::resolved, "resolved"},
    {Status::closed, "closed"},
}};

constexpr std::array<std::pair<EventKind, std::string_view>, 17> event_kind_names{{
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
}};

constexpr std::array<std::pair<Relation, std::string_view>, 4> relation_names{{
    {Relation::parent, "parent"},
    {Relation::child, "child"},
    {Relation::duplicate, "duplicate"},
    {Relation::related, "related"},
}};

constexpr std::array<std::pair<ProblemStatus, std::string_view>, 3> problem_status_names{{
    {ProblemStatus::open, "open"},
    {ProblemStatus::known_error, "known-error"},
    {ProblemStatus::resolved, "resolved"},
}};

template <typename Enum, std::size_t N>
std::string_view name_of(const std::array<std::pair<Enum, std::string_view>, N>& names,
                         Enum value) {
  const auto* found = std::ranges::find(names, value, &std::pair<Enum, std::string_view>::first);
  return found == names.end() ? std::string_view{"unknown"} : found->second;
}

template <typename Enum, std::size_t N>
std::optional<Enum> value_of(const std::array<std::pair<Enum, std::string_view>, N>& names,
                             std::string_view text) {
  const auto* found = std::ranges::find(names, text, &std::pair<Enum, std::string_view>::second);
  if (found == names.end()) return std::nullopt;
  return found->first;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return std::ranges::equal(a, b, [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

}  // namespace

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::sev1:
      return "SEV1";
    case Severity::sev2:
      return "SEV2";
    case Severity::sev3:
      return "SEV3";
    case Severity::sev4:
      return "SEV4";
  }
  return "unknown";
}

// Accepts `sev1`…`sev4` in any case and the bare digits `1`…`4`; nothing else (not "01").
std::optional<Severity> parse_severity(std::string_view text) {
  if (text.size() == 4 && equals_ignoring_case(text.substr(0, 3), "sev")) text.remove_prefix(3);
  if (text.size() != 1 || text[0] < '1' || text[0] > '4') return std::nullopt;
  return static_cast<Severity>(text[0] - '0');
}

std::string_view to_string(Status status) {
  return name_of(status_names, status);
}

// Exact lowercase names only: these are stored values; the command layer normalises input.
std::optional<Status> parse_status(std::string_view text) {
  return value_of(status_names, text);
}

bool is_open(Status status) {
  return status == Status::investigating || status == Status::identified ||
         status == Status::monitoring;
}

std::string_view to_string(EventKind kind) {
  return name_of(event_kind_names, kind);
}

std::optional<EventKind> parse_event_kind(std::string_view text) {
  return value_of(event_kind_names, text);
}

std::string_view to_string(Relation relation) {
  return name_of(relation_names, relation);
}

std::optional<Relation> parse_relation(std::string_view text) {
  return value_of(relation_names, text);
}

std::string_view to_string(ProblemStatus status) {
  return name_of(problem_status_names, status);
}

std::optional<ProblemStatus> parse_problem_status(std::string_view text) {
  return value_of(problem_status_names, text);
}

std::string value_of(const std::map<std::string, std::string>& fields, const std::string& name) {
  const auto found = fields.find(name);
  return found == fields.end() ? std::string() : found->second;
}

}  // namespace warroom::storage
