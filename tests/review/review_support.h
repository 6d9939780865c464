// Helpers for the review tests: render a ChatSession's incident as the server and the CLI do,
// and a scripted incident with stable times (the session's manual clock).
#pragma once

#include <catch2/catch.hpp>
#include <string>

#include "bot/review/review.h"
#include "storage/sqlite_store.h"
#include "templates/templates.h"
#include "tests/support/chat_session.h"

namespace warroom::testing {

inline const templates::Templates& builtin_templates() {
  static const templates::Templates templates;
  return templates;
}

// The review of INC-`number` at the session clock's time; fails the test when it is missing.
inline std::string review_of(ChatSession& session, std::int64_t number,
                             bot::ReviewFormat format = bot::ReviewFormat::markdown,
                             const templates::Templates& templates = builtin_templates()) {
  const auto db = session.database.open();
  storage::SqliteStore store(*db);
  auto document = bot::render_review(store, number, format, templates, session.clock.now());
  REQUIRE(document);
  return *document;
}

// How often `needle` occurs in `text`.
inline std::size_t count_of(const std::string& text, const std::string& needle) {
  std::size_t count = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
    ++count;
  }
  return count;
}

// A whole incident in two hours: declared, acknowledged, escalated, handed over, updated,
// mitigated, de-escalated, resolved, given follow-up actions, closed. INC-1 in `session`.
void script_incident(ChatSession& session);

}  // namespace warroom::testing
