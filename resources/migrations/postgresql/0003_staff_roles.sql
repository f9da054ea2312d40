-- Staff roles enforced by the server (SPEC section 6). Every staff member signs in as a database login
-- of their own, member of one group role; the groups hold only the grants below:
--   portaldesk_support_agent   searches and reads people through masked views; reissues and resends
--                              invitations; adds audit events and mail. Never reads the base tables
--                              of patients, logins or invitations, the outbox, or the audit log.
--   portaldesk_him_specialist  everything an agent may, plus the base tables (enroll, edit, deactivate,
--                              send mail); reads the audit events of patients and logins for timelines.
--   portaldesk_him_supervisor  everything a specialist may, plus settings, holidays, staff and the
--                              whole audit log.
-- No application role may change or remove an audit event; triggers refuse it even to the owner.
-- Group roles belong to the whole server; the schema owner needs CREATEROLE to make them.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'portaldesk_support_agent') THEN
        CREATE ROLE portaldesk_support_agent NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'portaldesk_him_specialist') THEN
        CREATE ROLE portaldesk_him_specialist NOLOGIN IN ROLE portaldesk_support_agent;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'portaldesk_him_supervisor') THEN
        CREATE ROLE portaldesk_him_supervisor NOLOGIN IN ROLE portaldesk_him_specialist;
    END IF;
END;
$$;

REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE ALL ON FUNCTION audit_events_append_only() FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO portaldesk_support_agent;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO portaldesk_support_agent;

-- What support agents see: contact details masked (first character of an address, last two digits of a
-- phone). Birth dates stay, because the PIN and age rules an agent's own reissue applies need them.
CREATE SCHEMA portaldesk_agent;
GRANT USAGE ON SCHEMA portaldesk_agent TO portaldesk_support_agent;

CREATE FUNCTION portaldesk_agent.mask_email(address text) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN address IS NULL THEN NULL
                WHEN position('@' IN address) <= 1 THEN '•••'
                ELSE left(address, 1) || '•••' || substr(address, position('@' IN address)) END
$$;

CREATE FUNCTION portaldesk_agent.mask_phone(phone text) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN phone IS NULL THEN NULL
                ELSE '•••' || right(regexp_replace(phone, '[^0-9]', '', 'g'), 2) END
$$;

CREATE VIEW portaldesk_agent.patients AS
    SELECT id, mrn, given_name, family_name, birth_date, sex, language,
           portaldesk_agent.mask_email(email) AS email, portaldesk_agent.mask_phone(phone) AS phone,
           created_at, created_by, updated_at, updated_by, row_version
    FROM public.patients;

CREATE VIEW portaldesk_agent.portal_users AS
    SELECT id, username, portaldesk_agent.mask_email(email) AS email, given_name, family_name, language,
           kind, patient_id, status, status_reason, status_changed_at, activated_at, deactivation_reason,
           reported_by, verified_by, deactivation_note, created_at, created_by, updated_at, updated_by,
           row_version
    FROM public.portal_users;

CREATE VIEW portaldesk_agent.invitations AS
    SELECT id, portal_user_id, enrollment_id, replaces_id, portaldesk_agent.mask_email(email) AS email,
           token_hash, pin_hash, pin_verified_by, status, queued_at, due_at, sent_at, expires_at,
           activated_at, revoked_at, revoke_reason, late_marked_at, failed_attempts, created_by,
           updated_at, updated_by, row_version
    FROM public.invitations;

-- The outbox as an agent sees it: whether and how a message went, never its address or content.
CREATE VIEW portaldesk_agent.outbox AS
    SELECT id, message_id, kind, sender, portaldesk_agent.mask_email(recipient) AS recipient, language,
           subject, NULL::bytea AS raw, portal_user_id, invitation_id, status, attempts, next_attempt_at,
           last_error, claimed_by, claimed_at, created_at, sent_at
    FROM public.outbox;

-- The events of patients and logins, for their timelines, with addresses masked.
CREATE VIEW portaldesk_agent.audit_events AS
    SELECT id, at, staff, workstation, action, record_type, record_id, patient_id, portal_user_id,
           regexp_replace(details, '([A-Za-z0-9!#$%&''*+/=?^_`{|}~-])[^"@[:space:]]*@', '\1•••@', 'g')
               AS details,
           prev_hash, hash
    FROM public.audit_events
    WHERE patient_id IS NOT NULL OR portal_user_id IS NOT NULL;

-- An agent's reissue or resend writes invitations through the masked view: the real address is taken
-- from the login, and a masked one is never written back.
CREATE FUNCTION portaldesk_agent.invitations_write() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    address text;
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT email INTO address FROM public.portal_users WHERE id = NEW.portal_user_id;
        INSERT INTO public.invitations (portal_user_id, enrollment_id, replaces_id, email, token_hash,
                pin_hash, pin_verified_by, status, queued_at, due_at, sent_at, expires_at, activated_at,
                revoked_at, revoke_reason, late_marked_at, failed_attempts, created_by, updated_at,
                updated_by, row_version)
            VALUES (NEW.portal_user_id, NEW.enrollment_id, NEW.replaces_id, address, NEW.token_hash,
                NEW.pin_hash, NEW.pin_verified_by, NEW.status, NEW.queued_at, NEW.due_at, NEW.sent_at,
                NEW.expires_at, NEW.activated_at, NEW.revoked_at, NEW.revoke_reason, NEW.late_marked_at,
                coalesce(NEW.failed_attempts, 0), NEW.created_by, NEW.updated_at, NEW.updated_by,
                coalesce(NEW.row_version, 1))
            RETURNING id INTO NEW.id;
        RETURN NEW;
    END IF;
    UPDATE public.invitations SET
            token_hash = NEW.token_hash, pin_hash = NEW.pin_hash, pin_verified_by = NEW.pin_verified_by,
            status = NEW.status, queued_at = NEW.queued_at, due_at = NEW.due_at, sent_at = NEW.sent_at,
            expires_at = NEW.expires_at, activated_at = NEW.activated_at, revoked_at = NEW.revoked_at,
            revoke_reason = NEW.revoke_reason, late_marked_at = NEW.late_marked_at,
            failed_attempts = NEW.failed_attempts, updated_at = NEW.updated_at, updated_by = NEW.updated_by,
            row_version = NEW.row_version
        WHERE id = OLD.id AND row_version = OLD.row_version;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER invitations_write INSTEAD OF INSERT OR UPDATE ON portaldesk_agent.invitations
    FOR EACH ROW EXECUTE FUNCTION portaldesk_agent.invitations_write();

-- Mail an agent queues names the masked address it could see; the real one is put back before the
-- message is stored, in the envelope and in the To: header.
CREATE FUNCTION outbox_unmask() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    address text;
    masked text;
BEGIN
    IF position('•' IN NEW.recipient) = 0 THEN
        RETURN NEW;
    END IF;
    IF NEW.invitation_id IS NOT NULL THEN
        SELECT email INTO address FROM public.invitations WHERE id = NEW.invitation_id;
    ELSIF NEW.portal_user_id IS NOT NULL THEN
        SELECT email INTO address FROM public.portal_users WHERE id = NEW.portal_user_id;
    END IF;
    IF address IS NULL OR portaldesk_agent.mask_email(address) <> NEW.recipient THEN
        RAISE EXCEPTION 'the address of this message can''t be found' USING ERRCODE = 'check_violation';
    END IF;
    -- The message's header carries the masked address as printable ASCII ("m@example.org").
    masked := regexp_replace(NEW.recipient, '[^!-~]', '', 'g');
    NEW.recipient := address;
    IF NEW.raw IS NOT NULL THEN
        NEW.raw := convert_to(replace(replace(convert_from(NEW.raw, 'UTF8'),
                                              '<' || masked || '>', '<' || address || '>'),
                                      E'\r\nTo: ' || masked || E'\r\n', E'\r\nTo: ' || address || E'\r\n'),
                              'UTF8');
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER outbox_unmask BEFORE INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION outbox_unmask();

-- For the views named like tables, each group reads through its own schema first (the desktop sets the
-- search path; the grants decide).
CREATE SCHEMA portaldesk_staff;
GRANT USAGE ON SCHEMA portaldesk_staff TO portaldesk_him_specialist;
CREATE VIEW portaldesk_staff.audit_events AS
    SELECT * FROM public.audit_events WHERE patient_id IS NOT NULL OR portal_user_id IS NOT NULL;

-- The last link of the audit chain, for roles that add to the log without reading it.
CREATE FUNCTION audit_tail() RETURNS TABLE (id bigint, hash text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT e.id, e.hash FROM public.audit_events e ORDER BY e.id DESC LIMIT 1
$$;

-- Search by any part of a name, MRN, e-mail or phone, for roles that may not read addresses. The query
-- is planned for each term, so a rare one goes through the trigram index (a plan made once for any term
-- would walk the whole table in key order).
CREATE FUNCTION search_rowids(term text, max_rows bigint, skip bigint) RETURNS TABLE (rowid bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    RETURN QUERY EXECUTE 'SELECT s.rowid FROM public.search_index s WHERE s.body ILIKE $1 ESCAPE ''\'' '
                         'ORDER BY s.rowid LIMIT $2 OFFSET $3'
        USING term, max_rows, skip;
END;
$$;

-- Logins by their exact address, for roles that may find a family by the address they give but not read
-- addresses.
CREATE FUNCTION portal_user_ids_by_email(address text) RETURNS SETOF bigint
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT u.id FROM public.portal_users u WHERE lower(u.email) = lower(address)
$$;

-- Staff logins, made and ended by supervisors (or the schema's owner, setting up).
CREATE FUNCTION staff_manager() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT pg_has_role(session_user, 'portaldesk_him_supervisor', 'MEMBER')
           OR session_user = (SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'staff')
$$;

CREATE FUNCTION staff_login_add(login text, staff_role text, secret text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    grp text := CASE staff_role WHEN 'support_agent' THEN 'portaldesk_support_agent'
                                WHEN 'him_specialist' THEN 'portaldesk_him_specialist'
                                WHEN 'him_supervisor' THEN 'portaldesk_him_supervisor' END;
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
                                 'portaldesk_him_supervisor'] LOOP
        IF other <> grp THEN
            EXECUTE format('REVOKE %I FROM %I', other, login);
        END IF;
    END LOOP;
    EXECUTE format('GRANT %I TO %I', grp, login);
END;
$$;

CREATE FUNCTION staff_login_disable(login text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT staff_manager() THEN
        RAISE EXCEPTION 'only a supervisor disables staff' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                   JOIN pg_roles u ON u.oid = m.member
                   WHERE u.rolname = login AND g.rolname LIKE 'portaldesk\_%') THEN
        RETURN;
    END IF;
    EXECUTE format('ALTER ROLE %I NOLOGIN', login);
    PERFORM pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = login AND pid <> pg_backend_pid();
END;
$$;

REVOKE ALL ON FUNCTION audit_tail(), search_rowids(text, bigint, bigint), portal_user_ids_by_email(text),
    staff_manager(),
    staff_login_add(text, text, text),
    staff_login_disable(text), outbox_unmask(), portaldesk_agent.invitations_write() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_tail(), search_rowids(text, bigint, bigint), portal_user_ids_by_email(text)
    TO portaldesk_support_agent;
GRANT EXECUTE ON FUNCTION portaldesk_agent.mask_email(text), portaldesk_agent.mask_phone(text)
    TO portaldesk_support_agent;
GRANT EXECUTE ON FUNCTION staff_login_add(text, text, text), staff_login_disable(text)
    TO portaldesk_him_supervisor;

-- Support agents.
GRANT SELECT ON portaldesk_agent.patients, portaldesk_agent.portal_users, portaldesk_agent.outbox,
    portaldesk_agent.audit_events TO portaldesk_support_agent;
GRANT SELECT, INSERT, UPDATE ON portaldesk_agent.invitations TO portaldesk_support_agent;
GRANT SELECT ON enrollments, access_grants, transition_notices, settings, holidays, staff,
    schema_migrations TO portaldesk_support_agent;
GRANT INSERT ON outbox, audit_events TO portaldesk_support_agent;

-- HIM specialists.
GRANT SELECT, INSERT, UPDATE ON patients, portal_users, enrollments, access_grants, invitations, outbox,
    transition_notices TO portaldesk_him_specialist;
GRANT SELECT ON portaldesk_staff.audit_events TO portaldesk_him_specialist;

-- HIM supervisors.
GRANT SELECT ON audit_events TO portaldesk_him_supervisor;
GRANT INSERT, UPDATE ON settings, staff TO portaldesk_him_supervisor;
GRANT INSERT, UPDATE, DELETE ON holidays TO portaldesk_him_supervisor;
