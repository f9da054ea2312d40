-- Search as staff type it: the index now holds each person's folded words (no accents, case or
-- punctuation; core/SearchText), written by PortalDesk, so both databases fold alike. The index holds
-- unmasked addresses and phones: only the schema's owner reads it; staff who change people write it
-- through search_index_put(), and everyone searches through search_rowids().
DROP TRIGGER patients_search ON patients;
DROP TRIGGER portal_users_search ON portal_users;
DROP FUNCTION search_index_patient();
DROP FUNCTION search_index_portal_user();
DROP FUNCTION search_rowids(text, bigint, bigint);
TRUNCATE search_index;

CREATE TABLE search_rebuild (
    kind     TEXT PRIMARY KEY CHECK (kind IN ('patient', 'portal_user')),
    next_id  BIGINT NOT NULL
);
INSERT INTO search_rebuild (kind, next_id) VALUES ('patient', 0), ('portal_user', 0);

-- The row must be a person who exists: patient n is 2n, portal user n is 2n + 1.
CREATE FUNCTION search_index_put(p_rowid bigint, p_body text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF p_rowid % 2 = 0 THEN
        PERFORM 1 FROM public.patients WHERE id = p_rowid / 2;
    ELSE
        PERFORM 1 FROM public.portal_users WHERE id = (p_rowid - 1) / 2;
    END IF;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no such person for the search index' USING ERRCODE = '23503';
    END IF;
    INSERT INTO public.search_index (rowid, body) VALUES (p_rowid, p_body)
        ON CONFLICT (rowid) DO UPDATE SET body = EXCLUDED.body;
END;
$$;

-- Row ids whose body holds every pattern (LIKE, letters, digits and spaces between % signs), in index
-- order. The statement is planned for each search with its own patterns, so rare ones go through the
-- trigram index (a plan made once for any pattern would walk the whole table in key order).
CREATE FUNCTION search_rowids(patterns text[], max_rows bigint) RETURNS TABLE (rowid bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    conditions text := '';
BEGIN
    IF patterns IS NULL OR cardinality(patterns) = 0 OR cardinality(patterns) > 20 THEN
        RETURN;
    END IF;
    FOR i IN 1 .. cardinality(patterns) LOOP
        conditions := conditions || CASE WHEN i > 1 THEN ' AND ' ELSE '' END
                      || format('s.body LIKE $1[%s]', i);
    END LOOP;
    RETURN QUERY EXECUTE 'SELECT s.rowid FROM public.search_index s WHERE ' || conditions
                         || ' ORDER BY s.rowid LIMIT $2'
        USING patterns, least(max_rows, 10000);
END;
$$;

REVOKE ALL ON FUNCTION search_index_put(bigint, text), search_rowids(text[], bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION search_rowids(text[], bigint) TO portaldesk_support_agent;
GRANT EXECUTE ON FUNCTION search_index_put(bigint, text) TO portaldesk_him_specialist;
