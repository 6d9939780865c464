-- 004: links between incidents (`link INC-3 duplicate|related`) and problem records
-- (`problem new <title>`, `problem link PRB-2`). Parent and child are incidents.parent_id, so
-- a links row holds only duplicate and related: "incident_id's <relation> is other_id".
CREATE TABLE links (
  incident_id INTEGER NOT NULL REFERENCES incidents(id),
  other_id INTEGER NOT NULL REFERENCES incidents(id),
  relation TEXT NOT NULL CHECK (relation IN ('duplicate', 'related')),
  created_at TEXT NOT NULL,
  PRIMARY KEY (incident_id, other_id, relation),
  CHECK (incident_id <> other_id)
);
CREATE INDEX links_by_other ON links(other_id);

-- id is the n of PRB-n. No AUTOINCREMENT: a rolled-back `problem new` burns no number.
CREATE TABLE problems (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'known-error', 'resolved')),
  workaround TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);

-- Which incidents a problem explains; an incident may be attached to several problems.
CREATE TABLE problem_incidents (
  problem_id INTEGER NOT NULL REFERENCES problems(id),
  incident_id INTEGER NOT NULL REFERENCES incidents(id),
  linked_at TEXT NOT NULL,
  PRIMARY KEY (problem_id, incident_id)
);
CREATE INDEX problem_incidents_by_incident ON problem_incidents(incident_id);
