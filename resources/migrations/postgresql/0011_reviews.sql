-- Patients waiting for staff to look at them: a corrected birth date made them younger (grants that ended
-- at 12 or 18 may not have ended under the new date), or the EHR took a death back. Nothing reopens by
-- itself; a specialist marks the record reviewed once they have.
ALTER TABLE patients ADD COLUMN review_reason TEXT
    CHECK (review_reason IS NULL OR review_reason IN ('younger_after_correction', 'death_cleared'));
ALTER TABLE patients ADD COLUMN review_since TEXT;
CREATE INDEX patients_review ON patients (review_since, id) WHERE review_since IS NOT NULL;

-- Agents see that a record waits for review, as they see deaths and merges.
CREATE OR REPLACE VIEW portaldesk_agent.patients AS
    SELECT id, mrn, given_name, family_name, birth_date, sex, language,
           portaldesk_agent.mask_email(email) AS email, portaldesk_agent.mask_phone(phone) AS phone,
           created_at, created_by, updated_at, updated_by, row_version, deceased_at, feed_event_at, merged_into,
           review_reason, review_since
    FROM public.patients;
