-- Staff on the central database sign in as server logins of their own: the server checks the password and
-- its own rules lock a login. The embedded file keeps passwords in its staff table; nothing changes here:
-- the version stays in step.
SELECT 1;
