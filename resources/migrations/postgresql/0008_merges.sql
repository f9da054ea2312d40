-- Merges from the EHR (A40): the prior record's logins, grants and history move to the survivor, and the
-- prior record stays, pointing at the survivor (patients.merged_into). A merge whose two records conflict
-- waits here for HIM review instead of being guessed at.
CREATE TABLE patient_merges (
    id           BIGSERIAL PRIMARY KEY,
    survivor_id  BIGINT NOT NULL REFERENCES patients (id),
    prior_id     BIGINT NOT NULL REFERENCES patients (id),
    status       TEXT NOT NULL CHECK (status IN ('held', 'merged')),
    conflicts    TEXT CHECK (conflicts IS NULL OR length(conflicts) <= 4000),
    source       TEXT,
    control_id   TEXT,
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    resolved_at  TEXT,
    resolved_by  TEXT,
    CHECK (survivor_id <> prior_id)
);
CREATE UNIQUE INDEX patient_merges_one_held ON patient_merges (prior_id) WHERE status = 'held';
CREATE INDEX patient_merges_held ON patient_merges (created_at, id) WHERE status = 'held';
CREATE INDEX patients_merged_into ON patients (merged_into) WHERE merged_into IS NOT NULL;

GRANT SELECT, INSERT, UPDATE ON patient_merges TO portaldesk_him_specialist;
GRANT USAGE ON SEQUENCE patient_merges_id_seq TO portaldesk_him_specialist;
