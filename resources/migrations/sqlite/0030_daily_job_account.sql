-- The nightly job signs in as an account of its own (daily_job), which runs "daily" and nothing else.
-- SQLite changes a CHECK by rebuilding the table; nothing refers to staff by key.
CREATE TABLE staff_rebuilt (
    id                    INTEGER PRIMARY KEY,
    name                  TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 64),
    display_name          TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
    role                  TEXT NOT NULL CHECK (role IN ('support_agent', 'him_specialist', 'him_supervisor',
                                                        'ehr_feed', 'mailer', 'daily_job')),
    active                INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at            TEXT NOT NULL,
    password_hash         TEXT,
    password_must_change  INTEGER NOT NULL DEFAULT 0 CHECK (password_must_change IN (0, 1)),
    failed_sign_ins       INTEGER NOT NULL DEFAULT 0 CHECK (failed_sign_ins >= 0),
    locked_until          TEXT
);
INSERT INTO staff_rebuilt (id, name, display_name, role, active, created_at, password_hash, password_must_change,
                           failed_sign_ins, locked_until)
    SELECT id, name, display_name, role, active, created_at, password_hash, password_must_change,
           failed_sign_ins, locked_until FROM staff;
DROP TABLE staff;
ALTER TABLE staff_rebuilt RENAME TO staff;
