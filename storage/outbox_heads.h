// The SQL that finds the outbox's heads: the oldest pending message of each destination,
// the only one of its destination that may go (a destination's messages arrive in the order
// they were written, even when an earlier one waits for a retry). It skips from destination to
// destination in the partial index outbox_pending_by_destination, a few seeks each. Testing
// every pending row for being its destination's oldest took 40 ms with 30,000 waiting after
// a Slack outage, in the worker's write transaction after every commit, and slash commands
// waited seconds for the lock.
//
// String literals, so that a query built from them is one constant the statement cache keys
// on: OUTBOX_HEADS_WITH "SELECT head.… " OUTBOX_HEADS_FROM "WHERE …".
#pragma once

// NOLINTBEGIN(cppcoreguidelines-macro-usage): literal concatenation needs macros
#define OUTBOX_HEADS_WITH                                                          \
  "WITH RECURSIVE destinations(name) AS ("                                         \
  "SELECT MIN(destination) FROM outbox INDEXED BY outbox_pending_by_destination "  \
  "WHERE state = 'pending' "                                                       \
  "UNION ALL SELECT (SELECT MIN(destination) FROM outbox INDEXED BY "              \
  "outbox_pending_by_destination WHERE state = 'pending' AND destination > name) " \
  "FROM destinations WHERE name IS NOT NULL) "
#define OUTBOX_HEADS_FROM                                                              \
  "FROM destinations JOIN outbox AS head "                                             \
  "ON head.id = (SELECT MIN(id) FROM outbox INDEXED BY outbox_pending_by_destination " \
  "WHERE state = 'pending' AND destination = destinations.name) "
// NOLINTEND(cppcoreguidelines-macro-usage)
