-- Proxy consents of adult patients and the scanned forms behind them (SPEC section 8).

-- A scanned form, kept whole with its SHA-256 so that what was reviewed can be shown to be what was filed.
CREATE TABLE documents (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    media_type  TEXT NOT NULL CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg')),
    size        INTEGER NOT NULL CHECK (size BETWEEN 1 AND 10485760),
    sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
    content     BLOB NOT NULL,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL
);

-- kind: adult_proxy (the patient names a proxy), guardian (court papers for an adult who can't consent;
-- a supervisor approves, and it does not end at 18).
CREATE TABLE consents (
    id               INTEGER PRIMARY KEY,
    patient_id       INTEGER NOT NULL REFERENCES patients (id),
    kind             TEXT NOT NULL CHECK (kind IN ('adult_proxy', 'guardian')),
    proxy_given      TEXT NOT NULL CHECK (length(proxy_given) BETWEEN 1 AND 100),
    proxy_family     TEXT NOT NULL CHECK (length(proxy_family) BETWEEN 1 AND 100),
    proxy_email      TEXT NOT NULL CHECK (length(proxy_email) BETWEEN 3 AND 254),
    proxy_language   TEXT NOT NULL DEFAULT 'en' CHECK (length(proxy_language) BETWEEN 2 AND 8),
    relationship     TEXT NOT NULL CHECK (relationship IN ('parent', 'guardian', 'family')),
    scope            TEXT NOT NULL CHECK (scope IN ('full', 'limited')),
    signed_on        TEXT NOT NULL,
    signed_by        TEXT CHECK (signed_by IS NULL OR length(signed_by) <= 200),
    pin_hash         TEXT NOT NULL,
    document_id      INTEGER NOT NULL REFERENCES documents (id),
    status           TEXT NOT NULL CHECK (status IN ('submitted', 'approved', 'rejected', 'revoked')),
    decided_at       TEXT,
    decided_by       TEXT,
    reject_reason    TEXT,
    override_reason  TEXT,
    portal_user_id   INTEGER REFERENCES portal_users (id),
    grant_id         INTEGER REFERENCES access_grants (id),
    revoked_at       TEXT,
    revoked_by       TEXT,
    created_at       TEXT NOT NULL,
    created_by       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    updated_by       TEXT NOT NULL,
    row_version      INTEGER NOT NULL DEFAULT 1,
    CHECK ((status = 'rejected') = (reject_reason IS NOT NULL)),
    CHECK (status NOT IN ('approved', 'revoked') OR grant_id IS NOT NULL)
);
CREATE INDEX consents_patient ON consents (patient_id);
CREATE INDEX consents_status ON consents (status, created_at);
CREATE INDEX consents_proxy_email ON consents (lower(proxy_email));
