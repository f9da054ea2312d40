-- Access restrictions (SPEC section 8): a court order, custody order or protective order that bars a named
-- person from a patient's record. The person is matched by given plus family name (accents and case aside)
-- or by the mailbox of an address; the order's scan is kept as a document with its SHA-256. One row per
-- patient: an order that names siblings is recorded on each, with the same document.
CREATE TABLE restrictions (
    id           INTEGER PRIMARY KEY,
    patient_id   INTEGER NOT NULL REFERENCES patients (id),
    given_name   TEXT NOT NULL CHECK (length(given_name) BETWEEN 1 AND 100),
    family_name  TEXT NOT NULL CHECK (length(family_name) BETWEEN 1 AND 100),
    email        TEXT CHECK (email IS NULL OR length(email) BETWEEN 3 AND 254),
    reason       TEXT NOT NULL CHECK (reason IN ('court_order', 'custody_order', 'protective_order', 'other')),
    document_id  INTEGER NOT NULL REFERENCES documents (id),
    until_date   TEXT CHECK (until_date IS NULL OR length(until_date) = 10), -- the last day in force
    note         TEXT CHECK (note IS NULL OR length(note) <= 2000),
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    lifted_at    TEXT,
    lifted_by    TEXT,
    lift_reason  TEXT CHECK (lift_reason IS NULL OR length(lift_reason) BETWEEN 1 AND 2000),
    row_version  INTEGER NOT NULL DEFAULT 1,
    CHECK ((lifted_at IS NULL) = (lift_reason IS NULL))
);
CREATE INDEX restrictions_patient ON restrictions (patient_id);
-- The desk's lists: those not lifted, newest first, and those whose end is near.
CREATE INDEX restrictions_standing ON restrictions (id) WHERE lifted_at IS NULL;
CREATE INDEX restrictions_ending ON restrictions (until_date, id) WHERE lifted_at IS NULL AND until_date IS NOT NULL;
