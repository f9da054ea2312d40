-- A new staff login's password reaches the server only as a SCRAM-SHA-256 verifier made on the
-- workstation (as libpq's PQencryptPasswordConn makes it): statement text goes to the server's log, and a
-- password in it would be read by whoever reads the log. The server stores the verifier as given; the
-- length rule for the password itself is checked where the password is typed.

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
    IF coalesce(secret, '') !~ '^SCRAM-SHA-256\$[0-9]{4,7}:[A-Za-z0-9+/]{16,}={0,2}\$[A-Za-z0-9+/]{43}=:[A-Za-z0-9+/]{43}=$'
            OR substring(secret FROM '^SCRAM-SHA-256\$([0-9]+):')::integer < 4096 THEN
        RAISE EXCEPTION 'a staff login''s password comes as a SCRAM-SHA-256 verifier of 4096 or more iterations, never as the password itself'
            USING ERRCODE = 'invalid_parameter_value';
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
