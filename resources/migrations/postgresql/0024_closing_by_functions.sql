-- Whether a login is open and whether a grant still gives access are the server's to change for staff:
-- a trigger refuses a staff login's own UPDATE of a login's status or of a grant's end, and an INSERT of a
-- login that is not pending or of a grant already ended. These go through functions that check the
-- caller's group and the rule, and write the event:
--   portal_user_close   deactivate (a reason SPEC section 6 names, who reported it and how they were
--                       verified), or terminate a login left with no open grant
--   grant_end           at the 12th or 18th birthday (not before the day the server's records give), at
--                       the patient's recorded death, or when the patient revokes the consent it came from
-- (Reopening goes through invitation_queue and invitation_reissue; activation is the portal's login's.)
-- The EHR feed's login keeps its own, narrower rule (feed_only_closes).

CREATE FUNCTION staff_may_not_open_or_close() RETURNS trigger
    LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    -- Under one of the functions the writer is the schema's owner; the portal and the feed have rules of
    -- their own.
    IF NOT pg_has_role(current_user, 'portaldesk_support_agent', 'MEMBER')
       OR (SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = current_user) THEN
        RETURN NEW;
    END IF;
    IF TG_TABLE_NAME = 'portal_users' THEN
        IF TG_OP = 'INSERT' AND (NEW.status <> 'pending' OR NEW.activated_at IS NOT NULL)
           OR TG_OP = 'UPDATE' AND (NEW.status IS DISTINCT FROM OLD.status
                                    OR NEW.status_reason IS DISTINCT FROM OLD.status_reason
                                    OR NEW.status_changed_at IS DISTINCT FROM OLD.status_changed_at
                                    OR NEW.activated_at IS DISTINCT FROM OLD.activated_at
                                    OR NEW.deactivation_reason IS DISTINCT FROM OLD.deactivation_reason) THEN
            RAISE EXCEPTION 'a login opens and closes through the server''s functions only'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    ELSIF TG_OP = 'INSERT' AND (NEW.ended_at IS NOT NULL OR NEW.end_reason IS NOT NULL)
          OR TG_OP = 'UPDATE' AND (NEW.ended_at IS DISTINCT FROM OLD.ended_at
                                   OR NEW.end_reason IS DISTINCT FROM OLD.end_reason) THEN
        RAISE EXCEPTION 'a grant ends through the server''s functions only' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;
REVOKE ALL ON FUNCTION staff_may_not_open_or_close() FROM PUBLIC;
CREATE TRIGGER portal_users_staff_may_not_open_or_close BEFORE INSERT OR UPDATE ON portal_users
    FOR EACH ROW EXECUTE FUNCTION staff_may_not_open_or_close();
CREATE TRIGGER access_grants_staff_may_not_open_or_close BEFORE INSERT OR UPDATE ON access_grants
    FOR EACH ROW EXECUTE FUNCTION staff_may_not_open_or_close();

CREATE FUNCTION portal_user_close(p json) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    ctx json := p -> 'ctx';
    now_at text := door_now(p -> 'ctx');
    by_whom text := door_staff(p -> 'ctx');
    goal text := p ->> 'to';
    reason text := p ->> 'reason';
    patient bigint := nullif((p ->> 'patient')::bigint, 0);
    u public.portal_users%ROWTYPE;
BEGIN
    IF NOT door_member('portaldesk_him_specialist') THEN
        RAISE EXCEPTION 'only HIM staff close logins' USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT * INTO u FROM public.portal_users WHERE id = (p ->> 'user')::bigint FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no such login' USING ERRCODE = 'no_data_found';
    END IF;
    IF goal = 'deactivated' THEN
        IF u.status = 'deactivated' THEN
            RAISE EXCEPTION 'the login is already deactivated' USING ERRCODE = 'object_not_in_prerequisite_state';
        END IF;
        IF reason IS NULL OR reason NOT IN ('suspected_compromise', 'family_request', 'duplicate', 'deceased', 'other')
                OR reason = 'other' AND coalesce(btrim(p ->> 'note'), '') = ''
                OR length(coalesce(p ->> 'reported_by', '')) > 200 OR length(coalesce(p ->> 'verified_by', '')) > 200
                OR length(coalesce(p ->> 'note', '')) > 2000 THEN
            RAISE EXCEPTION 'a deactivation has a reason SPEC names (a note for "other")'
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        UPDATE public.portal_users SET status = 'deactivated', status_reason = reason, status_changed_at = now_at,
                                       deactivation_reason = reason, reported_by = p ->> 'reported_by',
                                       verified_by = p ->> 'verified_by', deactivation_note = p ->> 'note',
                                       updated_at = now_at, updated_by = by_whom, row_version = row_version + 1
            WHERE id = u.id;
        PERFORM door_audit(ctx, 'portal_user.deactivated', 'portal_user', u.id, patient, u.id,
                           json_build_object('from', u.status, 'reason', reason,
                                             'reported_by', coalesce(p ->> 'reported_by', ''),
                                             'verified_by', coalesce(p ->> 'verified_by', ''),
                                             'note', coalesce(p ->> 'note', '')));
    ELSIF goal = 'terminated' THEN
        IF u.status NOT IN ('active', 'pending') THEN
            RAISE EXCEPTION 'the login is already %', u.status USING ERRCODE = 'object_not_in_prerequisite_state';
        END IF;
        IF reason IS NULL OR reason NOT IN ('no_open_grant', 'consent_revoked') THEN
            RAISE EXCEPTION 'a login ends for having no access left' USING ERRCODE = 'invalid_parameter_value';
        END IF;
        IF EXISTS (SELECT 1 FROM public.access_grants g WHERE g.portal_user_id = u.id AND g.ended_at IS NULL) THEN
            RAISE EXCEPTION 'the login still opens a patient''s record' USING ERRCODE = 'object_not_in_prerequisite_state';
        END IF;
        UPDATE public.portal_users SET status = 'terminated', status_reason = reason, status_changed_at = now_at,
                                       updated_at = now_at, updated_by = by_whom, row_version = row_version + 1
            WHERE id = u.id;
        PERFORM door_audit(ctx, 'portal_user.terminated', 'portal_user', u.id, patient, u.id,
                           CASE WHEN reason = 'no_open_grant'
                                THEN json_build_object('from', u.status,
                                                       'rule', 'a login left with no access grant is terminated')
                                ELSE json_build_object('from', u.status, 'reason', reason) END);
    ELSE
        RAISE EXCEPTION 'a login is deactivated or terminated' USING ERRCODE = 'invalid_parameter_value';
    END IF;
END;
$$;

-- Ends an open grant. At a birthday: not before the grant's age_ends_on in the hospital's calendar, and
-- ended no earlier than that day's start (the desktop gives the exact day under the leap-day rule). For a
-- revoked consent: only the grant that consent gave. The event's details are the workstation's words about
-- the rule; the reason is checked.
CREATE FUNCTION grant_end(p json) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    ctx json := p -> 'ctx';
    now_at text := door_now(p -> 'ctx');
    by_whom text := door_staff(p -> 'ctx');
    reason text := p ->> 'reason';
    asked text := coalesce(p ->> 'ended_at', now_at);
    details json := coalesce(p -> 'details', '{}'::json);
    zone text := door_setting('hospital.zone', 'America/Los_Angeles');
    g public.access_grants%ROWTYPE;
    ended text;
    birthday text;
    iso text := '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$';
BEGIN
    IF NOT door_member('portaldesk_him_specialist') THEN
        RAISE EXCEPTION 'only HIM staff end grants' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF json_typeof(details) <> 'object' OR length(details::text) > 4000 OR asked !~ iso THEN
        RAISE EXCEPTION 'a grant''s end comes with a time and its details as one object'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT * INTO g FROM public.access_grants WHERE id = (p ->> 'grant')::bigint FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no such grant' USING ERRCODE = 'no_data_found';
    END IF;
    IF g.ended_at IS NOT NULL THEN
        RAISE EXCEPTION 'the grant already ended' USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    IF reason IN ('age_12', 'age_18') THEN
        -- The day on record; for a grant a corrected birth date put in the wrong bracket from its start
        -- (which has none), the birthday itself.
        SELECT coalesce(g.age_ends_on,
                        CASE WHEN g.bracket = 'child' THEN to_char(x.birth_date::date + interval '12 years', 'YYYY-MM-DD')
                             WHEN g.bracket = 'adolescent' AND g.relationship <> 'self'
                             THEN to_char(x.birth_date::date + interval '18 years', 'YYYY-MM-DD') END)
            INTO birthday FROM public.patients x WHERE x.id = g.patient_id;
        IF birthday IS NULL OR birthday > to_char(now_at::timestamptz AT TIME ZONE zone, 'YYYY-MM-DD') THEN
            RAISE EXCEPTION 'the grant''s birthday has not come' USING ERRCODE = 'object_not_in_prerequisite_state';
        END IF;
        ended := greatest(least(asked, now_at),
                          to_char((birthday::date::timestamp AT TIME ZONE zone) AT TIME ZONE 'UTC',
                                  'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));
    ELSIF reason = 'deceased' THEN
        IF NOT EXISTS (SELECT 1 FROM public.patients x WHERE x.id = g.patient_id AND x.deceased_at IS NOT NULL) THEN
            RAISE EXCEPTION 'the patient''s death is not recorded' USING ERRCODE = 'object_not_in_prerequisite_state';
        END IF;
        ended := now_at;
    ELSIF reason = 'consent_revoked' THEN
        IF NOT EXISTS (SELECT 1 FROM public.consents c WHERE c.grant_id = g.id AND c.status = 'approved') THEN
            RAISE EXCEPTION 'the grant came from no approved consent' USING ERRCODE = 'object_not_in_prerequisite_state';
        END IF;
        ended := now_at;
    ELSE
        RAISE EXCEPTION 'no grant ends for the reason %', coalesce(reason, '(none)')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    UPDATE public.access_grants SET ended_at = ended, end_reason = reason, updated_at = now_at,
                                    updated_by = by_whom, row_version = row_version + 1
        WHERE id = g.id;
    PERFORM door_audit(ctx, 'grant.ended', 'grant', g.id, g.patient_id, g.portal_user_id,
                       (details::jsonb || jsonb_build_object('end_reason', reason))::json);
END;
$$;

REVOKE ALL ON FUNCTION portal_user_close(json), grant_end(json) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION portal_user_close(json), grant_end(json) TO portaldesk_him_specialist;
