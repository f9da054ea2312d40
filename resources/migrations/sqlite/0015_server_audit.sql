-- The central database's audit log moved behind a server function; the embedded file's log is written
-- by the program that holds the file, as before. Nothing changes here: the version stays in step.
SELECT 1;
