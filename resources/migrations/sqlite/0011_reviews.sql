-- Patients waiting for staff to look at them: a corrected birth date made them younger (grants that ended
-- at 12 or 18 may not have ended under the new date), or the EHR took a death back. Nothing reopens by
-- itself; a specialist marks the record reviewed once they have.
ALTER TABLE patients ADD COLUMN review_reason TEXT
    CHECK (review_reason IS NULL OR review_reason IN ('younger_after_correction', 'death_cleared'));
ALTER TABLE patients ADD COLUMN review_since TEXT;
CREATE INDEX patients_review ON patients (review_since, id) WHERE review_since IS NOT NULL;
