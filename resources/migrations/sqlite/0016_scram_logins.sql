-- The central database's staff logins take SCRAM verifiers; the embedded file has no logins. Nothing
-- changes here: the version stays in step.
SELECT 1;
