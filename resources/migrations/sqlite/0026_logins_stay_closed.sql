-- A deactivated login stays closed until it is reopened on purpose; on the central database its server's
-- functions hold to that. The embedded file's services do; nothing changes here: the version stays in step.
SELECT 1;
