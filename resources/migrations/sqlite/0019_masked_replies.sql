-- The central database masks mail server replies in its support agents' views; the embedded file has no
-- roles of its own, and the services mask them. Nothing changes here: the version stays in step.
SELECT 1;
