-- The nightly job signs in as a login of its own group, portaldesk_daily (staff role daily_job), made by a
-- supervisor like the feed's and the mail service's. It is no staff member: it can't sign in to the desk,
-- search, enroll, edit a record, read requests or the audit log, or change a setting. It reads what the
-- run decides by (the settings, the patients' birth dates and addresses, logins, grants, invitations and
-- consents without their secrets) and changes things only through the server's functions, each for the
-- run's own reasons:
--   invitations_sweep   expire invitations and mark late ones
--   grant_end           at the 12th or 18th birthday, or on the day an adult's proxy consent ends
--   portal_user_close   terminate a login left with no open grant
--   invitation_revoke   the live invitation of a login it terminates
--   mail_queue          the birthday notices and the patients' reminders that a consent ends
-- plus its own rows: a birthday notice's record, and the day a consent's reminder went.
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
            OR door_member('portaldesk_daily') AND reason = 'terminated') THEN$b$),
        ('mail_queue(json)',
         $w$IF NOT door_member('portaldesk_him_specialist') THEN$w$,
         $b$IF NOT (door_member('portaldesk_him_specialist')
            OR door_member('portaldesk_daily') AND kind IN ('transition_12', 'transition_18', 'consent_reminder')) THEN$b$)
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
