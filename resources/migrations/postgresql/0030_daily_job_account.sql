-- The nightly job signs in as a login of its own group, portaldesk_daily (staff role daily_job), made by a
-- supervisor like the feed's and the mail service's. It is no staff member: it can't sign in to the desk,
-- search, enroll, edit a record, read requests or the audit log, or change a setting. It reads what the
-- run decides by (the settings, the patients' birth dates and addresses, logins, grants, invitations and
-- consents without their secrets) and changes things only through the server's functions, each for the
-- run's own reasons:
--   invitations_sweep   expire invitations and mark late ones
--   grant_end           at the 12th or 18th birthday, or on the day an adult's proxy consent ends
--   portal_user_close   terminate a login left with no open grant
--   invitation_revoke   the live invitation of a login left with no open grant, which it terminates
--   mail_queue          a birthday's notice that is due and not yet queued, and a patient's reminder that
--                       a consent ends, due and not yet sent (door_daily_notice_due)
-- plus its own rows: a birthday notice's record (only beside the notice it queued in the same transaction),
-- and the day a consent's reminder went.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'portaldesk_daily') THEN
        CREATE ROLE portaldesk_daily NOLOGIN;
    END IF;
END;
$$;

ALTER TABLE staff DROP CONSTRAINT staff_role_check;
ALTER TABLE staff ADD CONSTRAINT staff_role_check
    CHECK (role IN ('support_agent', 'him_specialist', 'him_supervisor', 'ehr_feed', 'mailer', 'daily_job'));

-- Whether the daily job may queue this notice now: a birthday's notice for an open grant of the login
-- whose 12th or 18th birthday is ahead within transition.notice_days (from the grant's own first day, so
-- a 29 February birthday is never missed) and has had no notice; a patient's reminder for an approved
-- consent of theirs that ends within consent.reminder_days and has not been reminded. So a leaked
-- password of the job's sends no family anything the night would not have sent.
CREATE FUNCTION door_daily_notice_due(kind text, login bigint, patient bigint, ctx json) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT CASE
        WHEN kind IN ('transition_12', 'transition_18') THEN EXISTS (
            SELECT 1 FROM public.access_grants g
            WHERE g.portal_user_id = login AND g.ended_at IS NULL
              AND g.bracket = CASE kind WHEN 'transition_12' THEN 'child' ELSE 'adolescent' END
              AND g.age_ends_on >= to_char(door_today(ctx), 'YYYY-MM-DD')
              AND g.age_ends_on <= to_char(door_today(ctx) + door_setting('transition.notice_days', '30')::integer,
                                           'YYYY-MM-DD')
              AND NOT EXISTS (SELECT 1 FROM public.transition_notices n
                              WHERE n.grant_id = g.id
                                AND n.transition_age = CASE kind WHEN 'transition_12' THEN 12 ELSE 18 END))
        WHEN kind = 'consent_reminder' THEN EXISTS (
            SELECT 1 FROM public.consents c
            WHERE c.patient_id = patient AND c.status = 'approved' AND c.reminded_at IS NULL
              AND c.ends_on IS NOT NULL
              AND c.ends_on <= to_char(door_today(ctx) + door_setting('consent.reminder_days', '30')::integer,
                                       'YYYY-MM-DD'))
        ELSE false
    END
$$;
REVOKE ALL ON FUNCTION door_daily_notice_due(text, bigint, bigint, json) FROM PUBLIC;

-- Each function keeps its body; its first check gains the nightly job's case. A function whose check is
-- not where this expects it stops the migration rather than be left half changed.
DO $$
DECLARE
    f record;
    def text;
BEGIN
    FOR f IN SELECT * FROM (VALUES
        ('staff_login_add(text, text, text)',
         $w$WHEN 'mailer' THEN 'portaldesk_mailer' END;$w$,
         $b$WHEN 'mailer' THEN 'portaldesk_mailer' WHEN 'daily_job' THEN 'portaldesk_daily' END;$b$),
        ('staff_login_add(text, text, text)',
         $w$'portaldesk_feed', 'portaldesk_mailer'] LOOP$w$,
         $b$'portaldesk_feed', 'portaldesk_mailer', 'portaldesk_daily'] LOOP$b$),
        ('invitations_sweep(json)',
         $w$IF NOT door_member('portaldesk_him_specialist') THEN$w$,
         $b$IF NOT (door_member('portaldesk_him_specialist') OR door_member('portaldesk_daily')) THEN$b$),
        ('grant_end(json)',
         $w$IF NOT door_member('portaldesk_him_specialist') THEN$w$,
         $b$IF NOT (door_member('portaldesk_him_specialist')
            OR door_member('portaldesk_daily') AND reason IN ('age_12', 'age_18', 'consent_expired')) THEN$b$),
        ('portal_user_close(json)',
         $w$IF NOT door_member('portaldesk_him_specialist') THEN$w$,
         $b$IF NOT (door_member('portaldesk_him_specialist')
            OR door_member('portaldesk_daily') AND goal = 'terminated' AND reason = 'no_open_grant') THEN$b$),
        ('invitation_revoke(json)',
         $w$OR door_member('portaldesk_feed') AND reason IN ('deceased', 'terminated')) THEN$w$,
         $b$OR door_member('portaldesk_feed') AND reason IN ('deceased', 'terminated')
            OR door_member('portaldesk_daily') AND reason = 'terminated'
               AND NOT EXISTS (SELECT 1 FROM public.access_grants g
                               WHERE g.portal_user_id = (p ->> 'user')::bigint AND g.ended_at IS NULL)) THEN$b$),
        ('mail_queue(json)',
         $w$IF NOT door_member('portaldesk_him_specialist') THEN$w$,
         $b$IF NOT (door_member('portaldesk_him_specialist')
            OR door_member('portaldesk_daily') AND door_daily_notice_due(kind, login, patient, p -> 'ctx')) THEN$b$)
    ) AS x(fn, was, becomes) LOOP
        def := pg_get_functiondef(f.fn::regprocedure);
        IF position(f.was IN def) = 0 THEN
            RAISE EXCEPTION 'the check of % is not as expected', f.fn;
        END IF;
        EXECUTE replace(def, f.was, f.becomes);
    END LOOP;
END;
$$;

GRANT USAGE ON SCHEMA public, portaldesk_desk TO portaldesk_daily;
GRANT SELECT ON staff, settings, holidays, schema_migrations, deployment TO portaldesk_daily;
GRANT SELECT ON patients, portal_users, enrollments, access_grants, transition_notices TO portaldesk_daily;
GRANT SELECT ON portaldesk_desk.invitations, portaldesk_desk.consents TO portaldesk_daily;
GRANT SELECT (id, portal_user_id, enrollment_id, replaces_id, email, pin_verified_by, status, queued_at, due_at,
              sent_at, expires_at, activated_at, revoked_at, revoke_reason, late_marked_at, failed_attempts,
              created_by, updated_at, updated_by, row_version)
    ON invitations TO portaldesk_daily;
GRANT SELECT (id, patient_id, kind, proxy_given, proxy_family, proxy_email, proxy_language, relationship, scope,
              signed_on, signed_by, document_id, status, decided_at, decided_by, reject_reason, override_reason,
              portal_user_id, grant_id, revoked_at, revoked_by, created_at, created_by, updated_at, updated_by,
              row_version, ends_on, reminded_at, renews_id)
    ON consents TO portaldesk_daily;
GRANT INSERT ON transition_notices TO portaldesk_daily;
GRANT USAGE ON SEQUENCE transition_notices_id_seq TO portaldesk_daily;
GRANT UPDATE (reminded_at, updated_at, updated_by, row_version) ON consents TO portaldesk_daily;
GRANT EXECUTE ON FUNCTION training_database(), audit_append(json), audit_tail(), server_now(text, integer),
    invitations_sweep(json), grant_end(json), portal_user_close(json), invitation_revoke(json), mail_queue(json)
    TO portaldesk_daily;

-- A birthday notice's record says the notice went; the daily job's login writes one only beside the notice
-- it queued in the same transaction, so that nobody holding its password can mark a family's notice sent
-- without sending it.
CREATE FUNCTION transition_notices_with_their_notice() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF pg_has_role(session_user, 'portaldesk_daily', 'MEMBER') AND NOT door_owner()
       AND NOT EXISTS (SELECT 1 FROM public.outbox o JOIN public.access_grants g ON g.id = NEW.grant_id
                       WHERE o.id = NEW.outbox_id AND o.xmin = pg_current_xact_id()::xid
                         AND o.kind = 'transition_' || NEW.transition_age
                         AND o.portal_user_id = g.portal_user_id) THEN
        RAISE EXCEPTION 'the daily job records a birthday''s notice only beside the notice it queued'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;
REVOKE ALL ON FUNCTION transition_notices_with_their_notice() FROM PUBLIC;
CREATE TRIGGER transition_notices_with_their_notice BEFORE INSERT ON transition_notices
    FOR EACH ROW EXECUTE FUNCTION transition_notices_with_their_notice();
