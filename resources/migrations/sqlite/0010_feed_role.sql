-- The EHR feed's own staff role (ehr_feed): a service account that applies the EHR's patient records and
-- does nothing else. SQLite changes a CHECK by rebuilding the table; nothing refers to staff by key.
CREATE TABLE staff_rebuilt (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 64),
    display_name  TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
    role          TEXT NOT NULL CHECK (role IN ('support_agent', 'him_specialist', 'him_supervisor',
                                                'ehr_feed')),
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at    TEXT NOT NULL
);
INSERT INTO staff_rebuilt (id, name, display_name, role, active, created_at)
    SELECT id, name, display_name, role, active, created_at FROM staff;
DROP TABLE staff;
ALTER TABLE staff_rebuilt RENAME TO staff;
