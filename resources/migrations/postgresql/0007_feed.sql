-- Patients from the EHR (SPEC section 11a): what the feed last applied to each patient, deaths, merges,
-- and the messages the feed received. Grants may now end because the patient died or was merged, and
-- queued mail may be cancelled.

ALTER TABLE patients ADD COLUMN deceased_at TEXT;
-- When the EHR recorded the newest message applied to the patient (EVN-2 or MSH-7); an older one is
-- not applied over it.
ALTER TABLE patients ADD COLUMN feed_event_at TEXT;
ALTER TABLE patients ADD COLUMN merged_into BIGINT REFERENCES patients (id);
-- Support agents see the new facts too: a death and a merge are no contact details.
CREATE OR REPLACE VIEW portaldesk_agent.patients AS
    SELECT id, mrn, given_name, family_name, birth_date, sex, language,
           portaldesk_agent.mask_email(email) AS email, portaldesk_agent.mask_phone(phone) AS phone,
           created_at, created_by, updated_at, updated_by, row_version, deceased_at, feed_event_at, merged_into
    FROM public.patients;

ALTER TABLE access_grants DROP CONSTRAINT access_grants_end_reason_check;
ALTER TABLE access_grants ADD CONSTRAINT access_grants_end_reason_check CHECK (end_reason IS NULL OR end_reason IN
    ('age_12', 'age_18', 'deactivated', 'revoked', 'restricted', 'consent_revoked', 'deceased', 'merged'));
ALTER TABLE outbox DROP CONSTRAINT outbox_status_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_status_check
    CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'cancelled'));
CREATE INDEX outbox_user ON outbox (portal_user_id) WHERE status IN ('pending', 'sending');

-- Each message the feed received, keyed as the sender keys it (MSH-3/4 and MSH-10), so that a resent
-- message is acknowledged without being applied twice. Refused ones keep their text, for a retry.
CREATE TABLE feed_messages (
    id           BIGSERIAL PRIMARY KEY,
    source       TEXT NOT NULL CHECK (length(source) BETWEEN 1 AND 400),
    control_id   TEXT NOT NULL CHECK (length(control_id) BETWEEN 1 AND 199),
    trigger      TEXT NOT NULL CHECK (length(trigger) <= 40),
    received_at  TEXT NOT NULL,
    event_at     TEXT,
    status       TEXT NOT NULL CHECK (status IN ('applied', 'stale', 'refused', 'dismissed')),
    mrn          TEXT CHECK (mrn IS NULL OR length(mrn) <= 40),
    patient_id   BIGINT REFERENCES patients (id),
    rule         TEXT,
    reason       TEXT,
    raw          BYTEA,
    attempts     INTEGER NOT NULL DEFAULT 1,
    resolved_at  TEXT,
    resolved_by  TEXT,
    UNIQUE (source, control_id)
);
CREATE INDEX feed_messages_refused ON feed_messages (received_at, id) WHERE status = 'refused';
CREATE INDEX feed_messages_received ON feed_messages (received_at);

-- The feed's messages are the HIM staff's to see and retry; support agents see none of them (they hold
-- the EHR's full demographics).
GRANT SELECT, INSERT, UPDATE ON feed_messages TO portaldesk_him_specialist;
GRANT USAGE ON SEQUENCE feed_messages_id_seq TO portaldesk_him_specialist;
