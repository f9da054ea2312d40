-- Mail is rendered when it is sent, not when it is queued: the outbox keeps the template's values (no
-- secret among them), and an invitation's activation link is made at that moment, so no row ever holds it.
ALTER TABLE outbox ADD COLUMN vars TEXT;

-- A revoked invitation's mail that has not gone yet never goes, whichever path revoked it.
CREATE TRIGGER invitations_revoked_mail AFTER UPDATE OF status ON invitations
WHEN NEW.status IN ('revoked', 'expired', 'locked', 'activated') AND OLD.status IN ('queued', 'sent')
BEGIN
    UPDATE outbox SET status = 'cancelled',
                      last_error = 'the invitation was ' || NEW.status || ' before the message went'
        WHERE invitation_id = NEW.id AND status = 'pending';
END;

-- A message that is done (sent, failed, cancelled) keeps no body: one queued by an earlier version holds
-- a link.
CREATE TRIGGER outbox_done_forgets AFTER UPDATE OF status ON outbox
WHEN NEW.status IN ('sent', 'failed', 'cancelled') AND NEW.raw IS NOT NULL
BEGIN
    UPDATE outbox SET raw = NULL WHERE id = NEW.id;
END;
