-- The EHR feed's own staff role. The listener and imports sign in as a login of the portaldesk_feed
-- group, which may apply what the EHR says about patients (register, correct, merge, record a death,
-- with the age rules and audit events that follow) and nothing else: it can't enroll anyone, give access,
-- send mail, read mail or the audit log, delete anything, or change settings or staff.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'portaldesk_feed') THEN
        CREATE ROLE portaldesk_feed NOLOGIN;
    END IF;
END;
$$;

ALTER TABLE staff DROP CONSTRAINT staff_role_check;
ALTER TABLE staff ADD CONSTRAINT staff_role_check
    CHECK (role IN ('support_agent', 'him_specialist', 'him_supervisor', 'ehr_feed'));

CREATE OR REPLACE FUNCTION staff_login_add(login text, staff_role text, secret text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    grp text := CASE staff_role WHEN 'support_agent' THEN 'portaldesk_support_agent'
                                WHEN 'him_specialist' THEN 'portaldesk_him_specialist'
                                WHEN 'him_supervisor' THEN 'portaldesk_him_supervisor'
                                WHEN 'ehr_feed' THEN 'portaldesk_feed' END;
    other text;
BEGIN
    IF NOT staff_manager() THEN
        RAISE EXCEPTION 'only a supervisor adds staff' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF grp IS NULL THEN
        RAISE EXCEPTION 'unknown staff role %', staff_role USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF login !~ '^[a-z][a-z0-9_.-]{0,62}$' OR login LIKE 'pg\_%' OR login LIKE 'portaldesk\_%' THEN
        RAISE EXCEPTION 'a staff login is lower-case letters, digits, ".", "_" or "-"'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF length(coalesce(secret, '')) < 12 THEN
        RAISE EXCEPTION 'a staff password has at least 12 characters' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login) THEN
        IF NOT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                       JOIN pg_roles u ON u.oid = m.member
                       WHERE u.rolname = login AND g.rolname LIKE 'portaldesk\_%') THEN
            RAISE EXCEPTION 'the database already has a login % that is not PortalDesk staff', login
                USING ERRCODE = 'duplicate_object';
        END IF;
        EXECUTE format('ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L', login, secret);
    ELSE
        EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L', login, secret);
    END IF;
    FOREACH other IN ARRAY ARRAY['portaldesk_support_agent', 'portaldesk_him_specialist',
                                 'portaldesk_him_supervisor', 'portaldesk_feed'] LOOP
        IF other <> grp THEN
            EXECUTE format('REVOKE %I FROM %I', other, login);
        END IF;
    END LOOP;
    EXECUTE format('GRANT %I TO %I', grp, login);
END;
$$;
REVOKE ALL ON FUNCTION staff_login_add(text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION staff_login_add(text, text, text) TO portaldesk_him_supervisor;

GRANT USAGE ON SCHEMA public TO portaldesk_feed;
-- Who it is, the hospital's settings, and the schema's version.
GRANT SELECT ON staff, settings, holidays, schema_migrations TO portaldesk_feed;
-- Patients as the EHR sends them, the messages it sent, and merges held for review.
GRANT SELECT, INSERT, UPDATE ON patients, feed_messages, patient_merges TO portaldesk_feed;
GRANT USAGE ON SEQUENCE patients_id_seq, feed_messages_id_seq, patient_merges_id_seq TO portaldesk_feed;
GRANT EXECUTE ON FUNCTION search_index_put(bigint, text), audit_tail() TO portaldesk_feed;
GRANT INSERT ON audit_events TO portaldesk_feed;
-- What a death, a corrected birth date or a merge changes about access: rows it ends or moves, never
-- new ones. A grant can be ended or moved to the surviving record, not reopened or given to another
-- login; enrollments, consents and requests only move.
GRANT SELECT ON portal_users, access_grants, enrollments, invitations, consents, requests TO portaldesk_feed;
GRANT UPDATE (ended_at, end_reason, patient_id, updated_at, updated_by, row_version) ON access_grants
    TO portaldesk_feed;
GRANT UPDATE (patient_id) ON enrollments TO portaldesk_feed;
GRANT UPDATE (patient_id, updated_at, updated_by, row_version) ON consents, requests TO portaldesk_feed;
-- Logins and invitations are written whole by the code that closes them (a death, a login left with
-- nothing): the columns are granted, and a trigger lets the feed's logins only close them, as it lets
-- them end a grant but never reopen one.
GRANT UPDATE ON portal_users, invitations TO portaldesk_feed;

CREATE FUNCTION feed_only_closes() RETURNS trigger
    LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT pg_has_role(session_user, 'portaldesk_feed', 'MEMBER') OR
       pg_has_role(session_user, 'portaldesk_him_specialist', 'MEMBER') THEN
        RETURN NEW;
    END IF;
    IF TG_TABLE_NAME = 'access_grants' THEN
        IF OLD.ended_at IS NOT NULL AND (NEW.ended_at IS DISTINCT FROM OLD.ended_at OR
                                         NEW.end_reason IS DISTINCT FROM OLD.end_reason) THEN
            RAISE EXCEPTION 'the EHR feed may end a grant, not reopen one' USING ERRCODE = 'insufficient_privilege';
        END IF;
    ELSIF TG_TABLE_NAME = 'portal_users' THEN
        IF NEW.username IS DISTINCT FROM OLD.username OR NEW.email IS DISTINCT FROM OLD.email OR
           NEW.given_name IS DISTINCT FROM OLD.given_name OR NEW.family_name IS DISTINCT FROM OLD.family_name OR
           NEW.kind IS DISTINCT FROM OLD.kind OR NEW.activated_at IS DISTINCT FROM OLD.activated_at OR
           (NEW.status IS DISTINCT FROM OLD.status AND NEW.status NOT IN ('deactivated', 'terminated')) THEN
            RAISE EXCEPTION 'the EHR feed may only close a login' USING ERRCODE = 'insufficient_privilege';
        END IF;
    ELSE
        IF NEW.email IS DISTINCT FROM OLD.email OR NEW.token_hash IS DISTINCT FROM OLD.token_hash OR
           NEW.pin_hash IS DISTINCT FROM OLD.pin_hash OR NEW.expires_at IS DISTINCT FROM OLD.expires_at OR
           NEW.sent_at IS DISTINCT FROM OLD.sent_at OR NEW.portal_user_id IS DISTINCT FROM OLD.portal_user_id OR
           (NEW.status IS DISTINCT FROM OLD.status AND NEW.status <> 'revoked') THEN
            RAISE EXCEPTION 'the EHR feed may only revoke an invitation' USING ERRCODE = 'insufficient_privilege';
        END IF;
    END IF;
    RETURN NEW;
END;
$$;
REVOKE ALL ON FUNCTION feed_only_closes() FROM PUBLIC;
CREATE TRIGGER portal_users_feed_only_closes BEFORE UPDATE ON portal_users
    FOR EACH ROW EXECUTE FUNCTION feed_only_closes();
CREATE TRIGGER invitations_feed_only_closes BEFORE UPDATE ON invitations
    FOR EACH ROW EXECUTE FUNCTION feed_only_closes();
CREATE TRIGGER access_grants_feed_only_closes BEFORE UPDATE ON access_grants
    FOR EACH ROW EXECUTE FUNCTION feed_only_closes();
GRANT SELECT ON transition_notices TO portaldesk_feed;
-- A death cancels the family's pending mail: whether a message waits, and for whom, but not its text.
GRANT SELECT (id, status, portal_user_id), UPDATE (status, last_error) ON outbox TO portaldesk_feed;
