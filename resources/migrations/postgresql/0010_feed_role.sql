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
-- new ones.
GRANT SELECT, UPDATE ON portal_users, access_grants, enrollments, invitations, consents, requests
    TO portaldesk_feed;
GRANT SELECT ON transition_notices TO portaldesk_feed;
-- A death cancels the family's pending mail: whether a message waits, and for whom, but not its text.
GRANT SELECT (id, status, portal_user_id), UPDATE (status, last_error) ON outbox TO portaldesk_feed;
