-- Logins that stay closed. A login deactivated because its holder died is never reopened: no reissue,
-- with the PIN on file or a new one, and no enrollment or consent queues it an invitation; only a
-- supervisor takes back a death recorded in error (portal_user_reverse_death), and the login then reopens
-- the usual way. Any other deactivated login reopens only by a reissue with a new PIN: an HIM specialist's,
-- or a supervisor's after a suspected compromise. The reissue brings back the grants the staff member
-- confirmed (keep_grants), of those that may come back (open, to a living patient, not ended by a
-- birthday since); the others end now ('deactivated'), a birthday's are left to the nightly run.
-- invitation_queue (enrollments, consents, a new address) no longer reopens a deactivated login.

-- Whether a 12th or 18th birthday has ended an open grant by today (before the nightly run records it).
CREATE FUNCTION door_age_rule_due(grant_id bigint, ctx json) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT coalesce((
        SELECT g.age_ends_on IS NOT NULL
               AND to_date(g.age_ends_on, 'YYYY-MM-DD')
                   + CASE WHEN door_setting('birthday.leap_day_rule', 'feb28') = 'mar1'
                               AND substr(x.birth_date, 6) = '02-29' AND substr(g.age_ends_on, 6) = '02-28'
                          THEN 1 ELSE 0 END <= door_today(ctx)
        FROM public.access_grants g JOIN public.patients x ON x.id = g.patient_id
        WHERE g.id = grant_id AND g.ended_at IS NULL), false)
$$;

CREATE OR REPLACE FUNCTION invitation_reissue(p json)
    RETURNS TABLE (invitation_id bigint, revoked_id bigint, outbox_id bigint, refused text)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    ctx json := p -> 'ctx';
    now_at text := door_now(p -> 'ctx');
    by_whom text := door_staff(p -> 'ctx');
    new_pin text := nullif(p ->> 'pin_hash', '');
    typed text := p ->> 'pin';
    verified text := nullif(btrim(coalesce(p ->> 'verified_by', '')), '');
    u public.portal_users%ROWTYPE;
    prev public.invitations%ROWTYPE;
    patient bigint;
    keep bigint[];
    dropped public.access_grants%ROWTYPE;
BEGIN
    IF NOT door_member('portaldesk_support_agent') THEN
        RAISE EXCEPTION 'only staff reissue invitations' USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM door_check_message(p);
    IF new_pin IS NOT NULL AND (new_pin !~ '^scrypt\$ln=\d{1,2},r=\d{1,2},p=\d{1,2}\$[A-Za-z0-9+/]+={0,2}\$[A-Za-z0-9+/]+={0,2}$'
                                OR verified IS NULL OR length(verified) > 200
                                OR coalesce(typed, '') !~ '^[0-9]{4,8}$') THEN
        RAISE EXCEPTION 'a new PIN comes as its scrypt hash and its digits, with how the caller''s identity was verified'
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
        IF u.deactivation_reason = 'deceased' THEN
            RAISE EXCEPTION 'the login was closed because its holder died; it is never reopened'
                USING ERRCODE = 'object_not_in_prerequisite_state';
        END IF;
        IF NOT door_member('portaldesk_him_specialist') THEN
            RAISE EXCEPTION 'only an HIM specialist brings back a deactivated login' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF u.deactivation_reason = 'suspected_compromise' AND NOT door_member('portaldesk_him_supervisor') THEN
            RAISE EXCEPTION 'only an HIM supervisor brings back a login deactivated after a suspected compromise'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF new_pin IS NULL THEN
            RAISE EXCEPTION 'a deactivated login comes back with a new PIN only'
                USING ERRCODE = 'object_not_in_prerequisite_state';
        END IF;
        IF json_typeof(p -> 'keep_grants') IS DISTINCT FROM 'array' THEN
            RAISE EXCEPTION 'a deactivated login comes back with the grants the staff member confirmed (keep_grants)'
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        SELECT coalesce(array_agg(k.value::bigint), '{}') INTO keep FROM json_array_elements_text(p -> 'keep_grants') k;
        -- What may come back: the login's open grants to a living patient that no birthday has ended.
        IF EXISTS (SELECT 1 FROM unnest(keep) k(id) WHERE NOT EXISTS (
                       SELECT 1 FROM public.access_grants g JOIN public.patients x ON x.id = g.patient_id
                       WHERE g.id = k.id AND g.portal_user_id = u.id AND g.ended_at IS NULL
                         AND x.deceased_at IS NULL AND NOT door_age_rule_due(g.id, ctx))) THEN
            RAISE EXCEPTION 'a grant to bring back is not one of the login''s that may come back'
                USING ERRCODE = 'object_not_in_prerequisite_state';
        END IF;
    END IF;
    SELECT * INTO prev FROM public.invitations i WHERE i.portal_user_id = u.id ORDER BY i.id DESC LIMIT 1 FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'the login has never had an invitation' USING ERRCODE = 'no_data_found';
    END IF;
    patient := nullif(door_patient_of(u.id), 0);
    IF new_pin IS NOT NULL AND patient IS NOT NULL THEN
        PERFORM 1 FROM public.patients x WHERE x.id = patient FOR UPDATE;
        IF NOT door_member('portaldesk_him_specialist') THEN
            PERFORM door_identity_limit(patient, now_at);
        END IF;
        IF door_pin_holds_birth_date(typed, (SELECT x.birth_date FROM public.patients x WHERE x.id = patient)) THEN
            PERFORM door_audit(ctx, 'identity.pin_refused', 'portal_user', u.id, patient, u.id,
                               json_build_object('rule', 'pin.birth_date'));
            invitation_id := NULL;
            revoked_id := NULL;
            outbox_id := NULL;
            refused := 'pin.birth_date';
            RETURN NEXT;
            RETURN;
        END IF;
    END IF;
    refused := NULL;
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
        -- The access the staff member did not bring back ends now; a birthday's, the nightly run ends.
        FOR dropped IN SELECT * FROM public.access_grants a
                 WHERE a.portal_user_id = u.id AND a.ended_at IS NULL AND NOT a.id = ANY (keep)
                   AND NOT door_age_rule_due(a.id, ctx)
                 ORDER BY a.id FOR UPDATE LOOP
            UPDATE public.access_grants SET ended_at = now_at, end_reason = 'deactivated', updated_at = now_at,
                                            updated_by = by_whom, row_version = row_version + 1
                WHERE id = dropped.id;
            PERFORM door_audit(ctx, 'grant.ended', 'grant', dropped.id, dropped.patient_id, dropped.portal_user_id,
                               json_build_object('end_reason', 'deactivated', 'cause', 'not_restored'));
        END LOOP;
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


CREATE OR REPLACE FUNCTION invitation_queue(p json) RETURNS TABLE (invitation_id bigint, due_at text, reopened boolean)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    ctx json := p -> 'ctx';
    now_at text := door_now(p -> 'ctx');
    by_whom text := door_staff(p -> 'ctx');
    patient bigint := nullif((p ->> 'patient')::bigint, 0);
    enrollment bigint := nullif((p ->> 'enrollment')::bigint, 0);
    new_pin text := nullif(p ->> 'pin_hash', '');
    consent bigint := nullif((p ->> 'consent')::bigint, 0);
    previous boolean := coalesce((p ->> 'previous')::boolean, false);
    u public.portal_users%ROWTYPE;
    prev public.invitations%ROWTYPE;
    pin text;
    replaces bigint;
BEGIN
    IF NOT door_member('portaldesk_him_specialist') THEN
        RAISE EXCEPTION 'only HIM staff make invitations' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF (new_pin IS NOT NULL)::integer + (consent IS NOT NULL)::integer + previous::integer <> 1 THEN
        RAISE EXCEPTION 'an invitation''s PIN is a new hash, a consent''s or the last invitation''s'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF new_pin IS NOT NULL AND new_pin !~ '^scrypt\$ln=\d{1,2},r=\d{1,2},p=\d{1,2}\$[A-Za-z0-9+/]+={0,2}\$[A-Za-z0-9+/]+={0,2}$' THEN
        RAISE EXCEPTION 'a new PIN comes as its scrypt hash' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT * INTO u FROM public.portal_users WHERE id = (p ->> 'user')::bigint FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no such login' USING ERRCODE = 'no_data_found';
    END IF;
    IF u.status = 'active' THEN
        RAISE EXCEPTION 'the login is active; it needs no invitation' USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    IF u.status = 'deactivated' THEN
        RAISE EXCEPTION 'a deactivated login reopens only by a reissue with a new PIN, never by an enrollment or a consent'
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    IF EXISTS (SELECT 1 FROM public.invitations i WHERE i.portal_user_id = u.id
               AND i.status IN ('queued', 'sent', 'delivery_failed')) THEN
        RAISE EXCEPTION 'the login already has a live invitation' USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    IF enrollment IS NOT NULL AND NOT EXISTS (SELECT 1 FROM public.enrollments e WHERE e.id = enrollment) THEN
        RAISE EXCEPTION 'no such enrollment' USING ERRCODE = 'no_data_found';
    END IF;
    IF consent IS NOT NULL THEN
        SELECT c.pin_hash INTO pin FROM public.consents c
            WHERE c.id = consent AND c.status = 'approved' AND c.portal_user_id = u.id;
        IF pin IS NULL THEN
            RAISE EXCEPTION 'no approved consent of that login' USING ERRCODE = 'no_data_found';
        END IF;
    ELSIF previous THEN
        SELECT * INTO prev FROM public.invitations i WHERE i.portal_user_id = u.id ORDER BY i.id DESC LIMIT 1;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'the login has never had an invitation' USING ERRCODE = 'no_data_found';
        END IF;
        pin := prev.pin_hash;
        replaces := prev.id;
        enrollment := coalesce(enrollment, prev.enrollment_id);
    ELSE
        pin := new_pin;
    END IF;
    reopened := u.status <> 'pending';
    IF reopened THEN
        UPDATE public.portal_users SET status = 'pending', status_reason = 're-enrolled', status_changed_at = now_at,
                                       updated_at = now_at, updated_by = by_whom, row_version = row_version + 1
            WHERE id = u.id;
        PERFORM door_audit(ctx, 'portal_user.reopened', 'portal_user', u.id, patient, u.id,
                           json_build_object('from', u.status, 'to', 'pending'));
    END IF;
    due_at := door_due_at(now_at, door_setting('invitation.send_within_business_days', '2')::integer);
    INSERT INTO public.invitations (portal_user_id, enrollment_id, replaces_id, email, pin_hash, status, queued_at,
                                    due_at, created_by, updated_at, updated_by)
        VALUES (u.id, enrollment, replaces, u.email, pin, 'queued', now_at, invitation_queue.due_at, by_whom, now_at,
                by_whom)
        RETURNING id INTO invitation_id;
    PERFORM door_audit(ctx, 'invitation.queued', 'invitation', invitation_id, patient, u.id,
                       CASE WHEN previous THEN json_build_object('email', u.email)
                            ELSE json_build_object('email', u.email, 'due_at', due_at) END);
    RETURN NEXT;
END;
$$;


-- A supervisor takes back a death recorded in error: the login stays deactivated, for "other" with the
-- note, and reopens the usual way. A patient's own login waits for the EHR while it reports the death.
CREATE FUNCTION portal_user_reverse_death(p json) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    ctx json := p -> 'ctx';
    now_at text := door_now(p -> 'ctx');
    by_whom text := door_staff(p -> 'ctx');
    note text := btrim(coalesce(p ->> 'note', ''));
    u public.portal_users%ROWTYPE;
BEGIN
    IF NOT door_member('portaldesk_him_supervisor') THEN
        RAISE EXCEPTION 'only an HIM supervisor takes back a death' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF note = '' OR length(note) > 2000 THEN
        RAISE EXCEPTION 'a note says how the death was found to be an error' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT * INTO u FROM public.portal_users WHERE id = (p ->> 'user')::bigint FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no such login' USING ERRCODE = 'no_data_found';
    END IF;
    IF u.status <> 'deactivated' OR u.deactivation_reason IS DISTINCT FROM 'deceased' THEN
        RAISE EXCEPTION 'the login was not closed by a death' USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    IF u.kind = 'patient' AND EXISTS (SELECT 1 FROM public.patients x WHERE x.id = u.patient_id
                                      AND x.deceased_at IS NOT NULL) THEN
        RAISE EXCEPTION 'the EHR still reports the patient''s death' USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    UPDATE public.portal_users SET status_reason = 'death_reversed', deactivation_reason = 'other',
                                   deactivation_note = note, updated_at = now_at, updated_by = by_whom,
                                   row_version = row_version + 1
        WHERE id = u.id;
    PERFORM door_audit(ctx, 'portal_user.death_reversed', 'portal_user', u.id,
                       nullif((p ->> 'patient')::bigint, 0), u.id, json_build_object('note', note));
END;
$$;

REVOKE ALL ON FUNCTION door_age_rule_due(bigint, json), portal_user_reverse_death(json) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION portal_user_reverse_death(json) TO portaldesk_him_supervisor;
