-- Search at a hospital's size. Two names most families share ("lopez sofia") match thousands of people,
-- and the page wants the first of them in index order: reading the index in that order and testing each
-- row finds them within a few thousand rows, while the trigram index would first gather every match
-- (tens of milliseconds). Such a walk is cheap only if it never visits the table and passes most rows over
-- with one test of a number: the key now carries the body and its signature (which pairs of letters start
-- its words; core/SearchText), and a body is read only when its signature holds every word's start. The
-- trigram index stays for what is rare.
ALTER TABLE search_index ADD COLUMN sig BIGINT NOT NULL DEFAULT -1; -- every bit: a row not yet signed
ALTER TABLE search_index DROP CONSTRAINT search_index_pkey;
ALTER TABLE search_index ADD CONSTRAINT search_index_pkey PRIMARY KEY (rowid) INCLUDE (body, sig);

-- Everyone is signed again, in batches, by the owner's next start (`init`).
INSERT INTO search_rebuild (kind, next_id) VALUES ('patient', 0), ('portal_user', 0)
    ON CONFLICT (kind) DO UPDATE SET next_id = 0;

DROP FUNCTION search_index_put(bigint, text);
-- The row must be a person who exists: patient n is 2n, portal user n is 2n + 1.
CREATE FUNCTION search_index_put(p_rowid bigint, p_body text, p_sig bigint) RETURNS void
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
    INSERT INTO public.search_index (rowid, body, sig) VALUES (p_rowid, p_body, coalesce(p_sig, -1))
        ON CONFLICT (rowid) DO UPDATE SET body = EXCLUDED.body, sig = EXCLUDED.sig;
END;
$$;
REVOKE ALL ON FUNCTION search_index_put(bigint, text, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION search_index_put(bigint, text, bigint) TO portaldesk_him_specialist, portaldesk_feed;

DROP FUNCTION search_rowids(text[], bigint);

-- Row ids whose body holds every needle (plain text: PortalDesk sends letters, digits and spaces), in
-- index order, at most max_rows; `mask` holds the signature bits the needles need (0: none). Row ids are
-- dense (patient n is 2n, login n is 2n + 1), so a stretch of the key holds about as many people as ids.
-- The first stretches tell how common the needles are together: found there, the walk goes on a while (a
-- common name fills the page soon); otherwise, or once the walk has gone far enough, the trigram index,
-- planned for these needles, gives the rest after the ids walked.
CREATE FUNCTION search_rowids(needles text[], max_rows bigint, mask bigint) RETURNS TABLE (rowid bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = public, pg_temp SET max_parallel_workers_per_gather = 0 AS $$
DECLARE
    probe CONSTANT bigint := 2500;
    reach CONSTANT bigint := 30000;
    wanted bigint := least(max_rows, 10000);
    tests text := '';
    likes text := '';
    patterns text[] := '{}';
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
    -- "+ 0": not the key's order, so the plan is the trigram index's bitmap, then a sort of what it found.
    RETURN QUERY EXECUTE format('SELECT s.rowid FROM public.search_index s WHERE s.rowid > $3 AND %s '
                                'ORDER BY s.rowid + 0 LIMIT $2', likes)
        USING needles, wanted - cardinality(hits), walked, patterns;
END;
$$;

-- A whole phone number (ten digits or more): the people with a number that starts with it, or else (a
-- country code in front) with one that holds it. One trigram lookup for both, those that start first.
CREATE FUNCTION search_number_rowids(digits text, max_rows bigint) RETURNS TABLE (rowid bigint, starts boolean)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF digits IS NULL OR digits !~ '^[0-9]{3,40}$' OR max_rows IS NULL OR max_rows <= 0 THEN
        RETURN;
    END IF;
    RETURN QUERY EXECUTE 'SELECT s.rowid, strpos(s.body, $3) > 0 FROM public.search_index s '
                         'WHERE s.body LIKE $1 ORDER BY 2 DESC, s.rowid LIMIT $2'
        USING '%' || digits || '%', least(max_rows, 10000), '  ' || digits;
END;
$$;

REVOKE ALL ON FUNCTION search_rowids(text[], bigint, bigint), search_number_rowids(text, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION search_rowids(text[], bigint, bigint), search_number_rowids(text, bigint)
    TO portaldesk_support_agent;
