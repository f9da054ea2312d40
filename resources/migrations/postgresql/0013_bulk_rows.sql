-- Many people's search rows in one call (an import's new patients, a rebuild), read from a JSON array of
-- {"rowid", "body", "sig"}: one call per person cost an import a third of the server's time. Every row
-- must be a person who exists (patient n is 2n, portal user n is 2n + 1), or nothing is written.
DROP FUNCTION search_index_put(bigint, text, bigint);
CREATE FUNCTION search_index_put_rows(rows json) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    written bigint;
BEGIN
    INSERT INTO public.search_index (rowid, body, sig)
        SELECT r.rowid, r.body, coalesce(r.sig, -1)
        FROM json_populate_recordset(NULL::public.search_index, rows) r
        WHERE CASE WHEN r.rowid % 2 = 0
                   THEN EXISTS (SELECT 1 FROM public.patients p WHERE p.id = r.rowid / 2)
                   ELSE EXISTS (SELECT 1 FROM public.portal_users u WHERE u.id = (r.rowid - 1) / 2) END
        ON CONFLICT (rowid) DO UPDATE SET body = EXCLUDED.body, sig = EXCLUDED.sig;
    GET DIAGNOSTICS written = ROW_COUNT;
    IF written <> json_array_length(rows) THEN
        RAISE EXCEPTION 'no such person for the search index' USING ERRCODE = '23503';
    END IF;
END;
$$;
REVOKE ALL ON FUNCTION search_index_put_rows(json) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION search_index_put_rows(json) TO portaldesk_him_specialist, portaldesk_feed;
