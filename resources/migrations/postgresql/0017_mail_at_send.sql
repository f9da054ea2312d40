-- Mail is rendered when it is sent, not when it is queued: the outbox keeps the template's values (no
-- secret among them), and an invitation's activation link is made at that moment. The token comes from
-- the server's own random source (pgcrypto), only its hash is kept, and no row ever holds the link: a
-- message that fails or is cancelled leaves nothing to use. Each attempt makes a new token, so a link
-- from an attempt that was not accepted dies with it.
CREATE EXTENSION IF NOT EXISTS pgcrypto;

ALTER TABLE outbox ADD COLUMN vars TEXT;

CREATE FUNCTION invitation_issue_token(p_invitation bigint) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    token text := translate(rtrim(encode(gen_random_bytes(32), 'base64'), '='), '+/', '-_');
BEGIN
    UPDATE public.invitations SET token_hash = encode(sha256(convert_to(token, 'UTF8')), 'hex')
        WHERE id = p_invitation AND status = 'queued';
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    RETURN token;
END;
$$;
REVOKE ALL ON FUNCTION invitation_issue_token(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION invitation_issue_token(bigint) TO portaldesk_him_specialist;

-- A revoked invitation's mail that has not gone yet never goes, whichever path revoked it.
CREATE FUNCTION invitations_revoked_mail() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    UPDATE public.outbox SET status = 'cancelled',
                             last_error = 'the invitation was ' || NEW.status || ' before the message went'
        WHERE invitation_id = NEW.id AND status = 'pending';
    RETURN NULL;
END;
$$;
REVOKE ALL ON FUNCTION invitations_revoked_mail() FROM PUBLIC;
CREATE TRIGGER invitations_revoked_mail AFTER UPDATE OF status ON invitations FOR EACH ROW
    WHEN (NEW.status IN ('revoked', 'expired', 'locked', 'activated') AND OLD.status IN ('queued', 'sent'))
    EXECUTE FUNCTION invitations_revoked_mail();

-- A message that is done (sent, failed, cancelled) keeps no body: one queued by an earlier version holds
-- a link.
CREATE FUNCTION outbox_done_forgets() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.raw := NULL;
    RETURN NEW;
END;
$$;
REVOKE ALL ON FUNCTION outbox_done_forgets() FROM PUBLIC;
CREATE TRIGGER outbox_done_forgets BEFORE UPDATE OF status ON outbox FOR EACH ROW
    WHEN (NEW.status IN ('sent', 'failed', 'cancelled') AND NEW.raw IS NOT NULL)
    EXECUTE FUNCTION outbox_done_forgets();
