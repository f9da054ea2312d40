-- What support agents may change (SPEC section 6) goes through the server's own functions, and nothing
-- else: agents lose every INSERT, UPDATE and DELETE on tables and views. Each function checks the
-- caller's group and its arguments, takes the facts that matter from the database (the address on file,
-- the login's state, the family's names), and writes its audit events through audit_append(). The
-- desktop calls the same functions for every role, so there is one way in for these changes.
--
-- Every function takes one JSON argument. "ctx" holds {"staff", "workstation", "now"}: "staff" counts for
-- the schema's owner only (the login is the staff member otherwise), and "now" for a training database
-- only (a live one keeps the server's clock). What only decorates a message (its subject for lists, its
-- Message-ID, the sender and language it is written with) comes from the workstation; what decides where
-- it goes and what it says comes from the database.

CREATE FUNCTION door_owner() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner
                   WHERE c.oid = 'public.audit_events'::regclass AND r.rolname = session_user)
$$;

CREATE FUNCTION door_member(grp text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT door_owner() OR pg_has_role(session_user, grp, 'MEMBER')
$$;

CREATE FUNCTION door_now(ctx json) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT CASE WHEN training_database() AND coalesce(ctx ->> 'now', '') ~ '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$'
                THEN ctx ->> 'now'
                ELSE to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') END
$$;

CREATE FUNCTION door_staff(ctx json) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT CASE WHEN door_owner() AND coalesce(ctx ->> 'staff', '') <> '' THEN ctx ->> 'staff'
                ELSE session_user::text END
$$;

CREATE FUNCTION door_audit(ctx json, action text, record_type text, record_id bigint, patient_id bigint,
                           portal_user_id bigint, details json) RETURNS void
    LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT FROM audit_append(json_build_array(json_build_object(
        'at', door_now(ctx), 'staff', door_staff(ctx),
        'workstation', left(coalesce(nullif(ctx ->> 'workstation', ''), 'server'), 255),
        'action', action, 'record_type', record_type, 'record_id', record_id::text,
        'patient_id', patient_id, 'portal_user_id', portal_user_id, 'details', details::text)))
$$;

-- The patient a login's events are filed under: its own, else its newest open grant's.
CREATE FUNCTION door_patient_of(p_user bigint) RETURNS bigint
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT coalesce((SELECT u.patient_id FROM public.portal_users u WHERE u.id = p_user),
                    (SELECT g.patient_id FROM public.access_grants g WHERE g.portal_user_id = p_user
                     ORDER BY g.ended_at IS NOT NULL, g.started_at DESC, g.id DESC LIMIT 1), 0)
$$;

-- What an invitation's e-mail says about the family: the login holder's name, the patients' given names.
CREATE FUNCTION door_invitation_vars(p_user bigint) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT json_build_object(
        'recipient_name', (SELECT u.given_name || ' ' || u.family_name FROM public.portal_users u WHERE u.id = p_user),
        'patient_given_name', coalesce((
            SELECT string_agg(x.given_name, ', ' ORDER BY x.pos) FROM (
                SELECT p.given_name, min(o.rn) AS pos FROM (
                    SELECT g.patient_id, row_number() OVER (ORDER BY g.started_at DESC, g.id DESC) AS rn
                    FROM public.access_grants g WHERE g.portal_user_id = p_user AND g.ended_at IS NULL) o
                JOIN public.patients p ON p.id = o.patient_id GROUP BY p.given_name) x), ''))::text
$$;

-- The decoration of a message the workstation proposes, checked for form.
CREATE FUNCTION door_check_message(p json) RETURNS void
    LANGUAGE plpgsql IMMUTABLE SET search_path = public, pg_temp AS $$
BEGIN
    IF coalesce(p ->> 'message_id', '') !~ '^<[A-Za-z0-9._-]{8,100}@[A-Za-z0-9.-]{1,200}>$'
            OR coalesce(p ->> 'sender', '') !~ '^[^@\s<>"]{1,64}@[A-Za-z0-9.-]{1,200}$'
            OR coalesce(p ->> 'language', '') !~ '^[a-z]{2}$'
            OR length(coalesce(p ->> 'subject', '')) NOT BETWEEN 1 AND 300 THEN
        RAISE EXCEPTION 'a message needs a Message-ID, a sender address, a language and a subject'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
END;
$$;

-- Queues the e-mail of a login's invitation that waits to be sent (send-now), to the address on file.
CREATE FUNCTION invitation_mail(p json) RETURNS TABLE (invitation_id bigint, outbox_id bigint)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    ctx json := p -> 'ctx';
    now_at text := door_now(p -> 'ctx');
    by_whom text := door_staff(p -> 'ctx');
    u public.portal_users%ROWTYPE;
    inv public.invitations%ROWTYPE;
BEGIN
    IF NOT door_member('portaldesk_support_agent') THEN
        RAISE EXCEPTION 'only staff send invitations' USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM door_check_message(p);
    SELECT * INTO u FROM public.portal_users WHERE id = (p ->> 'user')::bigint;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no such login' USING ERRCODE = 'no_data_found';
    END IF;
    SELECT * INTO inv FROM public.invitations i
        WHERE i.portal_user_id = u.id AND i.status IN ('queued', 'sent', 'delivery_failed') FOR UPDATE;
    IF NOT FOUND OR inv.status <> 'queued' THEN
        RAISE EXCEPTION 'the login has no invitation waiting to be sent' USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    IF EXISTS (SELECT 1 FROM public.outbox o WHERE o.invitation_id = inv.id AND o.status IN ('pending', 'sending')) THEN
        RAISE EXCEPTION 'the invitation already waits for the mail server' USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    UPDATE public.invitations SET email = u.email, updated_at = now_at, updated_by = by_whom,
                                  row_version = row_version + 1
        WHERE id = inv.id;
    invitation_id := inv.id;
    INSERT INTO public.outbox (message_id, kind, sender, recipient, language, subject, vars, portal_user_id,
                               invitation_id, status, next_attempt_at, created_at)
        VALUES (p ->> 'message_id', 'invitation', p ->> 'sender', u.email, p ->> 'language', p ->> 'subject',
                door_invitation_vars(u.id), u.id, inv.id, 'pending', now_at, now_at)
        RETURNING id INTO outbox_id;
    PERFORM door_audit(ctx, 'invitation.mail_queued', 'invitation', inv.id, nullif(door_patient_of(u.id), 0),
                       u.id, json_build_object('email', u.email));
    RETURN NEXT;
END;
$$;

-- A new invitation for a login that has not activated (SPEC section 6): to the address on file, with the
-- PIN kept or, after the caller's identity was verified, a new one (its scrypt hash, made where it was
-- typed). The live invitation, if any, is revoked as replaced. A deactivated login comes back this way
-- only with a new PIN, and only by an HIM specialist.
CREATE FUNCTION invitation_reissue(p json)
    RETURNS TABLE (invitation_id bigint, revoked_id bigint, outbox_id bigint)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    ctx json := p -> 'ctx';
    now_at text := door_now(p -> 'ctx');
    by_whom text := door_staff(p -> 'ctx');
    new_pin text := nullif(p ->> 'pin_hash', '');
    verified text := nullif(btrim(coalesce(p ->> 'verified_by', '')), '');
    u public.portal_users%ROWTYPE;
    prev public.invitations%ROWTYPE;
    patient bigint;
BEGIN
    IF NOT door_member('portaldesk_support_agent') THEN
        RAISE EXCEPTION 'only staff reissue invitations' USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM door_check_message(p);
    IF new_pin IS NOT NULL AND (new_pin !~ '^scrypt\$ln=\d{1,2},r=\d{1,2},p=\d{1,2}\$[A-Za-z0-9+/]+={0,2}\$[A-Za-z0-9+/]+={0,2}$'
                                OR verified IS NULL OR length(verified) > 200) THEN
        RAISE EXCEPTION 'a new PIN comes as its scrypt hash, with how the caller''s identity was verified'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT * INTO u FROM public.portal_users WHERE id = (p ->> 'user')::bigint FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no such login' USING ERRCODE = 'no_data_found';
    END IF;
    IF u.status IN ('active', 'terminated') THEN
        RAISE EXCEPTION 'the login is %; there is nothing to reissue', u.status
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    IF u.status = 'deactivated' THEN
        IF NOT door_member('portaldesk_him_specialist') THEN
            RAISE EXCEPTION 'only an HIM specialist brings back a deactivated login' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF new_pin IS NULL THEN
            RAISE EXCEPTION 'a deactivated login comes back with a new PIN only'
                USING ERRCODE = 'object_not_in_prerequisite_state';
        END IF;
    END IF;
    SELECT * INTO prev FROM public.invitations i WHERE i.portal_user_id = u.id ORDER BY i.id DESC LIMIT 1 FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'the login has never had an invitation' USING ERRCODE = 'no_data_found';
    END IF;
    patient := nullif(door_patient_of(u.id), 0);
    revoked_id := NULL;
    IF prev.status IN ('queued', 'sent', 'delivery_failed') THEN
        UPDATE public.invitations SET status = 'revoked', revoked_at = now_at, revoke_reason = 'reissued',
                                      updated_at = now_at, updated_by = by_whom, row_version = row_version + 1
            WHERE id = prev.id;
        PERFORM door_audit(ctx, 'invitation.revoked', 'invitation', prev.id, patient, u.id,
                           json_build_object('reason', 'reissued', 'was', prev.status));
        revoked_id := prev.id;
    END IF;
    IF u.status = 'deactivated' THEN
        UPDATE public.portal_users SET status = 'pending', status_reason = 'reissued', status_changed_at = now_at,
                                       updated_at = now_at, updated_by = by_whom, row_version = row_version + 1
            WHERE id = u.id;
        PERFORM door_audit(ctx, 'portal_user.reopened', 'portal_user', u.id, patient, u.id,
                           json_build_object('from', 'deactivated', 'to', 'pending'));
    END IF;
    INSERT INTO public.invitations (portal_user_id, enrollment_id, replaces_id, email, pin_hash, pin_verified_by,
                                    status, queued_at, due_at, created_by, updated_at, updated_by)
        VALUES (u.id, prev.enrollment_id, prev.id, u.email, coalesce(new_pin, prev.pin_hash),
                CASE WHEN new_pin IS NOT NULL THEN verified END, 'queued', now_at, now_at, by_whom, now_at, by_whom)
        RETURNING id INTO invitation_id;
    INSERT INTO public.outbox (message_id, kind, sender, recipient, language, subject, vars, portal_user_id,
                               invitation_id, status, next_attempt_at, created_at)
        VALUES (p ->> 'message_id', 'reissue', p ->> 'sender', u.email, p ->> 'language', p ->> 'subject',
                door_invitation_vars(u.id), u.id, invitation_id, 'pending', now_at, now_at)
        RETURNING id INTO outbox_id;
    PERFORM door_audit(ctx, 'invitation.reissued', 'invitation', invitation_id, patient, u.id,
                       json_build_object('replaces', prev.id,
                                         'pin', CASE WHEN new_pin IS NOT NULL THEN 'new' ELSE 'kept' END,
                                         'verified_by', CASE WHEN new_pin IS NOT NULL THEN verified ELSE '' END,
                                         'email', u.email));
    RETURN NEXT;
END;
$$;

-- A family's request, logged (SPEC section 5). Its due time is worked out by the workstation from the
-- hospital's calendar; the server holds it to the received time and at most two weeks after it.
CREATE FUNCTION request_log(p json) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    ctx json := p -> 'ctx';
    now_at text := door_now(p -> 'ctx');
    by_whom text := door_staff(p -> 'ctx');
    received text := p ->> 'received_at';
    due text := p ->> 'due_at';
    patient bigint := nullif((p ->> 'patient_id')::bigint, 0);
    login bigint := nullif((p ->> 'portal_user_id')::bigint, 0);
    note text := nullif(p ->> 'note', '');
    new_id bigint;
    iso text := '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$';
BEGIN
    IF NOT door_member('portaldesk_support_agent') THEN
        RAISE EXCEPTION 'only staff log requests' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF coalesce(received, '') !~ iso OR coalesce(due, '') !~ iso
            OR received > to_char((now_at::timestamptz + interval '5 minutes') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
            OR received < to_char((now_at::timestamptz - interval '365 days') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
            OR due < received
            OR due > to_char((received::timestamptz + interval '14 days') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') THEN
        RAISE EXCEPTION 'a request arrives by now and is due within two weeks of arriving'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF patient IS NOT NULL AND NOT EXISTS (SELECT 1 FROM public.patients WHERE id = patient)
            OR login IS NOT NULL AND NOT EXISTS (SELECT 1 FROM public.portal_users WHERE id = login) THEN
        RAISE EXCEPTION 'no such patient or login' USING ERRCODE = 'no_data_found';
    END IF;
    IF patient IS NOT NULL AND login IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM public.access_grants g WHERE g.portal_user_id = login AND g.patient_id = patient)
            AND NOT EXISTS (SELECT 1 FROM public.portal_users u WHERE u.id = login AND u.patient_id = patient) THEN
        RAISE EXCEPTION 'the login has never had access to the patient' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    INSERT INTO public.requests (kind, patient_id, portal_user_id, received_at, channel, note, due_at, created_at,
                                 created_by, updated_at, updated_by)
        VALUES (p ->> 'kind', patient, login, received, coalesce(p ->> 'channel', 'phone'), note, due, now_at,
                by_whom, now_at, by_whom)
        RETURNING id INTO new_id;
    PERFORM door_audit(ctx, 'request.added', 'request', new_id, patient, login,
                       json_build_object('kind', p ->> 'kind', 'channel', coalesce(p ->> 'channel', 'phone'),
                                         'received_at', received, 'due_at', due, 'note', coalesce(note, '')));
    RETURN new_id;
END;
$$;

REVOKE ALL ON FUNCTION door_owner(), door_member(text), door_now(json), door_staff(json),
    door_audit(json, text, text, bigint, bigint, bigint, json), door_patient_of(bigint),
    door_invitation_vars(bigint), door_check_message(json), invitation_mail(json), invitation_reissue(json),
    request_log(json) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION invitation_mail(json), invitation_reissue(json), request_log(json)
    TO portaldesk_support_agent;

-- Support agents change nothing directly any more. The view's trigger now refuses every write, so that
-- whoever tries is told it is a matter of privilege.
REVOKE INSERT, UPDATE, DELETE ON portaldesk_agent.invitations FROM portaldesk_support_agent;
DROP TRIGGER invitations_write ON portaldesk_agent.invitations;
DROP FUNCTION portaldesk_agent.invitations_write();
CREATE FUNCTION portaldesk_agent.invitations_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'invitations change through the server''s functions only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
REVOKE ALL ON FUNCTION portaldesk_agent.invitations_refuse() FROM PUBLIC;
CREATE TRIGGER invitations_refuse INSTEAD OF INSERT OR UPDATE OR DELETE ON portaldesk_agent.invitations
    FOR EACH ROW EXECUTE FUNCTION portaldesk_agent.invitations_refuse();
REVOKE INSERT, UPDATE, DELETE ON outbox, requests, audit_events FROM portaldesk_support_agent;
REVOKE USAGE ON ALL SEQUENCES IN SCHEMA public FROM portaldesk_support_agent;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO portaldesk_him_specialist;
