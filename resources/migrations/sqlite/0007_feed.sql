-- Patients from the EHR (SPEC section 11a): what the feed last applied to each patient, deaths, merges,
-- and the messages the feed received. New end reasons for grants ("deceased", "merged") and a new outbox
-- status ("cancelled") need the two tables rebuilt, SQLite's way: foreign keys off while tables are rebuilt.

ALTER TABLE patients ADD COLUMN deceased_at TEXT;
-- When the EHR recorded the newest message applied to the patient (EVN-2 or MSH-7); an older one is
-- not applied over it.
ALTER TABLE patients ADD COLUMN feed_event_at TEXT;
ALTER TABLE patients ADD COLUMN merged_into INTEGER REFERENCES patients (id);

CREATE TABLE access_grants_rebuilt (
    id              INTEGER PRIMARY KEY,
    portal_user_id  INTEGER NOT NULL REFERENCES portal_users (id),
    patient_id      INTEGER NOT NULL REFERENCES patients (id),
    level           TEXT NOT NULL CHECK (level IN ('full', 'limited')),
    basis           TEXT NOT NULL CHECK (basis IN ('enrollment', 'consent', 'guardianship')),
    enrollment_id   INTEGER REFERENCES enrollments (id),
    bracket         TEXT NOT NULL CHECK (bracket IN ('child', 'adolescent', 'adult')),
    relationship    TEXT NOT NULL CHECK (relationship IN ('self', 'parent', 'guardian', 'family')),
    started_at      TEXT NOT NULL,
    ended_at        TEXT,
    end_reason      TEXT CHECK (end_reason IS NULL OR end_reason IN
                        ('age_12', 'age_18', 'deactivated', 'revoked', 'restricted', 'consent_revoked',
                         'deceased', 'merged')),
    updated_at      TEXT NOT NULL,
    updated_by      TEXT NOT NULL,
    row_version     INTEGER NOT NULL DEFAULT 1,
    CHECK ((ended_at IS NULL) = (end_reason IS NULL))
);
INSERT INTO access_grants_rebuilt SELECT * FROM access_grants;
DROP TABLE access_grants;
ALTER TABLE access_grants_rebuilt RENAME TO access_grants;
CREATE UNIQUE INDEX access_grants_one_open ON access_grants (portal_user_id, patient_id) WHERE ended_at IS NULL;
CREATE INDEX access_grants_patient ON access_grants (patient_id);

CREATE TABLE outbox_rebuilt (
    id               INTEGER PRIMARY KEY,
    message_id       TEXT NOT NULL UNIQUE,
    kind             TEXT NOT NULL,
    sender           TEXT NOT NULL,
    recipient        TEXT NOT NULL,
    language         TEXT NOT NULL,
    subject          TEXT NOT NULL,
    raw              BLOB,
    portal_user_id   INTEGER REFERENCES portal_users (id),
    invitation_id    INTEGER REFERENCES invitations (id),
    status           TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'cancelled')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT NOT NULL,
    last_error       TEXT,
    claimed_by       TEXT,
    claimed_at       TEXT,
    created_at       TEXT NOT NULL,
    sent_at          TEXT
);
INSERT INTO outbox_rebuilt SELECT * FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_rebuilt RENAME TO outbox;
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX outbox_invitation ON outbox (invitation_id, id);
CREATE INDEX outbox_user ON outbox (portal_user_id) WHERE status IN ('pending', 'sending');

-- Each message the feed received, keyed as the sender keys it (MSH-3/4 and MSH-10), so that a resent
-- message is acknowledged without being applied twice. Refused ones keep their text, for a retry.
CREATE TABLE feed_messages (
    id           INTEGER PRIMARY KEY,
    source       TEXT NOT NULL CHECK (length(source) BETWEEN 1 AND 400),
    control_id   TEXT NOT NULL CHECK (length(control_id) BETWEEN 1 AND 199),
    trigger      TEXT NOT NULL CHECK (length(trigger) <= 40),
    received_at  TEXT NOT NULL,
    event_at     TEXT,
    status       TEXT NOT NULL CHECK (status IN ('applied', 'stale', 'refused', 'dismissed')),
    mrn          TEXT CHECK (mrn IS NULL OR length(mrn) <= 40),
    patient_id   INTEGER REFERENCES patients (id),
    rule         TEXT,
    reason       TEXT,
    raw          BLOB,
    attempts     INTEGER NOT NULL DEFAULT 1,
    resolved_at  TEXT,
    resolved_by  TEXT,
    UNIQUE (source, control_id)
);
CREATE INDEX feed_messages_refused ON feed_messages (received_at, id) WHERE status = 'refused';
CREATE INDEX feed_messages_received ON feed_messages (received_at);
