-- The audit log is written by the server alone (SPEC section 7). Staff logins and the EHR feed lose
-- INSERT on audit_events; audit_append() is the only way in. It takes the writers' lock itself, links
-- each event to the chain's head, and stamps what the caller can't choose: the id, the hash, who
-- (session_user: the login that is connected) and when (the server's clock). The hash is the one the
-- desktop's verifier computes: length-prefixed UTF-8 fields, SHA-256, in hex.
--
-- The schema's owner may name the staff member (the first supervisor at "init", a service acting for
-- one): it owns the table and could write it anyway.
--
-- One clock: the server's. A database marked as a training database at "init" (by its owner, once,
-- before any patient exists) takes the workstation's "now" instead, so that a class can rehearse a
-- birthday or an expiry; a live one never does.

CREATE TABLE deployment (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    training   BOOLEAN NOT NULL,
    marked_at  TEXT NOT NULL,
    marked_by  TEXT NOT NULL
);
REVOKE ALL ON deployment FROM PUBLIC;
GRANT SELECT ON deployment TO portaldesk_support_agent, portaldesk_feed;

CREATE FUNCTION training_database() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT coalesce((SELECT d.training FROM public.deployment d WHERE d.id = 1), false)
$$;

CREATE FUNCTION audit_field(f text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT SET search_path = public, pg_temp AS $$
    SELECT octet_length(convert_to(f, 'UTF8'))::text || ':' || f || E'\n'
$$;

CREATE FUNCTION audit_append(events json) RETURNS TABLE (id bigint, hash text)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    head_id bigint;
    head_hash text;
    owner boolean;
    training boolean := training_database();
    server_at text := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
    e record;
    e_at text;
    e_staff text;
    e_details text;
    ids bigint[] := '{}';
    ats text[] := '{}';
    staffs text[] := '{}';
    workstations text[] := '{}';
    actions text[] := '{}';
    record_types text[] := '{}';
    record_ids text[] := '{}';
    patient_ids bigint[] := '{}';
    portal_user_ids bigint[] := '{}';
    detailss text[] := '{}';
    prevs text[] := '{}';
    hashes text[] := '{}';
BEGIN
    IF events IS NULL OR json_typeof(events) <> 'array' OR json_array_length(events) = 0 THEN
        RAISE EXCEPTION 'audit_append takes a JSON array of events' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT c.relowner = r.oid INTO owner
        FROM pg_class c, pg_roles r WHERE c.oid = 'public.audit_events'::regclass AND r.rolname = session_user;
    -- The same lock every writer takes at BEGIN (Database::WriterLockKey), so the head can't move.
    PERFORM pg_advisory_xact_lock(22640535506349057);
    SELECT a.id, a.hash INTO head_id, head_hash FROM public.audit_events a ORDER BY a.id DESC LIMIT 1;
    IF NOT FOUND THEN
        head_id := 0;
        head_hash := repeat('0', 64);
    END IF;
    FOR e IN SELECT * FROM json_to_recordset(events) AS x(at text, staff text, workstation text, action text,
                                                          record_type text, record_id text,
                                                          patient_id bigint, portal_user_id bigint,
                                                          details text) LOOP
        IF coalesce(e.workstation, '') = '' OR coalesce(e.action, '') = '' OR coalesce(e.record_type, '') = ''
                OR e.record_id IS NULL THEN
            RAISE EXCEPTION 'an audit event needs a workstation, an action and a record'
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        e_at := CASE WHEN training AND e.at ~ '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$' THEN e.at
                     ELSE server_at END;
        e_staff := CASE WHEN owner AND coalesce(e.staff, '') <> '' THEN e.staff ELSE session_user::text END;
        e_details := coalesce(nullif(e.details, ''), '{}');
        prevs := prevs || head_hash;
        head_hash := encode(sha256(convert_to(
                         audit_field(head_hash) || audit_field((head_id + 1)::text) || audit_field(e_at)
                         || audit_field(e_staff) || audit_field(e.workstation) || audit_field(e.action)
                         || audit_field(e.record_type) || audit_field(e.record_id)
                         || audit_field(coalesce(e.patient_id, 0)::text)
                         || audit_field(coalesce(e.portal_user_id, 0)::text) || audit_field(e_details),
                         'UTF8')), 'hex');
        head_id := head_id + 1;
        ids := ids || head_id;
        ats := ats || e_at;
        staffs := staffs || e_staff;
        workstations := workstations || e.workstation;
        actions := actions || e.action;
        record_types := record_types || e.record_type;
        record_ids := record_ids || e.record_id;
        patient_ids := patient_ids || nullif(e.patient_id, 0);
        portal_user_ids := portal_user_ids || nullif(e.portal_user_id, 0);
        detailss := detailss || e_details;
        hashes := hashes || head_hash;
    END LOOP;
    INSERT INTO public.audit_events (id, at, staff, workstation, action, record_type, record_id, patient_id,
                                     portal_user_id, details, prev_hash, hash)
        SELECT * FROM unnest(ids, ats, staffs, workstations, actions, record_types, record_ids, patient_ids,
                             portal_user_ids, detailss, prevs, hashes);
    id := head_id;
    hash := head_hash;
    RETURN NEXT;
END;
$$;

REVOKE ALL ON FUNCTION training_database(), audit_field(text), audit_append(json) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION training_database(), audit_append(json) TO portaldesk_support_agent, portaldesk_feed;
REVOKE INSERT ON audit_events FROM portaldesk_support_agent, portaldesk_him_specialist,
    portaldesk_him_supervisor, portaldesk_feed;
