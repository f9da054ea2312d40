-- Whoever sends mail claims messages by the server's clock, not the workstation's: a claim's age is measured
-- on one clock, so a sender whose clock runs behind can't take over a message another is still sending. A
-- training database keeps the time its users give.
CREATE FUNCTION server_now(given text, seconds_ago integer DEFAULT 0) RETURNS text
    LANGUAGE sql VOLATILE SET search_path = public, pg_temp AS $$
    SELECT CASE WHEN training_database() THEN given
                ELSE to_char((clock_timestamp() - make_interval(secs => seconds_ago)) AT TIME ZONE 'UTC',
                             'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') END
$$;
