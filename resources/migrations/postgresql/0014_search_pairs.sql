-- Names most families share can be rare together ("zoe kim petrosyan"): their words' trigram lists are
-- long, and intersecting them cost more than a page. Every row now also holds a key for each two of its
-- body's word starts (core/SearchText: three letters that folding never leaves, so no search matches one),
-- in a column of its own with its own trigram index, out of the key the index is walked in; and
-- search_rowids() takes the keys of the words typed, looking up their short lists where it used the words'
-- trigrams. A body with too many starts holds the overflow key (three ž) and is a candidate for any pair.
-- Every row is written again, in batches, by the owner's next start (`init`); until then searches go
-- without keys.
ALTER TABLE search_index ADD COLUMN pairs TEXT NOT NULL DEFAULT '';
CREATE INDEX search_index_pairs ON search_index USING gin (pairs gin_trgm_ops);
INSERT INTO search_rebuild (kind, next_id) VALUES ('patient', 0), ('portal_user', 0)
    ON CONFLICT (kind) DO UPDATE SET next_id = 0;

DROP FUNCTION search_index_put_rows(json);
-- Rows for the index, many to a call; refuses the whole call if any is not a person who exists.
CREATE FUNCTION search_index_put_rows(rows json) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    written bigint;
BEGIN
    INSERT INTO public.search_index (rowid, body, sig, pairs)
        SELECT r.rowid, r.body, coalesce(r.sig, -1), coalesce(r.pairs, '')
        FROM json_populate_recordset(NULL::public.search_index, rows) r
        WHERE CASE WHEN r.rowid % 2 = 0
                   THEN EXISTS (SELECT 1 FROM public.patients p WHERE p.id = r.rowid / 2)
                   ELSE EXISTS (SELECT 1 FROM public.portal_users u WHERE u.id = (r.rowid - 1) / 2) END
        ON CONFLICT (rowid) DO UPDATE SET body = EXCLUDED.body, sig = EXCLUDED.sig, pairs = EXCLUDED.pairs;
    GET DIAGNOSTICS written = ROW_COUNT;
    IF written <> json_array_length(rows) THEN
        RAISE EXCEPTION 'no such person for the search index' USING ERRCODE = '23503';
    END IF;
END;
$$;
REVOKE ALL ON FUNCTION search_index_put_rows(json) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION search_index_put_rows(json) TO portaldesk_him_specialist, portaldesk_feed;

DROP FUNCTION search_rowids(text[], bigint, bigint);

CREATE FUNCTION search_rowids(needles text[], max_rows bigint, mask bigint, keys text[])
    RETURNS TABLE (rowid bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp SET max_parallel_workers_per_gather = 0 AS $$
DECLARE
    probe CONSTANT bigint := 2500;
    reach CONSTANT bigint := 30000;
    wanted bigint := least(max_rows, 10000);
    tests text := '';
    likes text := '';
    patterns text[] := '{}';
    keyed text := '';
    key_patterns text[] := '{}';
    hits bigint[] := '{}';
    more bigint[];
    walked bigint; -- every id up to this one has been read
    stretch bigint;
    newest bigint;
BEGIN
    IF needles IS NULL OR cardinality(needles) = 0 OR cardinality(needles) > 20 OR wanted IS NULL
       OR wanted <= 0 THEN
        RETURN;
    END IF;
    FOR i IN 1 .. cardinality(needles) LOOP
        IF needles[i] IS NULL OR needles[i] = '' THEN
            RETURN;
        END IF;
        tests := tests || CASE WHEN i > 1 THEN ' AND ' ELSE '' END || format('strpos(s.body, $1[%s]) > 0', i);
        -- For the trigram index a word's start is looked up without its spaces when three letters or more
        -- remain (the trigrams of "  s" and " so" hold nearly everyone), and the start is checked after.
        likes := likes || CASE WHEN i > 1 THEN ' AND ' ELSE '' END
                 || format('s.body LIKE $4[%s] AND strpos(s.body, $1[%s]) > 0', i, i);
        patterns := patterns || ('%' || replace(replace(replace(
                                     CASE WHEN length(ltrim(needles[i], ' ')) >= 3 THEN ltrim(needles[i], ' ')
                                          ELSE needles[i] END,
                                     '\', '\\'), '%', '\%'), '_', '\_') || '%');
    END LOOP;
    -- Keys become LIKE patterns: three letters, without a wildcard (one typed by hand is refused).
    IF keys IS NOT NULL THEN
        IF cardinality(keys) > 66 THEN
            RAISE EXCEPTION 'at most 66 pair keys' USING ERRCODE = '22023';
        END IF;
        FOR i IN 1 .. coalesce(cardinality(keys), 0) LOOP
            IF keys[i] IS NULL OR length(keys[i]) <> 3 OR keys[i] ~ '[[:space:]%_\\]' THEN
                RAISE EXCEPTION 'a pair key is three letters, no space or wildcard' USING ERRCODE = '22023';
            END IF;
            keyed := keyed || CASE WHEN i > 1 THEN ' AND ' ELSE '' END || format('s.pairs LIKE $5[%s]', i);
            key_patterns := key_patterns || ('%' || keys[i] || '%');
        END LOOP;
    END IF;
    -- The signature first, the body only when it passes (CASE keeps that order; AND would not).
    tests := format('CASE WHEN (s.sig & %s) = %s THEN %s ELSE false END', coalesce(mask, 0), coalesce(mask, 0),
                    tests);
    SELECT min(s.rowid) - 1, max(s.rowid) INTO walked, newest FROM public.search_index s;
    IF newest IS NULL THEN
        RETURN;
    END IF;

    -- The walk, in stretches (a short one, one twice as long, then a long one) until the page is full. When
    -- the first two found nothing, the needles are rare: the trigram index takes over. Six digits in a row
    -- (part of a phone number or an MRN) are rare from the start.
    IF NOT EXISTS (SELECT 1 FROM unnest(needles) AS n(needle) WHERE n.needle ~ '[0-9]{6}') THEN
        FOR stage IN 1 .. 3 LOOP
            stretch := CASE stage WHEN 3 THEN reach ELSE probe * stage END;
            EXECUTE format('SELECT array_agg(w.rowid ORDER BY w.rowid) FROM (SELECT s.rowid '
                           'FROM public.search_index s WHERE s.rowid > $3 AND s.rowid <= $4 AND %s '
                           'ORDER BY s.rowid LIMIT $2) w', tests)
                INTO more USING needles, wanted - cardinality(hits), walked, walked + stretch;
            hits := hits || coalesce(more, '{}');
            walked := walked + stretch;
            IF cardinality(hits) >= wanted OR walked >= newest THEN
                RETURN QUERY SELECT u.r FROM unnest(hits) AS u(r);
                RETURN;
            END IF;
            EXIT WHEN stage = 2 AND cardinality(hits) = 0;
        END LOOP;
    END IF;

    RETURN QUERY SELECT u.r FROM unnest(hits) AS u(r);
    -- Two word starts or more: their pair keys' short lists (or a body with too many starts to hold keys),
    -- each body checked for every needle. Not while bodies wait for their keys, nor where the database's
    -- locale doesn't see the keys' accented letters as letters (pg_trgm would then see no trigram at all).
    IF keyed <> '' AND NOT EXISTS (SELECT 1 FROM public.search_rebuild)
       AND cardinality(show_trgm(U&'\017E\017E\017E')) > 0 THEN
        RETURN QUERY EXECUTE format('SELECT s.rowid FROM public.search_index s WHERE s.rowid > $3 '
                                    'AND ((%s) OR s.pairs LIKE $6) AND %s ORDER BY s.rowid + 0 LIMIT $2',
                                    keyed, tests)
            USING needles, wanted - cardinality(hits), walked, patterns, key_patterns,
                  U&'%\017E\017E\017E%';
        RETURN;
    END IF;
    -- "+ 0": not the key's order, so the plan is the trigram index's bitmap, then a sort of what it found.
    RETURN QUERY EXECUTE format('SELECT s.rowid FROM public.search_index s WHERE s.rowid > $3 AND %s '
                                'ORDER BY s.rowid + 0 LIMIT $2', likes)
        USING needles, wanted - cardinality(hits), walked, patterns;
END;
$$;

REVOKE ALL ON FUNCTION search_rowids(text[], bigint, bigint, text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION search_rowids(text[], bigint, bigint, text[]) TO portaldesk_support_agent;
