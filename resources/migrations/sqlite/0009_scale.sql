-- A hospital's size: the nightly job and the worklists read from indexes instead of walking tables.
--
-- access_grants.age_ends_on is the first day a 12th or 18th birthday may end the grant: the 12th birthday
-- for a child-bracket grant, the 18th for a proxy's adolescent-bracket grant, nothing for the rest (the
-- patient's own, adult proxies, guardianships). For a 29 February birth it is 28 February whatever the
-- leap-day setting, so it never comes after the real birthday; PortalDesk works out the exact day. The
-- triggers keep it right when a grant is made or moved and when a birth date is corrected.
ALTER TABLE access_grants ADD COLUMN age_ends_on TEXT;

UPDATE access_grants SET age_ends_on = (
    SELECT CASE WHEN access_grants.bracket = 'child' THEN
                    CASE WHEN substr(p.birth_date, 6) = '02-29' THEN date(p.birth_date, '-1 day', '+12 years')
                         ELSE date(p.birth_date, '+12 years') END
                ELSE
                    CASE WHEN substr(p.birth_date, 6) = '02-29' THEN date(p.birth_date, '-1 day', '+18 years')
                         ELSE date(p.birth_date, '+18 years') END
           END
    FROM patients p WHERE p.id = access_grants.patient_id)
WHERE ended_at IS NULL AND basis <> 'guardianship'
  AND (bracket = 'child' OR (bracket = 'adolescent' AND relationship <> 'self'));

CREATE INDEX access_grants_age_end ON access_grants (age_ends_on, id)
    WHERE ended_at IS NULL AND age_ends_on IS NOT NULL;

CREATE TRIGGER access_grants_age_end_insert AFTER INSERT ON access_grants
BEGIN
    UPDATE access_grants SET age_ends_on = (
        SELECT CASE WHEN NEW.basis = 'guardianship' THEN NULL
                    WHEN NEW.bracket = 'child' THEN
                        CASE WHEN substr(p.birth_date, 6) = '02-29'
                             THEN date(p.birth_date, '-1 day', '+12 years')
                             ELSE date(p.birth_date, '+12 years') END
                    WHEN NEW.bracket = 'adolescent' AND NEW.relationship <> 'self' THEN
                        CASE WHEN substr(p.birth_date, 6) = '02-29'
                             THEN date(p.birth_date, '-1 day', '+18 years')
                             ELSE date(p.birth_date, '+18 years') END
               END
        FROM patients p WHERE p.id = NEW.patient_id)
    WHERE id = NEW.id;
END;

CREATE TRIGGER access_grants_age_end_move AFTER UPDATE OF patient_id, bracket, relationship, basis
    ON access_grants
BEGIN
    UPDATE access_grants SET age_ends_on = (
        SELECT CASE WHEN NEW.basis = 'guardianship' THEN NULL
                    WHEN NEW.bracket = 'child' THEN
                        CASE WHEN substr(p.birth_date, 6) = '02-29'
                             THEN date(p.birth_date, '-1 day', '+12 years')
                             ELSE date(p.birth_date, '+12 years') END
                    WHEN NEW.bracket = 'adolescent' AND NEW.relationship <> 'self' THEN
                        CASE WHEN substr(p.birth_date, 6) = '02-29'
                             THEN date(p.birth_date, '-1 day', '+18 years')
                             ELSE date(p.birth_date, '+18 years') END
               END
        FROM patients p WHERE p.id = NEW.patient_id)
    WHERE id = NEW.id;
END;

CREATE TRIGGER patients_age_end AFTER UPDATE OF birth_date ON patients
    WHEN OLD.birth_date IS NOT NEW.birth_date
BEGIN
    UPDATE access_grants SET age_ends_on =
        CASE WHEN basis = 'guardianship' THEN NULL
             WHEN bracket = 'child' THEN
                 CASE WHEN substr(NEW.birth_date, 6) = '02-29' THEN date(NEW.birth_date, '-1 day', '+12 years')
                      ELSE date(NEW.birth_date, '+12 years') END
             WHEN bracket = 'adolescent' AND relationship <> 'self' THEN
                 CASE WHEN substr(NEW.birth_date, 6) = '02-29' THEN date(NEW.birth_date, '-1 day', '+18 years')
                      ELSE date(NEW.birth_date, '+18 years') END
        END
    WHERE patient_id = NEW.id AND ended_at IS NULL;
END;

-- The nightly job's other two sweeps, and the worklists' first pages.
CREATE INDEX invitations_expiry ON invitations (expires_at, id) WHERE status IN ('sent', 'delivery_failed');
CREATE INDEX invitations_late_unmarked ON invitations (due_at, id)
    WHERE status = 'queued' AND late_marked_at IS NULL;
-- A login's grants, ended ones too (the worklists show the patient a proxy's login is for).
CREATE INDEX access_grants_user ON access_grants (portal_user_id, id);
-- The leads' dashboard counts the weeks' invitations from these.
-- (sent_at, activated_at) covers the time to activation as well.
CREATE INDEX invitations_sent_at ON invitations (sent_at, activated_at);
CREATE INDEX invitations_activated_at ON invitations (activated_at);
CREATE INDEX invitations_expired_at ON invitations (expires_at) WHERE status = 'expired';
