-- 002: what delivery needs. Slack event ids already handled (deduplication), chat API
-- methods paused by a 429 (kept across restarts), and an index for per-destination order.

-- One row per platform delivery id, written in the transaction of the command it ran.
CREATE TABLE deliveries (
  id TEXT PRIMARY KEY,
  received_at TEXT NOT NULL
);

-- A method answered 429: nothing calls it again before `until`.
CREATE TABLE paused_methods (
  method TEXT PRIMARY KEY,
  until TEXT NOT NULL
);

-- The oldest pending message of a destination is the only one that may be attempted.
CREATE INDEX outbox_pending_by_destination ON outbox(destination, id) WHERE state = 'pending';
