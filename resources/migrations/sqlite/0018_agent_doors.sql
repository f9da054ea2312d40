-- The central database's support agents change things through the server's functions only; the embedded
-- file has no server. Nothing changes here: the version stays in step.
SELECT 1;
