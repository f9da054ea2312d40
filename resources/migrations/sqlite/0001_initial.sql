-- PortalDesk schema, version 1 (SQLite). Times are UTC ISO-8601 text ("2026-11-24T17:30:00.000Z"),
-- dates are "YYYY-MM-DD"; both sort correctly as text.

CREATE TABLE settings (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
);

CREATE TABLE staff (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 64),
    display_name  TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
    role          TEXT NOT NULL CHECK (role IN ('support_agent', 'him_specialist', 'him_supervisor')),
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at    TEXT NOT NULL
);

CREATE TABLE patients (
    id           INTEGER PRIMARY KEY,
    mrn          TEXT NOT NULL UNIQUE CHECK (length(mrn) BETWEEN 1 AND 20),
    given_name   TEXT NOT NULL CHECK (length(given_name) BETWEEN 1 AND 100),
    family_name  TEXT NOT NULL CHECK (length(family_name) BETWEEN 1 AND 100),
    birth_date   TEXT NOT NULL CHECK (birth_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    sex          TEXT NOT NULL DEFAULT 'unknown' CHECK (sex IN ('female', 'male', 'other', 'unknown')),
    language     TEXT NOT NULL DEFAULT 'en' CHECK (length(language) BETWEEN 2 AND 8),
    email        TEXT CHECK (email IS NULL OR length(email) <= 254),
    phone        TEXT CHECK (phone IS NULL OR length(phone) <= 32),
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    row_version  INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX patients_birth_date ON patients (birth_date);

CREATE TABLE portal_users (
    id                  INTEGER PRIMARY KEY,
    username            TEXT NOT NULL UNIQUE CHECK (length(username) BETWEEN 1 AND 64),
    email               TEXT NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    given_name          TEXT NOT NULL CHECK (length(given_name) BETWEEN 1 AND 100),
    family_name         TEXT NOT NULL CHECK (length(family_name) BETWEEN 1 AND 100),
    language            TEXT NOT NULL DEFAULT 'en' CHECK (length(language) BETWEEN 2 AND 8),
    kind                TEXT NOT NULL CHECK (kind IN ('patient', 'proxy')),
    patient_id          INTEGER REFERENCES patients (id),
    status              TEXT NOT NULL CHECK (status IN ('pending', 'active', 'deactivated', 'terminated')),
    status_reason       TEXT,
    status_changed_at   TEXT,
    activated_at        TEXT,
    deactivation_reason TEXT CHECK (deactivation_reason IS NULL OR deactivation_reason IN
                            ('suspected_compromise', 'family_request', 'duplicate', 'deceased', 'other')),
    reported_by         TEXT,
    verified_by         TEXT,
    deactivation_note   TEXT,
    created_at          TEXT NOT NULL,
    created_by          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    updated_by          TEXT NOT NULL,
    row_version         INTEGER NOT NULL DEFAULT 1,
    CHECK ((kind = 'patient') = (patient_id IS NOT NULL))
);
-- Addresses are compared without regard to case (Ana@… and ana@… are one mailbox in practice).
CREATE INDEX portal_users_email ON portal_users (lower(email));
CREATE UNIQUE INDEX portal_users_one_own_login ON portal_users (patient_id) WHERE patient_id IS NOT NULL;

CREATE TABLE enrollments (
    id               INTEGER PRIMARY KEY,
    patient_id       INTEGER NOT NULL REFERENCES patients (id),
    portal_user_id   INTEGER NOT NULL REFERENCES portal_users (id),
    form             TEXT NOT NULL CHECK (form IN ('parent', 'patient')),
    relationship     TEXT NOT NULL CHECK (relationship IN ('self', 'parent', 'guardian', 'family')),
    signed_on        TEXT NOT NULL,
    bracket          TEXT NOT NULL CHECK (bracket IN ('child', 'adolescent', 'adult')),
    override_reason  TEXT,
    created_at       TEXT NOT NULL,
    created_by       TEXT NOT NULL
);
CREATE INDEX enrollments_patient ON enrollments (patient_id);

CREATE TABLE access_grants (
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
                        ('age_12', 'age_18', 'deactivated', 'revoked', 'restricted', 'consent_revoked')),
    updated_at      TEXT NOT NULL,
    updated_by      TEXT NOT NULL,
    row_version     INTEGER NOT NULL DEFAULT 1,
    CHECK ((ended_at IS NULL) = (end_reason IS NULL))
);
CREATE UNIQUE INDEX access_grants_one_open ON access_grants (portal_user_id, patient_id) WHERE ended_at IS NULL;
CREATE INDEX access_grants_patient ON access_grants (patient_id);

CREATE TABLE invitations (
    id               INTEGER PRIMARY KEY,
    portal_user_id   INTEGER NOT NULL REFERENCES portal_users (id),
    enrollment_id    INTEGER REFERENCES enrollments (id),
    replaces_id      INTEGER REFERENCES invitations (id),
    email            TEXT NOT NULL,
    token_hash       TEXT UNIQUE,
    pin_hash         TEXT NOT NULL,
    pin_verified_by  TEXT,
    status           TEXT NOT NULL CHECK (status IN
                         ('queued', 'sent', 'delivery_failed', 'activated', 'expired', 'locked', 'revoked')),
    queued_at        TEXT NOT NULL,
    due_at           TEXT NOT NULL,
    sent_at          TEXT,
    expires_at       TEXT,
    activated_at     TEXT,
    revoked_at       TEXT,
    revoke_reason    TEXT,
    late_marked_at   TEXT,
    failed_attempts  INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    created_by       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    updated_by       TEXT NOT NULL,
    row_version      INTEGER NOT NULL DEFAULT 1,
    CHECK (status NOT IN ('sent', 'expired', 'activated') OR (sent_at IS NOT NULL AND token_hash IS NOT NULL))
);
-- At most one live invitation per portal user, whatever the code above does.
CREATE UNIQUE INDEX invitations_one_live ON invitations (portal_user_id)
    WHERE status IN ('queued', 'sent', 'delivery_failed');
CREATE INDEX invitations_status ON invitations (status, due_at);
CREATE INDEX invitations_user ON invitations (portal_user_id);

CREATE TABLE outbox (
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
    status           TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT NOT NULL,
    last_error       TEXT,
    claimed_by       TEXT,
    claimed_at       TEXT,
    created_at       TEXT NOT NULL,
    sent_at          TEXT
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);

CREATE TABLE transition_notices (
    id               INTEGER PRIMARY KEY,
    grant_id         INTEGER NOT NULL REFERENCES access_grants (id),
    transition_age   INTEGER NOT NULL CHECK (transition_age IN (12, 18)),
    transition_date  TEXT NOT NULL,
    outbox_id        INTEGER REFERENCES outbox (id),
    created_at       TEXT NOT NULL,
    UNIQUE (grant_id, transition_age)
);

-- The hospital's own calendar on top of the federal holidays: closed = 1 adds a closed day,
-- closed = 0 opens a day a federal holiday would close.
CREATE TABLE holidays (
    day     TEXT PRIMARY KEY,
    name    TEXT NOT NULL,
    closed  INTEGER NOT NULL DEFAULT 1 CHECK (closed IN (0, 1))
);

CREATE TABLE audit_events (
    id              INTEGER PRIMARY KEY,
    at              TEXT NOT NULL,
    staff           TEXT NOT NULL,
    workstation     TEXT NOT NULL,
    action          TEXT NOT NULL,
    record_type     TEXT NOT NULL,
    record_id       TEXT NOT NULL,
    patient_id      INTEGER,
    portal_user_id  INTEGER,
    details         TEXT NOT NULL DEFAULT '{}',
    prev_hash       TEXT NOT NULL,
    hash            TEXT NOT NULL UNIQUE
);
CREATE INDEX audit_events_patient ON audit_events (patient_id);
CREATE INDEX audit_events_user ON audit_events (portal_user_id);
CREATE INDEX audit_events_record ON audit_events (record_type, record_id);

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;

CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;

-- Substring search on what a person types: names, MRN, e-mail, phone (with and without punctuation).
-- Row ids: patient n → 2n, portal user n → 2n + 1.
CREATE VIRTUAL TABLE search_index USING fts5 (body, tokenize = 'trigram');

CREATE TRIGGER patients_search_insert AFTER INSERT ON patients
BEGIN
    INSERT INTO search_index (rowid, body) VALUES (new.id * 2,
        new.mrn || ' ' || new.given_name || ' ' || new.family_name || ' ' || coalesce(new.email, '') || ' '
        || coalesce(new.phone, '') || ' ' || coalesce(replace(replace(replace(replace(replace(new.phone,
           ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), ''));
END;

CREATE TRIGGER patients_search_update AFTER UPDATE ON patients
BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 2;
    INSERT INTO search_index (rowid, body) VALUES (new.id * 2,
        new.mrn || ' ' || new.given_name || ' ' || new.family_name || ' ' || coalesce(new.email, '') || ' '
        || coalesce(new.phone, '') || ' ' || coalesce(replace(replace(replace(replace(replace(new.phone,
           ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), ''));
END;

CREATE TRIGGER portal_users_search_insert AFTER INSERT ON portal_users
BEGIN
    INSERT INTO search_index (rowid, body) VALUES (new.id * 2 + 1,
        new.username || ' ' || new.given_name || ' ' || new.family_name || ' ' || new.email);
END;

CREATE TRIGGER portal_users_search_update AFTER UPDATE ON portal_users
BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 2 + 1;
    INSERT INTO search_index (rowid, body) VALUES (new.id * 2 + 1,
        new.username || ' ' || new.given_name || ' ' || new.family_name || ' ' || new.email);
END;
