-- Adult proxy consents that expire (SPEC section 8): an approved consent's grant ends on the day fixed at its
-- approval (consent.expiry_months later, the month's last day where that month is shorter; never for a
-- guardian's court papers). The day is the server's to fix: a trigger sets it when a consent is approved
-- and keeps anyone from moving it after. The nightly run ends the grant through grant_end
-- ('consent_expired', not before that day); a new consent signed by the patient renews it without a gap
-- ('consent_renewed', only for a newer consent of the same patient naming the same proxy).
ALTER TABLE access_grants DROP CONSTRAINT access_grants_end_reason_check;
ALTER TABLE access_grants ADD CONSTRAINT access_grants_end_reason_check CHECK (end_reason IS NULL OR end_reason IN
    ('age_12', 'age_18', 'deactivated', 'revoked', 'restricted', 'consent_revoked', 'deceased', 'merged',
     'consent_expired', 'consent_renewed'));

ALTER TABLE consents ADD COLUMN ends_on TEXT CHECK (ends_on IS NULL OR ends_on ~ '^\d{4}-\d\d-\d\d$');
ALTER TABLE consents ADD COLUMN reminded_at TEXT;
ALTER TABLE consents ADD COLUMN renews_id BIGINT REFERENCES consents (id);
CREATE INDEX consents_ending ON consents (ends_on, id) WHERE status = 'approved' AND ends_on IS NOT NULL;

-- The day an adult's proxy consent approved on `approved_on` ends: expiry_months later, clamped to the
-- month's last day (PostgreSQL's month arithmetic does that); null when consents don't expire.
CREATE FUNCTION door_consent_ends_on(approved_on date) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT CASE WHEN coalesce(door_setting('consent.expiry_months', '0'), '0')::integer <= 0 THEN NULL
                ELSE to_char(approved_on + make_interval(months => door_setting('consent.expiry_months', '0')::integer),
                             'YYYY-MM-DD') END
$$;

CREATE FUNCTION consents_end_day() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF door_owner() THEN
        RETURN NEW;
    END IF;
    -- Fixed once, when a consent is first decided: never typed in, never moved, never fixed again.
    IF TG_OP = 'UPDATE' AND (OLD.decided_at IS NOT NULL OR OLD.status <> 'submitted') THEN
        NEW.ends_on := OLD.ends_on;
    ELSIF NEW.status = 'approved' THEN
        -- The approval's day by the server's clock (a training database's, the desk's).
        NEW.ends_on := CASE WHEN NEW.kind = 'guardian' THEN NULL
                            WHEN training_database() AND NEW.decided_at IS NOT NULL
                            THEN door_consent_ends_on((NEW.decided_at::timestamptz AT TIME ZONE
                                                       door_setting('hospital.zone', 'America/Los_Angeles'))::date)
                            ELSE door_consent_ends_on(door_today(NULL)) END;
    ELSE
        NEW.ends_on := NULL;
    END IF;
    RETURN NEW;
END;
$$;
REVOKE ALL ON FUNCTION consents_end_day() FROM PUBLIC;
CREATE TRIGGER consents_end_day BEFORE INSERT OR UPDATE ON consents FOR EACH ROW EXECUTE FUNCTION consents_end_day();

GRANT SELECT (ends_on, reminded_at, renews_id) ON consents TO portaldesk_him_specialist, portaldesk_feed;
GRANT UPDATE (ends_on, reminded_at, renews_id) ON consents TO portaldesk_him_specialist;
-- Support agents explain when a proxy's access ends: the day, and nothing else of the consent.
CREATE VIEW portaldesk_agent.consents AS
    SELECT id, patient_id, grant_id, status, ends_on FROM public.consents;
GRANT SELECT ON portaldesk_agent.consents TO portaldesk_support_agent;
CREATE OR REPLACE VIEW portaldesk_desk.consents AS
    SELECT id, patient_id, kind, proxy_given, proxy_family, proxy_email, proxy_language, relationship, scope,
           signed_on, signed_by, document_id, status, decided_at, decided_by, reject_reason, override_reason,
           portal_user_id, grant_id, revoked_at, revoked_by, created_at, created_by, updated_at, updated_by,
           row_version, ends_on, reminded_at, renews_id
    FROM public.consents;

-- The two new reasons (a consent's end day stands in for a birthday's).
CREATE OR REPLACE FUNCTION grant_end(p json) RETURNS void
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
    ELSIF reason = 'consent_expired' THEN
        SELECT c.ends_on INTO birthday FROM public.consents c
            WHERE c.grant_id = g.id AND c.status = 'approved' AND c.ends_on IS NOT NULL;
        IF birthday IS NULL OR birthday > to_char(now_at::timestamptz AT TIME ZONE zone, 'YYYY-MM-DD') THEN
            RAISE EXCEPTION 'the grant''s consent has not ended' USING ERRCODE = 'object_not_in_prerequisite_state';
        END IF;
        ended := greatest(least(asked, now_at),
                          to_char((birthday::date::timestamp AT TIME ZONE zone) AT TIME ZONE 'UTC',
                                  'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));
    ELSIF reason = 'consent_renewed' THEN
        -- The new consent is being approved in the same transaction: still 'submitted' until its grant exists.
        IF NOT EXISTS (SELECT 1 FROM public.consents o, public.consents n, public.portal_users u
                       WHERE o.grant_id = g.id AND o.status = 'approved' AND u.id = g.portal_user_id
                         AND n.patient_id = g.patient_id AND n.id > o.id AND n.kind = 'adult_proxy'
                         AND n.status IN ('submitted', 'approved')
                         AND door_mailbox(n.proxy_email) = door_mailbox(u.email)) THEN
            RAISE EXCEPTION 'no newer consent of the patient renews the grant'
                USING ERRCODE = 'object_not_in_prerequisite_state';
        END IF;
        ended := now_at;
    ELSIF reason = 'restricted' THEN
        IF NOT EXISTS (SELECT 1 FROM public.restrictions r JOIN public.portal_users u ON u.id = g.portal_user_id
                       WHERE r.id = (details ->> 'restriction')::bigint AND r.patient_id = g.patient_id
                         AND r.lifted_at IS NULL
                         AND (r.until_date IS NULL OR r.until_date::date >= door_today(ctx))
                         AND (door_person_key(r.given_name, r.family_name) = door_person_key(u.given_name, u.family_name)
                              OR door_mailbox(r.email) = door_mailbox(u.email))) THEN
            RAISE EXCEPTION 'no restriction on the patient''s record bars its holder'
                USING ERRCODE = 'object_not_in_prerequisite_state';
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

-- The patient's reminder that a proxy consent ends goes, like a rejection's notice, to the patient's own
-- address on file.
CREATE OR REPLACE FUNCTION mail_queue(p json) RETURNS bigint
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
                                    'consent_rejected', 'consent_reminder') THEN
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
    IF kind IN ('consent_rejected', 'consent_reminder') THEN
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
