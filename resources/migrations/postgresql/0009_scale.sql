-- A hospital's size: the nightly job and the worklists read from indexes instead of walking tables.
--
-- access_grants.age_ends_on is the first day a 12th or 18th birthday may end the grant: the 12th birthday
-- for a child-bracket grant, the 18th for a proxy's adolescent-bracket grant, nothing for the rest (the
-- patient's own, adult proxies, guardianships) and nothing for a grant that began after that birthday.
-- For a 29 February birth it is 28 February whatever the leap-day setting (date arithmetic clamps to the
-- month's end), so it never comes after the real birthday; PortalDesk works out the exact day. The
-- grants' trigger works it out again on every insert and update, so nobody sets it by hand (a login
-- that may update grants can't let a child's access outlive the 12th birthday by clearing it), and a
-- corrected birth date sets it again on the patient's open grants.
ALTER TABLE access_grants ADD COLUMN age_ends_on TEXT;

CREATE FUNCTION grant_age_ends_on(p_birth_date text, p_bracket text, p_relationship text, p_basis text,
                                  p_started_at text)
    RETURNS text LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT CASE WHEN b.day < to_char(to_date(substr(p_started_at, 1, 10), 'YYYY-MM-DD') - 1, 'YYYY-MM-DD')
                THEN NULL ELSE b.day END
    FROM (SELECT CASE WHEN p_basis = 'guardianship' OR p_birth_date IS NULL THEN NULL
                      WHEN p_bracket = 'child' THEN
                          to_char(to_date(p_birth_date, 'YYYY-MM-DD') + interval '12 years', 'YYYY-MM-DD')
                      WHEN p_bracket = 'adolescent' AND p_relationship <> 'self' THEN
                          to_char(to_date(p_birth_date, 'YYYY-MM-DD') + interval '18 years', 'YYYY-MM-DD')
                 END AS day) b
$$;
GRANT EXECUTE ON FUNCTION grant_age_ends_on(text, text, text, text, text) TO PUBLIC;

UPDATE access_grants g
   SET age_ends_on = grant_age_ends_on(p.birth_date, g.bracket, g.relationship, g.basis, g.started_at)
  FROM patients p WHERE p.id = g.patient_id AND g.ended_at IS NULL;

CREATE INDEX access_grants_age_end ON access_grants (age_ends_on, id)
    WHERE ended_at IS NULL AND age_ends_on IS NOT NULL;

CREATE FUNCTION access_grants_age_end() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    NEW.age_ends_on := grant_age_ends_on((SELECT birth_date FROM public.patients WHERE id = NEW.patient_id),
                                         NEW.bracket, NEW.relationship, NEW.basis, NEW.started_at);
    RETURN NEW;
END;
$$;
CREATE TRIGGER access_grants_age_end BEFORE INSERT OR UPDATE ON access_grants
    FOR EACH ROW EXECUTE FUNCTION access_grants_age_end();

-- Touching the patient's open grants makes their trigger read the new birth date.
CREATE FUNCTION patients_age_end() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    UPDATE public.access_grants SET age_ends_on = NULL WHERE patient_id = NEW.id AND ended_at IS NULL;
    RETURN NULL;
END;
$$;
CREATE TRIGGER patients_age_end AFTER UPDATE OF birth_date ON patients FOR EACH ROW
    WHEN (OLD.birth_date IS DISTINCT FROM NEW.birth_date) EXECUTE FUNCTION patients_age_end();
REVOKE ALL ON FUNCTION access_grants_age_end(), patients_age_end() FROM PUBLIC;

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
