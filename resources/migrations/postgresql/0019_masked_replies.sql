-- A mail server's reply can carry the recipient's address and the relay's own words: a support agent sees
-- only its status codes, in the outbox and in the events of a timeline.
CREATE FUNCTION portaldesk_agent.mask_mail_reply(reply text) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$
    SELECT regexp_replace(
               regexp_replace(
                   regexp_replace(reply, '\\"([0-9]{3})((?:[ -][0-9]\.[0-9]{1,3}\.[0-9]{1,3})?)(?:[^"\\]|\\[^"])*\\"',
                                  '\\"\1\2 …\\"', 'g'),
                   '(^|[^\\])"([0-9]{3})((?:[ -][0-9]\.[0-9]{1,3}\.[0-9]{1,3})?)[^"]*"', '\1"\2\3 …"', 'g'),
               '([^[:space:]"''<>(),;:\\])[^[:space:]"''<>(),;:@\\]*@', '\1•••@', 'g')
$$;

CREATE OR REPLACE VIEW portaldesk_agent.outbox AS
    SELECT id, message_id, kind, sender, portaldesk_agent.mask_email(recipient) AS recipient, language,
           subject, NULL::bytea AS raw, portal_user_id, invitation_id, status, attempts, next_attempt_at,
           portaldesk_agent.mask_mail_reply(last_error) AS last_error, claimed_by, claimed_at, created_at,
           sent_at
    FROM public.outbox;

CREATE OR REPLACE VIEW portaldesk_agent.audit_events AS
    SELECT id, at, staff, workstation, action, record_type, record_id, patient_id, portal_user_id,
           portaldesk_agent.mask_mail_reply(details) AS details, prev_hash, hash
    FROM public.audit_events
    WHERE patient_id IS NOT NULL OR portal_user_id IS NOT NULL;
