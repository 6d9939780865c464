-- 003: follow-up actions (`action <text> [@owner] [due:YYYY-MM-DD]`, `action done <n>`).
-- Numbered per incident from 1; `due` is a calendar date (YYYY-MM-DD) or NULL; `done_at` is
-- set once, when the action is done. Each change also writes one `action` timeline event.
CREATE TABLE actions (
  incident_id INTEGER NOT NULL REFERENCES incidents(id),
  number INTEGER NOT NULL CHECK (number >= 1),
  text TEXT NOT NULL,
  owner TEXT NOT NULL DEFAULT '',
  due TEXT NULL,
  created_at TEXT NOT NULL,
  done_at TEXT NULL,
  PRIMARY KEY (incident_id, number)
);
