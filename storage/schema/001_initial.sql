-- 001: the initial schema. Incidents, their append-only timeline (`events`, hash-chained;
-- the chain rule is in storage/hash_chain.cpp), roles, and the outbox of chat API calls.
-- Times are TEXT in the form YYYY-MM-DDTHH:MM:SS.mmmZ (UTC), which sorts as time.

-- id is the n of INC-n. No AUTOINCREMENT: a rolled-back declaration burns no number.
CREATE TABLE incidents (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  severity INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 4),
  status TEXT NOT NULL
    CHECK (status IN ('investigating', 'identified', 'monitoring', 'resolved', 'closed')),
  service TEXT NOT NULL DEFAULT '',
  impact TEXT NOT NULL DEFAULT '',
  channel TEXT NOT NULL DEFAULT '',
  declared_in TEXT NOT NULL DEFAULT '',
  owner TEXT NOT NULL,
  created_at TEXT NOT NULL,
  acknowledged_at TEXT NULL,
  mitigated_at TEXT NULL,
  resolved_at TEXT NULL,
  closed_at TEXT NULL,
  parent_id INTEGER NULL REFERENCES incidents(id),
  head_seq INTEGER NOT NULL DEFAULT 0,
  head_hash TEXT NOT NULL DEFAULT ''
);
CREATE INDEX incidents_by_channel ON incidents(channel);

CREATE TABLE events (
  incident_id INTEGER NOT NULL REFERENCES incidents(id),
  seq INTEGER NOT NULL CHECK (seq >= 1),
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  kind TEXT NOT NULL,
  text TEXT NOT NULL DEFAULT '',
  data TEXT NOT NULL DEFAULT '{}',
  hash TEXT NOT NULL,
  PRIMARY KEY (incident_id, seq)
);

CREATE TRIGGER events_refuse_update BEFORE UPDATE ON events
BEGIN
  SELECT RAISE(ABORT, 'events are append-only');
END;

CREATE TRIGGER events_refuse_delete BEFORE DELETE ON events
BEGIN
  SELECT RAISE(ABORT, 'events are append-only');
END;

-- Roles other than the commander (incidents.owner); one holder per role.
CREATE TABLE roles (
  incident_id INTEGER NOT NULL REFERENCES incidents(id),
  role TEXT NOT NULL,
  user TEXT NOT NULL,
  assigned_at TEXT NOT NULL,
  PRIMARY KEY (incident_id, role)
);

-- Chat API calls, written in the same transaction as the change that caused them.
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  incident_id INTEGER NULL REFERENCES incidents(id),
  created_at TEXT NOT NULL,
  destination TEXT NOT NULL,
  method TEXT NOT NULL,
  template TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL DEFAULT '',
  fields TEXT NOT NULL DEFAULT '{}',
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NULL,
  last_error TEXT NOT NULL DEFAULT '',
  sent_at TEXT NULL
);
CREATE INDEX outbox_by_state ON outbox(state, id);
