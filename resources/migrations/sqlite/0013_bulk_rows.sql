-- The central database's search rows go in many to a call; the embedded database writes its index
-- directly, so nothing changes here; the version stays in step with the central one.
SELECT 1;
