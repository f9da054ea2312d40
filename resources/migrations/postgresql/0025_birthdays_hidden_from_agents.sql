-- Support agents see no birth date (SPEC section 6: "no DOB unless verifying"), and nothing that is one in
-- disguise: no age-rule date, no end of a grant the age rules ended, no notice queued a set number of days
-- before a birthday, no day a login a birthday left with nothing was terminated, no birthday inside an
-- event. Their views blank those values ('' where the column says something ended, so that "IS NULL"
-- still tells open from ended); the base tables they could read them from are closed to them.
-- What the age rules decide is still theirs to explain, through patient_age_facts(); whether a caller's
-- date is the birth date is answered by identity_check(), a few tries an hour; and an agent's new PIN is
-- checked against the birth date here, where the birth date is, with each refusal counted as a try.

-- The hospital's calendar date now (the training clock of a training database).
CREATE FUNCTION door_today(ctx json) RETURNS date
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT (door_now(ctx)::timestamptz AT TIME ZONE door_setting('hospital.zone', 'America/Los_Angeles'))::date
$$;

-- The day of a birthday under the hospital's leap-day setting: 29 February falls on 28 February in a
-- common year (feb28), or on 1 March (mar1).
CREATE FUNCTION door_birthday(birth text, years integer) RETURNS date
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT d + CASE WHEN substr(birth, 6) = '02-29' AND to_char(d, 'MM-DD') = '02-28'
                         AND door_setting('birthday.leap_day_rule', 'feb28') = 'mar1' THEN 1 ELSE 0 END
    FROM (SELECT (to_date(birth, 'YYYY-MM-DD') + make_interval(years => years))::date AS d) x
$$;

-- The tries at a patient's birth date in the hour before now_at, by every staff member together.
CREATE FUNCTION door_identity_tries(patient bigint, now_at text) RETURNS bigint
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT count(*) FROM public.audit_events e
    WHERE e.patient_id = patient AND e.action IN ('identity.checked', 'identity.pin_refused')
      AND e.at >= to_char((now_at::timestamptz - interval '1 hour') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$;

CREATE FUNCTION door_identity_limit(patient bigint, now_at text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    tries bigint := door_identity_tries(patient, now_at);
BEGIN
    IF tries >= door_setting('identity.checks_per_hour', '5')::integer THEN
        RAISE EXCEPTION 'the patient''s birth date was tried % times in the last hour, the most identity.checks_per_hour allows', tries
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
END;
$$;

-- What the age rules say today of a patient, without the birth date: the bracket, and the open grants a
-- 12th or 18th birthday has already ended before the nightly run recorded it.
CREATE FUNCTION patient_age_facts(p json) RETURNS json
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    today date := door_today(p -> 'ctx');
    patient bigint := (p ->> 'patient')::bigint;
    birth text;
    mar1 boolean := door_setting('birthday.leap_day_rule', 'feb28') = 'mar1';
BEGIN
    IF NOT door_member('portaldesk_support_agent') THEN
        RAISE EXCEPTION 'only staff read the age rules' USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT x.birth_date INTO birth FROM public.patients x WHERE x.id = patient;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no such patient' USING ERRCODE = 'no_data_found';
    END IF;
    RETURN json_build_object(
        'bracket', CASE WHEN door_birthday(birth, 18) <= today THEN 'adult'
                        WHEN door_birthday(birth, 12) <= today THEN 'adolescent' ELSE 'child' END,
        'age_rule_due', coalesce((
            SELECT json_agg(g.id ORDER BY g.id) FROM public.access_grants g
            WHERE g.patient_id = patient AND g.ended_at IS NULL AND g.age_ends_on IS NOT NULL
              AND to_date(g.age_ends_on, 'YYYY-MM-DD')
                  + CASE WHEN mar1 AND substr(birth, 6) = '02-29' AND substr(g.age_ends_on, 6) = '02-28'
                         THEN 1 ELSE 0 END <= today), '[]'::json));
END;
$$;

-- Identity verification: whether the date a caller gives is the patient's birth date, and nothing more.
-- Every answer is an event; identity.checks_per_hour tries per patient in any hour, then a refusal.
CREATE FUNCTION identity_check(p json) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    ctx json := p -> 'ctx';
    now_at text := door_now(p -> 'ctx');
    patient bigint := (p ->> 'patient')::bigint;
    given text := p ->> 'birth_date';
    birth text;
    matches boolean;
BEGIN
    IF NOT door_member('portaldesk_support_agent') THEN
        RAISE EXCEPTION 'only staff verify a caller' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF coalesce(given, '') !~ '^\d{4}-\d\d-\d\d$' THEN
        RAISE EXCEPTION 'a birth date is YYYY-MM-DD' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- One try at a time per patient, so that two at once can't both slip under the limit.
    SELECT x.birth_date INTO birth FROM public.patients x WHERE x.id = patient FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no such patient' USING ERRCODE = 'no_data_found';
    END IF;
    PERFORM door_identity_limit(patient, now_at);
    matches := birth = given;
    PERFORM door_audit(ctx, 'identity.checked', 'patient', patient, patient, NULL,
                       json_build_object('result', CASE WHEN matches THEN 'match' ELSE 'no_match' END));
    RETURN matches;
END;
$$;

-- Whether a PIN holds a birth date as MMDD, DDMM or YYYY (the PIN rule, SPEC section 4).
CREATE FUNCTION door_pin_holds_birth_date(pin text, birth text) RETURNS boolean
    LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT birth IS NOT NULL AND (position(substr(birth, 6, 2) || substr(birth, 9, 2) IN pin) > 0
                                  OR position(substr(birth, 9, 2) || substr(birth, 6, 2) IN pin) > 0
                                  OR position(substr(birth, 1, 4) IN pin) > 0)
$$;

-- The reissue of schema 18, with the new PIN's digits checked against the birth date here: the login
-- that typed it may not be able to read the birth date. The digits are only compared, never kept. A PIN
-- that holds the birth date is refused with an event that counts as a try at the birth date, and the
-- function returns the refusal instead of raising it, so that the event stays.
DROP FUNCTION invitation_reissue(json);
CREATE FUNCTION invitation_reissue(p json)
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

REVOKE ALL ON FUNCTION door_today(json), door_birthday(text, integer), door_identity_tries(bigint, text),
    door_identity_limit(bigint, text), patient_age_facts(json), identity_check(json),
    door_pin_holds_birth_date(text, text), invitation_reissue(json) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION patient_age_facts(json), identity_check(json), invitation_reissue(json)
    TO portaldesk_support_agent;

-- The events a birthday caused, whose time is that birthday (or a set number of days before it).
CREATE FUNCTION portaldesk_agent.birthday_event(action text, details text) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS $$
    SELECT action IN ('transition.notice_queued', 'portal_user.terminated')
           OR action = 'grant.ended' AND details ~ '"end_reason"\s*:\s*"age_1[28]"'
           OR action = 'invitation.revoked' AND details ~ '"reason"\s*:\s*"terminated"'
$$;

-- An event's details as an agent reads them: no birth date before or after a correction, and, in a
-- birthday's events, no day.
CREATE FUNCTION portaldesk_agent.event_details(action text, details text) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN portaldesk_agent.birthday_event(action, d)
                THEN regexp_replace(d, '"(birthday|date)"(\s*):(\s*)"[^"]*"', '"\1"\2:\3""', 'g')
                ELSE d END
    FROM (SELECT regexp_replace(portaldesk_agent.mask_mail_reply(details),
                                '"(birth_date|corrected_from)"(\s*):(\s*)"[^"]*"', '"\1"\2:\3"••••-••-••"', 'g')
                 AS d) x
$$;
GRANT EXECUTE ON FUNCTION portaldesk_agent.birthday_event(text, text), portaldesk_agent.event_details(text, text)
    TO portaldesk_support_agent;

-- A mail server's reply keeps its codes only; three digits count as a code when they stand alone, so that
-- an MRN or a date ("4209720", "2026-07-10") is not cut short.
CREATE OR REPLACE FUNCTION portaldesk_agent.mask_mail_reply(reply text) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$
    SELECT regexp_replace(
               regexp_replace(
                   regexp_replace(reply, '\\"([0-9]{3})(?=[ -]|\\")((?:[ -][0-9]\.[0-9]{1,3}\.[0-9]{1,3})?)(?:[^"\\]|\\[^"])*\\"',
                                  '\\"\1\2 …\\"', 'g'),
                   '(^|[^\\])"([0-9]{3})(?=[ "-])((?:[ -][0-9]\.[0-9]{1,3}\.[0-9]{1,3})?)[^"]*"', '\1"\2\3 …"', 'g'),
               '([^[:space:]"''<>(),;:\\])[^[:space:]"''<>(),;:@\\]*@', '\1•••@', 'g')
$$;

-- No birth date in a patient's row.
CREATE OR REPLACE VIEW portaldesk_agent.patients AS
    SELECT id, mrn, given_name, family_name, NULL::text AS birth_date, sex, language,
           portaldesk_agent.mask_email(email) AS email, portaldesk_agent.mask_phone(phone) AS phone,
           created_at, created_by, updated_at, updated_by, row_version, deceased_at, feed_event_at, merged_into,
           review_reason, review_since
    FROM public.patients;

-- Grants: no day a birthday ends one, neither the day ahead nor the day it did.
CREATE VIEW portaldesk_agent.access_grants AS
    SELECT id, portal_user_id, patient_id, level, basis, enrollment_id, bracket, relationship, started_at,
           CASE WHEN end_reason IN ('age_12', 'age_18') THEN '' ELSE ended_at END AS ended_at,
           end_reason,
           CASE WHEN end_reason IN ('age_12', 'age_18') THEN '' ELSE updated_at END AS updated_at,
           updated_by, row_version, NULL::text AS age_ends_on
    FROM public.access_grants;

-- Logins: no day a login left with nothing was terminated.
CREATE OR REPLACE VIEW portaldesk_agent.portal_users AS
    SELECT id, username, portaldesk_agent.mask_email(email) AS email, given_name, family_name, language,
           kind, patient_id, status, status_reason,
           CASE WHEN status = 'terminated' THEN '' ELSE status_changed_at END AS status_changed_at,
           activated_at, deactivation_reason, reported_by, verified_by, deactivation_note, created_at, created_by,
           CASE WHEN status = 'terminated' THEN '' ELSE updated_at END AS updated_at, updated_by, row_version
    FROM public.portal_users;

-- Invitations: no day a termination revoked one.
CREATE OR REPLACE VIEW portaldesk_agent.invitations AS
    SELECT id, portal_user_id, enrollment_id, replaces_id, portaldesk_agent.mask_email(email) AS email,
           pin_verified_by, status, queued_at, due_at, sent_at, expires_at, activated_at,
           CASE WHEN revoke_reason = 'terminated' THEN '' ELSE revoked_at END AS revoked_at,
           revoke_reason, late_marked_at, failed_attempts, created_by,
           CASE WHEN revoke_reason = 'terminated' THEN '' ELSE updated_at END AS updated_at, updated_by, row_version
    FROM public.invitations;

-- The outbox: no day a birthday's notice was queued or sent.
CREATE OR REPLACE VIEW portaldesk_agent.outbox AS
    SELECT id, message_id, kind, sender, portaldesk_agent.mask_email(recipient) AS recipient, language,
           subject, NULL::bytea AS raw, portal_user_id, invitation_id, status, attempts,
           CASE WHEN kind IN ('transition_12', 'transition_18') THEN '' ELSE next_attempt_at END AS next_attempt_at,
           portaldesk_agent.mask_mail_reply(last_error) AS last_error, claimed_by,
           CASE WHEN kind IN ('transition_12', 'transition_18') THEN '' ELSE claimed_at END AS claimed_at,
           CASE WHEN kind IN ('transition_12', 'transition_18') THEN '' ELSE created_at END AS created_at,
           CASE WHEN kind IN ('transition_12', 'transition_18') THEN '' ELSE sent_at END AS sent_at
    FROM public.outbox;

-- Events: a birthday's events without their time, no dates in their details, and no hashes (an event's
-- hash covers its time, and the next event's previous hash is that hash).
CREATE OR REPLACE VIEW portaldesk_agent.audit_events AS
    SELECT id, CASE WHEN portaldesk_agent.birthday_event(action, details) THEN '' ELSE at END AS at, staff,
           workstation, action, record_type, record_id, patient_id, portal_user_id,
           portaldesk_agent.event_details(action, details) AS details, NULL::text AS prev_hash, NULL::text AS hash
    FROM public.audit_events
    WHERE patient_id IS NOT NULL OR portal_user_id IS NOT NULL;

GRANT SELECT ON portaldesk_agent.access_grants TO portaldesk_support_agent;
REVOKE SELECT ON access_grants, transition_notices FROM portaldesk_support_agent;
