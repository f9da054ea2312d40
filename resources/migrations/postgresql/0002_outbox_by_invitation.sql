-- The invitation worklists show what the mail server last said about each invitation's e-mail.
CREATE INDEX outbox_invitation ON outbox (invitation_id, id);
