-- Logins and grants on the central database open and close through the server's functions; the embedded
-- file has one user and no server. Nothing changes here: the version stays in step.
SELECT 1;
