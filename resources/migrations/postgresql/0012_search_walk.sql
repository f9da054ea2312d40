-- Search at a hospital's size. Two names most families share ("lopez sofia") match thousands of people,
-- and the page wants the first of them in index order: reading the index in that order and testing each
-- body finds them within a few thousand rows, while the trigram index would first gather every match
-- (tens of milliseconds). The walk is cheap only if the body is in the index itself, so the key now
-- carries it, and a walk never visits the table. The trigram index stays for what is rare.
ALTER TABLE search_index DROP CONSTRAINT search_index_pkey;
ALTER TABLE search_index ADD CONSTRAINT search_index_pkey PRIMARY KEY (rowid) INCLUDE (body);

DROP FUNCTION search_rowids(text[], bigint);

-- Row ids whose body holds every needle (plain text: PortalDesk sends letters, digits and spaces), in
-- index order, at most max_rows. A probe of the first rows tells how common the needles are together:
-- - found there: the walk goes on, a stretch at most (a common name fills the page within it);
-- - otherwise (or once the stretch is walked) the trigram index, planned for these needles, gives the
--   rest after the rows walked.
CREATE FUNCTION search_rowids(needles text[], max_rows bigint) RETURNS TABLE (rowid bigint)
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
    last bigint;
    more bigint[];
    seen bigint;
    boundary bigint;
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
        likes := likes || CASE WHEN i > 1 THEN ' AND ' ELSE '' END || format('s.body LIKE $4[%s]', i);
        patterns := patterns || ('%' || replace(replace(replace(needles[i], '\', '\\'), '%', '\%'), '_', '\_')
                                 || '%');
    END LOOP;

    -- The probe: the first rows, then twice as many more when none of them matched. Six digits in a row
    -- (part of a phone number or an MRN) are rare: straight to the trigram index.
    boundary := -1;
    FOR stage IN 1 .. 2 LOOP
        EXIT WHEN EXISTS (SELECT 1 FROM unnest(needles) AS n(needle) WHERE n.needle ~ '[0-9]{6}');
        EXECUTE format('SELECT array_agg(w.rowid ORDER BY w.rowid) FILTER (WHERE w.hit), count(*), max(w.rowid) '
                       'FROM (SELECT s.rowid, (%s) AS hit FROM public.search_index s WHERE s.rowid > $3 '
                       'ORDER BY s.rowid LIMIT $2) w', tests)
            INTO more, seen, last USING needles, probe * stage, boundary;
        hits := hits || coalesce(more, '{}');
        IF cardinality(hits) >= wanted OR seen < probe * stage THEN
            RETURN QUERY SELECT u.r FROM unnest(hits[1:wanted]) AS u(r);
            RETURN;
        END IF;
        boundary := last;
        EXIT WHEN cardinality(hits) > 0;
    END LOOP;

    IF cardinality(hits) > 0 THEN
        EXECUTE format('SELECT array_agg(w.rowid ORDER BY w.rowid) FROM (SELECT s.rowid FROM '
                       '(SELECT t.rowid, t.body FROM public.search_index t WHERE t.rowid > $3 '
                       'ORDER BY t.rowid LIMIT $4) s WHERE %s ORDER BY s.rowid LIMIT $2) w', tests)
            INTO more USING needles, wanted - cardinality(hits), boundary, reach;
        hits := hits || coalesce(more, '{}');
        IF cardinality(hits) >= wanted THEN
            RETURN QUERY SELECT u.r FROM unnest(hits) AS u(r);
            RETURN;
        END IF;
        SELECT t.rowid INTO boundary FROM public.search_index t WHERE t.rowid > boundary
            ORDER BY t.rowid OFFSET reach - 1 LIMIT 1;
        IF boundary IS NULL THEN -- the stretch reached the end
            RETURN QUERY SELECT u.r FROM unnest(hits) AS u(r);
            RETURN;
        END IF;
    END IF;

    RETURN QUERY SELECT u.r FROM unnest(hits) AS u(r);
    -- "+ 0": not the key's order, so the plan is the trigram index's bitmap, then a sort of what it found.
    RETURN QUERY EXECUTE format('SELECT s.rowid FROM public.search_index s WHERE s.rowid > $3 AND %s '
                                'ORDER BY s.rowid + 0 LIMIT $2', likes)
        USING needles, wanted - cardinality(hits), boundary, patterns;
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

REVOKE ALL ON FUNCTION search_rowids(text[], bigint), search_number_rowids(text, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION search_rowids(text[], bigint), search_number_rowids(text, bigint)
    TO portaldesk_support_agent;
