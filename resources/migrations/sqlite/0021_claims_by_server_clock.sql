-- The central database claims outgoing mail by its own clock; the embedded file has one machine's clock.
-- Nothing changes here: the version stays in step.
SELECT 1;
