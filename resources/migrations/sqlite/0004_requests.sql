-- Family requests, version 4 (SPEC section 5): what a family asked HIM for ("I never got my invitation",
-- "deactivate my account", "why can't I see X"), when it arrived, and when it is due (2 business days
-- of HIM hours, computed by the application from the hospital's calendar). A resolved request names the
-- action that answered it: a record ("invitation:123") and the audit event of that change.

CREATE TABLE requests (
    id                 INTEGER PRIMARY KEY,
    kind               TEXT NOT NULL CHECK (kind IN
                           ('never_received', 'invitation_expired', 'deactivate', 'visibility', 'other')),
    patient_id         INTEGER REFERENCES patients (id),
    portal_user_id     INTEGER REFERENCES portal_users (id),
    received_at        TEXT NOT NULL,
    channel            TEXT NOT NULL CHECK (channel IN
                           ('phone', 'email', 'portal', 'in_person', 'mail', 'other')),
    note               TEXT CHECK (note IS NULL OR length(note) <= 2000),
    due_at             TEXT NOT NULL,
    status             TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
    resolved_at        TEXT,
    resolved_by        TEXT,
    resolution_note    TEXT CHECK (resolution_note IS NULL OR length(resolution_note) <= 2000),
    resolved_action    TEXT CHECK (resolved_action IS NULL OR length(resolved_action) <= 80),
    resolved_event_id  INTEGER REFERENCES audit_events (id),
    created_at         TEXT NOT NULL,
    created_by         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    updated_by         TEXT NOT NULL,
    row_version        INTEGER NOT NULL DEFAULT 1,
    CHECK (due_at >= received_at),
    CHECK ((status = 'resolved') = (resolved_at IS NOT NULL AND resolved_by IS NOT NULL)),
    CHECK (status = 'resolved' OR (resolution_note IS NULL AND resolved_action IS NULL
                                   AND resolved_event_id IS NULL)),
    CHECK (resolved_event_id IS NULL OR resolved_action IS NOT NULL)
);
-- The worklist: open requests, soonest due first; the late ones are its head.
CREATE INDEX requests_open_by_due ON requests (due_at, id) WHERE status = 'open';
CREATE INDEX requests_by_due ON requests (due_at, id);
CREATE INDEX requests_patient ON requests (patient_id);
CREATE INDEX requests_user ON requests (portal_user_id);
