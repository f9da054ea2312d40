-- On the central database mail is sent by a service, not by the desktops: a login of the portaldesk_mailer
-- group ("portaldesk-cli mail serve", or "mail send" from a scheduler) claims the outbox, renders each
-- message when it leaves (an invitation's link is made then, by the server), hands it to the relay and
-- marks the outcome. It is no staff member: it can't sign in to the desk, read the people's records or the
-- audit log, or queue mail.
--
-- Staff no longer write the outbox. What they queue goes through mail_queue(), which takes the address from
-- the records (the login's, the patient's, or the one an address change in the same transaction replaced),
-- so no one can make the hospital's relay write to an address of their choosing. Staff read the outbox
-- without its bodies.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'portaldesk_mailer') THEN
        CREATE ROLE portaldesk_mailer NOLOGIN;
    END IF;
END;
$$;

ALTER TABLE staff DROP CONSTRAINT staff_role_check;
ALTER TABLE staff ADD CONSTRAINT staff_role_check
    CHECK (role IN ('support_agent', 'him_specialist', 'him_supervisor', 'ehr_feed', 'mailer'));

CREATE OR REPLACE FUNCTION staff_login_add(login text, staff_role text, secret text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    grp text := CASE staff_role WHEN 'support_agent' THEN 'portaldesk_support_agent'
                                WHEN 'him_specialist' THEN 'portaldesk_him_specialist'
                                WHEN 'him_supervisor' THEN 'portaldesk_him_supervisor'
                                WHEN 'ehr_feed' THEN 'portaldesk_feed'
                                WHEN 'mailer' THEN 'portaldesk_mailer' END;
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
                                 'portaldesk_him_supervisor', 'portaldesk_feed', 'portaldesk_mailer'] LOOP
        IF other <> grp THEN
            EXECUTE format('REVOKE %I FROM %I', other, login);
        END IF;
    END LOOP;
    EXECUTE format('GRANT %I TO %I', grp, login);
END;
$$;
REVOKE ALL ON FUNCTION staff_login_add(text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION staff_login_add(text, text, text) TO portaldesk_him_supervisor;

-- The hospital's time zone and an invitation's window, from the settings (their defaults otherwise).
CREATE FUNCTION door_setting(setting text, fallback text) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT coalesce((SELECT nullif(s.value, '') FROM public.settings s WHERE s.key = setting), fallback)
$$;

-- Queues a notice (not an invitation: those go through invitation_mail and invitation_reissue) to an
-- address on file. The workstation proposes the kind, the template's values, the subject for lists, the
-- Message-ID, sender and language; the server decides where it goes:
--   deactivation, transition_12, transition_18: the login's own address;
--   email_changed: the address the login had before a change audited in this same transaction;
--   consent_rejected: the patient's address, or the address of the patient's own login.
CREATE FUNCTION mail_queue(p json) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    now_at text := door_now(p -> 'ctx');
    kind text := p ->> 'kind';
    login bigint := nullif((p ->> 'user')::bigint, 0);
    patient bigint := nullif((p ->> 'patient')::bigint, 0);
    asked text := coalesce(p ->> 'recipient', '');
    vars json := p -> 'vars';
    u public.portal_users%ROWTYPE;
    address text;
    new_id bigint;
BEGIN
    IF NOT door_member('portaldesk_him_specialist') THEN
        RAISE EXCEPTION 'only HIM staff queue notices' USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM door_check_message(p);
    IF kind IS NULL OR kind NOT IN ('deactivation', 'email_changed', 'transition_12', 'transition_18',
                                    'consent_rejected') THEN
        RAISE EXCEPTION 'no notice of kind %', coalesce(kind, '(none)') USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF vars IS NULL OR json_typeof(vars) <> 'object' OR length(vars::text) > 8000 THEN
        RAISE EXCEPTION 'a notice''s values come as one JSON object' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF login IS NOT NULL THEN
        SELECT * INTO u FROM public.portal_users WHERE id = login;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'no such login' USING ERRCODE = 'no_data_found';
        END IF;
    END IF;
    IF kind = 'consent_rejected' THEN
        IF patient IS NULL THEN
            RAISE EXCEPTION 'a consent''s notice names its patient' USING ERRCODE = 'invalid_parameter_value';
        END IF;
        SELECT x.email INTO address FROM (
            SELECT pt.email FROM public.patients pt WHERE pt.id = patient
            UNION ALL
            SELECT o.email FROM public.portal_users o WHERE o.patient_id = patient AND o.id = login) x
        WHERE x.email = asked LIMIT 1;
    ELSIF login IS NULL THEN
        RAISE EXCEPTION 'a notice names its login' USING ERRCODE = 'invalid_parameter_value';
    ELSIF kind = 'email_changed' THEN
        SELECT asked INTO address FROM public.audit_events a
            WHERE a.portal_user_id = login AND a.action = 'portal_user.updated'
              AND a.xmin = pg_current_xact_id()::xid
              AND ((a.details::json) -> 'email' ->> 'before') = asked
            LIMIT 1;
    ELSE
        address := u.email;
    END IF;
    IF address IS NULL OR address = '' THEN
        RAISE EXCEPTION 'that address is not on file for this notice' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    INSERT INTO public.outbox (message_id, kind, sender, recipient, language, subject, vars, portal_user_id,
                               invitation_id, status, next_attempt_at, created_at)
        VALUES (p ->> 'message_id', kind, p ->> 'sender', address, p ->> 'language', p ->> 'subject',
                vars::text, login, NULL, 'pending', now_at, now_at)
        RETURNING id INTO new_id;
    RETURN new_id;
END;
$$;

-- What the mail service says happened to an invitation's message. Accepted by the relay: the invitation
-- is sent and its window starts now, by the server's clock. Not accepted: the link made for that attempt
-- dies; refused for good: the invitation can't be delivered. Returns whether the invitation changed.
CREATE FUNCTION invitation_mail_result(p json) RETURNS TABLE (changed boolean, expires_at text)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    ctx json := p -> 'ctx';
    now_at text := door_now(p -> 'ctx');
    by_whom text := door_staff(p -> 'ctx');
    outcome text := p ->> 'outcome';
    o public.outbox%ROWTYPE;
    inv public.invitations%ROWTYPE;
    zone text := door_setting('hospital.zone', 'America/Los_Angeles');
    days integer := door_setting('invitation.expiry_days', '30')::integer;
BEGIN
    IF NOT door_member('portaldesk_mailer') THEN
        RAISE EXCEPTION 'only the mail service reports on mail' USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT * INTO o FROM public.outbox WHERE id = (p ->> 'outbox')::bigint;
    IF NOT FOUND OR o.invitation_id IS NULL THEN
        RAISE EXCEPTION 'no invitation''s message %', p ->> 'outbox' USING ERRCODE = 'no_data_found';
    END IF;
    expires_at := NULL;
    IF outcome = 'sent' THEN
        expires_at := to_char((((now_at::timestamptz AT TIME ZONE zone) + make_interval(days => days))
                               AT TIME ZONE zone) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
        UPDATE public.invitations i SET status = 'sent', sent_at = now_at, expires_at = invitation_mail_result.expires_at,
                                        updated_at = now_at, updated_by = by_whom, row_version = i.row_version + 1
            WHERE i.id = o.invitation_id AND i.status = 'queued' AND i.token_hash IS NOT NULL
            RETURNING * INTO inv;
        changed := FOUND;
        IF changed THEN
            PERFORM door_audit(ctx, 'invitation.sent', 'invitation', inv.id, NULL, o.portal_user_id,
                               json_build_object('email', o.recipient, 'expires_at', expires_at,
                                                 'message_id', o.message_id));
        END IF;
    ELSIF outcome = 'retry' THEN
        UPDATE public.invitations i SET token_hash = NULL, updated_at = now_at, updated_by = by_whom
            WHERE i.id = o.invitation_id AND i.status = 'queued';
        changed := FOUND;
    ELSIF outcome = 'failed' THEN
        UPDATE public.invitations i SET token_hash = NULL, status = 'delivery_failed', updated_at = now_at,
                                        updated_by = by_whom, row_version = i.row_version + 1
            WHERE i.id = o.invitation_id AND i.status IN ('queued', 'sent');
        changed := FOUND;
    ELSE
        RAISE EXCEPTION 'a message is sent, retried or failed' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN NEXT;
END;
$$;

REVOKE ALL ON FUNCTION door_setting(text, text), mail_queue(json), invitation_mail_result(json) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mail_queue(json) TO portaldesk_him_specialist;
GRANT EXECUTE ON FUNCTION invitation_mail_result(json) TO portaldesk_mailer;

-- The mail service: the outbox, the settings that say how mail leaves, the server's clock and the log.
GRANT USAGE ON SCHEMA public TO portaldesk_mailer;
GRANT SELECT ON staff, settings, holidays, schema_migrations, deployment TO portaldesk_mailer;
GRANT SELECT, UPDATE (status, attempts, next_attempt_at, last_error, claimed_by, claimed_at, sent_at, raw)
    ON outbox TO portaldesk_mailer;
GRANT EXECUTE ON FUNCTION training_database(), audit_append(json), audit_tail(), server_now(text, integer),
    invitation_issue_token(bigint) TO portaldesk_mailer;

-- Staff: no mail of their own making, no message bodies, no links.
REVOKE EXECUTE ON FUNCTION invitation_issue_token(bigint) FROM portaldesk_him_specialist;
REVOKE SELECT, INSERT, UPDATE, DELETE ON outbox FROM portaldesk_him_specialist, portaldesk_him_supervisor;
GRANT SELECT (id, message_id, kind, sender, recipient, language, subject, portal_user_id, invitation_id, status,
              attempts, next_attempt_at, last_error, claimed_by, claimed_at, created_at, sent_at)
    ON outbox TO portaldesk_him_specialist;
-- A death recorded by hand cancels the family's waiting mail, as the feed's does; nothing else changes.
GRANT UPDATE (status, last_error) ON outbox TO portaldesk_him_specialist;
CREATE FUNCTION outbox_staff_only_cancel() RETURNS trigger
    LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    -- Under a door or the mail service the writer is not a staff group member's own role.
    IF pg_has_role(current_user, 'portaldesk_mailer', 'MEMBER') OR
       NOT (pg_has_role(current_user, 'portaldesk_support_agent', 'MEMBER') OR
            pg_has_role(current_user, 'portaldesk_feed', 'MEMBER')) THEN
        RETURN NEW;
    END IF;
    IF NOT (OLD.status = 'pending' AND NEW.status = 'cancelled') THEN
        RAISE EXCEPTION 'staff may only cancel a message that waits' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;
REVOKE ALL ON FUNCTION outbox_staff_only_cancel() FROM PUBLIC;
CREATE TRIGGER outbox_staff_only_cancel BEFORE UPDATE ON outbox
    FOR EACH ROW EXECUTE FUNCTION outbox_staff_only_cancel();
