-- A hospital's size: the nightly job and the worklists read from indexes instead of walking tables.
--
-- access_grants.age_ends_on is the first day a 12th or 18th birthday may end the grant: the 12th birthday
-- for a child-bracket grant, the 18th for a proxy's adolescent-bracket grant, nothing for the rest (the
-- patient's own, adult proxies, guardianships) and nothing for a grant that began after that birthday.
-- For a 29 February birth it is 28 February whatever the leap-day setting, so it never comes after the
-- real birthday; PortalDesk works out the exact day. The triggers keep it right when a grant is made or
-- changed and when a birth date is corrected.
ALTER TABLE access_grants ADD COLUMN age_ends_on TEXT;

-- The rule, written once: what age_ends_on should be for each grant as it stands now. (A later migration
-- that rebuilds access_grants or patients drops this view first and creates it again.)
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

UPDATE access_grants SET age_ends_on = (SELECT d.age_ends_on FROM access_grants_age_end_due d
                                        WHERE d.id = access_grants.id)
WHERE ended_at IS NULL;

CREATE INDEX access_grants_age_end ON access_grants (age_ends_on, id)
    WHERE ended_at IS NULL AND age_ends_on IS NOT NULL;

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
