-- 005: the newest reminder of an incident, found without reading its whole timeline. The
-- scheduler asks every second, for every open incident; reminders are rare, so looking for one
-- by walking (incident_id, seq) backwards read every event (130 ms at 130,000 events, holding
-- the write lock). A partial index costs nothing when any other kind of event is written.
CREATE INDEX events_reminders ON events(incident_id, seq) WHERE kind = 'reminder';
