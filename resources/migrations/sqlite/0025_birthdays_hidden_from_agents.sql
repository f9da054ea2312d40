-- Support agents' views of the central database lose birth dates and what gives them away; on the
-- embedded file the services hide them. Nothing changes here: the version stays in step.
SELECT 1;
