// Small builders for storage records in tests: a valid incident, an event to append and
// fixed instants, so each test spells out only what it is about.
#pragma once

#include <chrono>
#include <string>

#include "storage/records.h"

namespace warroom::testing {

// 2026-11-24T06:00:00.000Z plus `offset`.
inline TimePoint sample_time(std::chrono::milliseconds offset = {}) {
  using namespace std::chrono;
  return sys_days{2026y / November / 24} + 6h + offset;
}

inline storage::Incident sample_incident(std::string title = "Checkout is down",
                                         std::string channel = "C0CHECKOUT") {
  storage::Incident incident;
  incident.title = std::move(title);
  incident.severity = storage::Severity::sev2;
  incident.service = "checkout";
  incident.impact = "Customers cannot pay";
  incident.channel = std::move(channel);
  incident.declared_in = "C0GENERAL";
  incident.owner = "U0ALICE";
  incident.created_at = sample_time();
  return incident;
}

inline storage::NewEvent sample_event(std::string text, storage::EventData data = {},
                                      storage::EventKind kind = storage::EventKind::note) {
  return storage::NewEvent{.at = sample_time(std::chrono::minutes{1}),
                           .actor = "U0ALICE",
                           .kind = kind,
                           .text = std::move(text),
                           .data = std::move(data)};
}

}  // namespace warroom::testing
