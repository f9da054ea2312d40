-- Adult proxy consents that expire (SPEC section 8): an approved consent's grant ends on the day fixed at its
-- approval (consent.expiry_months later; never for a guardian's court papers), the patient is reminded
-- beforehand, and a new consent renews it without a gap. Two new end reasons ("consent_expired",
-- "consent_renewed") need access_grants rebuilt, SQLite's way, with its view and triggers made again.
DROP TRIGGER patients_age_end;
DROP TRIGGER access_grants_age_end_insert;
DROP TRIGGER access_grants_age_end_move;
DROP VIEW access_grants_age_end_due;

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
                         'deceased', 'merged', 'consent_expired', 'consent_renewed')),
    updated_at      TEXT NOT NULL,
    updated_by      TEXT NOT NULL,
    row_version     INTEGER NOT NULL DEFAULT 1,
    age_ends_on     TEXT,
    CHECK ((ended_at IS NULL) = (end_reason IS NULL))
);
INSERT INTO access_grants_rebuilt (id, portal_user_id, patient_id, level, basis, enrollment_id, bracket,
                                   relationship, started_at, ended_at, end_reason, updated_at, updated_by,
                                   row_version, age_ends_on)
    SELECT id, portal_user_id, patient_id, level, basis, enrollment_id, bracket, relationship, started_at,
           ended_at, end_reason, updated_at, updated_by, row_version, age_ends_on
    FROM access_grants;
DROP TABLE access_grants;
ALTER TABLE access_grants_rebuilt RENAME TO access_grants;
CREATE UNIQUE INDEX access_grants_one_open ON access_grants (portal_user_id, patient_id) WHERE ended_at IS NULL;
CREATE INDEX access_grants_patient ON access_grants (patient_id);
CREATE INDEX access_grants_age_end ON access_grants (age_ends_on, id)
    WHERE ended_at IS NULL AND age_ends_on IS NOT NULL;
CREATE INDEX access_grants_user ON access_grants (portal_user_id, id);

CREATE VIEW access_grants_age_end_due AS
SELECT id, CASE WHEN day < date(substr(started_at, 1, 10), '-1 day') THEN NULL ELSE day END AS age_ends_on
FROM (SELECT g.id, g.started_at,
             CASE WHEN g.basis = 'guardianship' THEN NULL
                  WHEN g.bracket = 'child' THEN
                      CASE WHEN substr(p.birth_date, 6) = '02-29'
                           THEN date(p.birth_date, '-1 day', '+12 years')
                           ELSE date(p.birth_date, '+12 years') END
                  WHEN g.bracket = 'adolescent' AND g.relationship <> 'self' THEN
                      CASE WHEN substr(p.birth_date, 6) = '02-29'
                           THEN date(p.birth_date, '-1 day', '+18 years')
                           ELSE date(p.birth_date, '+18 years') END
             END AS day
      FROM access_grants g JOIN patients p ON p.id = g.patient_id);

CREATE TRIGGER access_grants_age_end_insert AFTER INSERT ON access_grants
BEGIN
    UPDATE access_grants SET age_ends_on = (SELECT d.age_ends_on FROM access_grants_age_end_due d
                                            WHERE d.id = NEW.id)
    WHERE id = NEW.id;
END;

CREATE TRIGGER access_grants_age_end_move AFTER UPDATE OF patient_id, bracket, relationship, basis, started_at
    ON access_grants
BEGIN
    UPDATE access_grants SET age_ends_on = (SELECT d.age_ends_on FROM access_grants_age_end_due d
                                            WHERE d.id = NEW.id)
    WHERE id = NEW.id;
END;

CREATE TRIGGER patients_age_end AFTER UPDATE OF birth_date ON patients
    WHEN OLD.birth_date IS NOT NEW.birth_date
BEGIN
    UPDATE access_grants SET age_ends_on = (SELECT d.age_ends_on FROM access_grants_age_end_due d
                                            WHERE d.id = access_grants.id)
    WHERE patient_id = NEW.id AND ended_at IS NULL;
END;

-- ends_on: the day the consent's grant ends (YYYY-MM-DD, in the hospital's calendar); null = never.
-- reminded_at: when the patient was reminded. renews_id: the consent this one renewed.
ALTER TABLE consents ADD COLUMN ends_on TEXT CHECK (ends_on IS NULL OR length(ends_on) = 10);
ALTER TABLE consents ADD COLUMN reminded_at TEXT;
ALTER TABLE consents ADD COLUMN renews_id INTEGER REFERENCES consents (id);
CREATE INDEX consents_ending ON consents (ends_on, id) WHERE status = 'approved' AND ends_on IS NOT NULL;
