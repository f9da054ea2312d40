-- Invitations are sealed: no staff role reads a PIN hash or a token hash, by any path, and none writes an
-- invitation except through the server's functions, which check the caller's group and the invitation's
-- state and write their own audit events:
--   invitation_queue    a new invitation for a login (enrollment, a consent approved, an address change),
--                       its PIN hash made where the PIN was typed, or the consent's, or the last one's;
--                       a closed login comes back as pending; the due time is the server's calendar's
--   invitation_revoke   the live invitation of a login, with why
--   invitations_sweep   the daily run's expiries and late marks, a batch at a time
-- (invitation_mail, invitation_reissue and invitation_mail_result carry the rest.) The desks read
-- invitations and consents through views without the secrets; the portal's own login (portaldesk_portal)
-- is the one that checks a link and a PIN.
--
-- The hospital's business calendar lives here too, so that the due times the server stamps (an invitation's,
-- a family's request's) follow the same rules as the desktop's: weekends, the federal holidays as observed
-- (Saturday's on Friday, Sunday's on Monday), and the hospital's own table of closed and open days.

CREATE FUNCTION door_federal_holiday(d date) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE SET search_path = public, pg_temp AS $$
DECLARE
    y integer;
    actual date;
    observed date;
    first date;
    last date;
BEGIN
    FOREACH y IN ARRAY ARRAY[extract(year FROM d)::integer, extract(year FROM d)::integer + 1] LOOP
        FOR actual IN
            SELECT x FROM unnest(ARRAY[
                make_date(y, 1, 1),
                make_date(y, 1, 1) + ((1 - extract(isodow FROM make_date(y, 1, 1))::integer + 7) % 7) + 14,
                make_date(y, 2, 1) + ((1 - extract(isodow FROM make_date(y, 2, 1))::integer + 7) % 7) + 14,
                (make_date(y, 6, 1) - 1) - ((extract(isodow FROM make_date(y, 6, 1) - 1)::integer - 1 + 7) % 7),
                make_date(y, 6, 19),
                make_date(y, 7, 4),
                make_date(y, 9, 1) + ((1 - extract(isodow FROM make_date(y, 9, 1))::integer + 7) % 7),
                make_date(y, 10, 1) + ((1 - extract(isodow FROM make_date(y, 10, 1))::integer + 7) % 7) + 7,
                make_date(y, 11, 11),
                make_date(y, 11, 1) + ((4 - extract(isodow FROM make_date(y, 11, 1))::integer + 7) % 7) + 21,
                make_date(y, 12, 25)]) AS x
        LOOP
            observed := CASE extract(isodow FROM actual) WHEN 6 THEN actual - 1 WHEN 7 THEN actual + 1
                                                         ELSE actual END;
            IF observed = d THEN
                RETURN true;
            END IF;
        END LOOP;
    END LOOP;
    RETURN false;
END;
$$;

CREATE FUNCTION door_business_day(d date) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT extract(isodow FROM d) < 6
           AND coalesce((SELECT h.closed = 0 FROM public.holidays h WHERE h.day = to_char(d, 'YYYY-MM-DD')),
                        NOT door_federal_holiday(d))
$$;

CREATE FUNCTION door_next_business_day(d date) RETURNS date
    LANGUAGE plpgsql STABLE SET search_path = public, pg_temp AS $$
DECLARE
    n date := d + 1;
BEGIN
    FOR i IN 1..366 LOOP
        EXIT WHEN door_business_day(n);
        n := n + 1;
    END LOOP;
    RETURN n;
END;
$$;

-- N business days of HIM hours from `from_at`, as BusinessCalendar::dueAt counts them: a start outside the
-- hours moves to the next opening, and from an opening the N-th day's close is due.
CREATE FUNCTION door_due_at(from_at text, business_days integer) RETURNS text
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    zone text := door_setting('hospital.zone', 'America/Los_Angeles');
    opens time := door_setting('him.open', '07:00')::time;
    closes time := door_setting('him.close', '16:00')::time;
    local timestamp := from_at::timestamptz AT TIME ZONE zone;
    day date := local::date;
    t time := local::time;
    done timestamp;
BEGIN
    IF NOT door_business_day(day) OR t >= closes THEN
        day := door_next_business_day(day);
        t := opens;
    ELSIF t < opens THEN
        t := opens;
    END IF;
    IF business_days <= 0 THEN
        done := day + t;
    ELSIF t = opens THEN
        FOR i IN 2..business_days LOOP
            day := door_next_business_day(day);
        END LOOP;
        done := day + closes;
    ELSE
        FOR i IN 1..business_days LOOP
            day := door_next_business_day(day);
        END LOOP;
        done := day + t;
    END IF;
    RETURN to_char((done AT TIME ZONE zone) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
END;
$$;

-- A family's request is due when the server's calendar says, whatever the workstation proposed.
CREATE OR REPLACE FUNCTION request_log(p json) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    ctx json := p -> 'ctx';
    now_at text := door_now(p -> 'ctx');
    by_whom text := door_staff(p -> 'ctx');
    received text := p ->> 'received_at';
    due text;
    patient bigint := nullif((p ->> 'patient_id')::bigint, 0);
    login bigint := nullif((p ->> 'portal_user_id')::bigint, 0);
    note text := nullif(p ->> 'note', '');
    new_id bigint;
    iso text := '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$';
BEGIN
    IF NOT door_member('portaldesk_support_agent') THEN
        RAISE EXCEPTION 'only staff log requests' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF coalesce(received, '') !~ iso
            OR received > to_char((now_at::timestamptz + interval '5 minutes') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
            OR received < to_char((now_at::timestamptz - interval '365 days') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') THEN
        RAISE EXCEPTION 'a request arrives by now, and within the last year'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    due := door_due_at(received, door_setting('request.due_business_days', '2')::integer);
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

-- A new invitation for a login that has none live. The PIN is {"pin_hash": scrypt hash made where it was
-- typed}, {"consent": id} (the one the proxy chose on an approved consent form for that login's patient),
-- or {"previous": true} (the login's last invitation's, for a new address).
CREATE FUNCTION invitation_queue(p json) RETURNS TABLE (invitation_id bigint, due_at text, reopened boolean)
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

-- Revokes a login's live invitation, if it has one; returns it (NULL when there was none). The EHR feed's
-- login may do this only for what it closes: a death, or a login left with no access.
CREATE FUNCTION invitation_revoke(p json) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    ctx json := p -> 'ctx';
    now_at text := door_now(p -> 'ctx');
    by_whom text := door_staff(p -> 'ctx');
    reason text := p ->> 'reason';
    patient bigint := nullif((p ->> 'patient')::bigint, 0);
    inv public.invitations%ROWTYPE;
BEGIN
    IF NOT (door_member('portaldesk_him_specialist')
            OR door_member('portaldesk_feed') AND reason IN ('deceased', 'terminated')) THEN
        RAISE EXCEPTION 'only HIM staff revoke invitations' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF reason IS NULL OR reason NOT IN ('staff', 'deactivated', 'email_changed', 'terminated', 'deceased',
                                        'reissued') THEN
        RAISE EXCEPTION 'no revocation for the reason %', coalesce(reason, '(none)')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT * INTO inv FROM public.invitations i WHERE i.portal_user_id = (p ->> 'user')::bigint
        AND i.status IN ('queued', 'sent', 'delivery_failed') FOR UPDATE;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    UPDATE public.invitations SET status = 'revoked', revoked_at = now_at, revoke_reason = reason,
                                  updated_at = now_at, updated_by = by_whom, row_version = row_version + 1
        WHERE id = inv.id;
    PERFORM door_audit(ctx, 'invitation.revoked', 'invitation', inv.id, patient, inv.portal_user_id,
                       json_build_object('reason', reason, 'was', inv.status));
    RETURN inv.id;
END;
$$;

-- The daily run's sweeps, a batch at a time: "expire" ends sent invitations whose 30 days are over, "late"
-- marks queued ones past their due time. Returns what changed, each with its audit event written.
CREATE FUNCTION invitations_sweep(p json)
    RETURNS TABLE (id bigint, portal_user_id bigint, expires_at text, due_at text)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    ctx json := p -> 'ctx';
    now_at text := door_now(p -> 'ctx');
    by_whom text := door_staff(p -> 'ctx');
    step text := p ->> 'step';
    size integer := least(greatest(coalesce((p ->> 'limit')::integer, 0), 0), 10000);
    ids bigint[];
    users bigint[];
    expiries text[];
    dues text[];
BEGIN
    IF NOT door_member('portaldesk_him_specialist') THEN
        RAISE EXCEPTION 'only HIM staff run the daily sweeps' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF step = 'expire' THEN
        WITH changed AS (
            UPDATE public.invitations i SET status = 'expired', updated_at = now_at, updated_by = by_whom,
                                            row_version = i.row_version + 1
                WHERE i.id IN (SELECT x.id FROM public.invitations x
                               WHERE x.status IN ('sent', 'delivery_failed') AND x.expires_at <= now_at
                               ORDER BY x.expires_at, x.id LIMIT size)
                RETURNING i.id, i.portal_user_id, i.expires_at, i.due_at)
        SELECT array_agg(c.id ORDER BY c.id), array_agg(c.portal_user_id ORDER BY c.id),
               array_agg(c.expires_at ORDER BY c.id), array_agg(c.due_at ORDER BY c.id)
            INTO ids, users, expiries, dues FROM changed c;
    ELSIF step = 'late' THEN
        WITH changed AS (
            UPDATE public.invitations i SET late_marked_at = now_at, updated_at = now_at, updated_by = by_whom,
                                            row_version = i.row_version + 1
                WHERE i.id IN (SELECT x.id FROM public.invitations x
                               WHERE x.status = 'queued' AND x.due_at < now_at AND x.late_marked_at IS NULL
                               ORDER BY x.due_at, x.id LIMIT size)
                RETURNING i.id, i.portal_user_id, i.expires_at, i.due_at)
        SELECT array_agg(c.id ORDER BY c.id), array_agg(c.portal_user_id ORDER BY c.id),
               array_agg(c.expires_at ORDER BY c.id), array_agg(c.due_at ORDER BY c.id)
            INTO ids, users, expiries, dues FROM changed c;
    ELSE
        RAISE EXCEPTION 'a sweep expires or marks late' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF ids IS NULL THEN
        RETURN;
    END IF;
    PERFORM audit_append((
        SELECT json_agg(json_build_object(
                   'at', now_at, 'staff', by_whom,
                   'workstation', left(coalesce(nullif(ctx ->> 'workstation', ''), 'server'), 255),
                   'action', CASE step WHEN 'expire' THEN 'invitation.expired' ELSE 'invitation.late' END,
                   'record_type', 'invitation', 'record_id', x.i::text, 'patient_id', 0, 'portal_user_id', x.u,
                   'details', CASE step WHEN 'expire' THEN json_build_object('expires_at', x.e)::text
                                        ELSE json_build_object('due_at', x.d)::text END) ORDER BY x.i)
        FROM unnest(ids, users, expiries, dues) AS x(i, u, e, d)));
    RETURN QUERY SELECT x.i, x.u, x.e, x.d FROM unnest(ids, users, expiries, dues) AS x(i, u, e, d);
END;
$$;

REVOKE ALL ON FUNCTION door_federal_holiday(date), door_business_day(date), door_next_business_day(date),
    door_due_at(text, integer), invitation_queue(json), invitation_revoke(json), invitations_sweep(json)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION invitation_queue(json), invitation_revoke(json), invitations_sweep(json)
    TO portaldesk_him_specialist;
GRANT EXECUTE ON FUNCTION invitation_revoke(json) TO portaldesk_feed;

-- What the desks read: invitations and consents without their secrets. Specialists, supervisors and the
-- feed find these first on their search path; the base tables' other columns stay readable by name.
CREATE SCHEMA portaldesk_desk;
GRANT USAGE ON SCHEMA portaldesk_desk TO portaldesk_him_specialist, portaldesk_feed;
CREATE VIEW portaldesk_desk.invitations AS
    SELECT id, portal_user_id, enrollment_id, replaces_id, email, pin_verified_by, status, queued_at, due_at,
           sent_at, expires_at, activated_at, revoked_at, revoke_reason, late_marked_at, failed_attempts,
           created_by, updated_at, updated_by, row_version
    FROM public.invitations;
CREATE VIEW portaldesk_desk.consents AS
    SELECT id, patient_id, kind, proxy_given, proxy_family, proxy_email, proxy_language, relationship, scope,
           signed_on, signed_by, document_id, status, decided_at, decided_by, reject_reason, override_reason,
           portal_user_id, grant_id, revoked_at, revoked_by, created_at, created_by, updated_at, updated_by,
           row_version
    FROM public.consents;
GRANT SELECT ON portaldesk_desk.invitations, portaldesk_desk.consents TO portaldesk_him_specialist, portaldesk_feed;

REVOKE SELECT, INSERT, UPDATE, DELETE ON invitations FROM portaldesk_him_specialist, portaldesk_him_supervisor,
    portaldesk_feed;
GRANT SELECT (id, portal_user_id, enrollment_id, replaces_id, email, pin_verified_by, status, queued_at, due_at,
              sent_at, expires_at, activated_at, revoked_at, revoke_reason, late_marked_at, failed_attempts,
              created_by, updated_at, updated_by, row_version)
    ON invitations TO portaldesk_him_specialist, portaldesk_feed;
REVOKE SELECT, UPDATE ON consents FROM portaldesk_him_specialist, portaldesk_him_supervisor, portaldesk_feed;
GRANT SELECT (id, patient_id, kind, proxy_given, proxy_family, proxy_email, proxy_language, relationship, scope,
              signed_on, signed_by, document_id, status, decided_at, decided_by, reject_reason, override_reason,
              portal_user_id, grant_id, revoked_at, revoked_by, created_at, created_by, updated_at, updated_by,
              row_version)
    ON consents TO portaldesk_him_specialist, portaldesk_feed;
GRANT UPDATE (status, decided_at, decided_by, reject_reason, override_reason, portal_user_id, grant_id, revoked_at,
              revoked_by, updated_at, updated_by, row_version)
    ON consents TO portaldesk_him_specialist;
GRANT UPDATE (patient_id, updated_at, updated_by, row_version) ON consents TO portaldesk_feed;

-- The agents' view loses the secrets too (a view's columns can't be dropped in place).
DROP VIEW portaldesk_agent.invitations;
CREATE VIEW portaldesk_agent.invitations AS
    SELECT id, portal_user_id, enrollment_id, replaces_id, portaldesk_agent.mask_email(email) AS email,
           pin_verified_by, status, queued_at, due_at, sent_at, expires_at, activated_at, revoked_at,
           revoke_reason, late_marked_at, failed_attempts, created_by, updated_at, updated_by, row_version
    FROM public.invitations;
GRANT SELECT ON portaldesk_agent.invitations TO portaldesk_support_agent;
CREATE TRIGGER invitations_refuse INSTEAD OF INSERT OR UPDATE OR DELETE ON portaldesk_agent.invitations
    FOR EACH ROW EXECUTE FUNCTION portaldesk_agent.invitations_refuse();

-- The portal: the one login that checks an activation link and its PIN, and opens the login.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'portaldesk_portal') THEN
        CREATE ROLE portaldesk_portal NOLOGIN;
    END IF;
END;
$$;
GRANT USAGE ON SCHEMA public TO portaldesk_portal;
GRANT SELECT ON settings, holidays, staff, schema_migrations, deployment, patients, access_grants, enrollments
    TO portaldesk_portal;
GRANT SELECT, UPDATE ON invitations, portal_users TO portaldesk_portal;
GRANT EXECUTE ON FUNCTION training_database(), audit_append(json), audit_tail() TO portaldesk_portal;
