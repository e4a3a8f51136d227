-- The fair SQL baseline for scripts/bench --compare: what a careful analyst would do with the same two extracts in
-- PostgreSQL. Step 1: raw tables exactly as the files are (standard layout, columns by position), loaded by COPY.
-- Unlogged: a throw-away analysis database has no use for crash safety, and the program's own staging is not slowed
-- by it either.
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

CREATE UNLOGGED TABLE claims_raw (
    claim_id text, customer_id text, nino text, surname text, forenames text, date_of_birth text, sex text,
    postcode text, benefit text, employed text, lone_parent text, disabled text, has_children text, programme text,
    claim_start text, claim_end text, office_code text, district_code text, area_code text);

CREATE UNLOGGED TABLE hmrc_raw (
    hmrc_id text, nino text, surname text, forenames text, date_of_birth text, sex text, postcode text,
    employer_ref text, employment_start text, notified_on text);

CREATE UNLOGGED TABLE deprived_area (area_code text PRIMARY KEY);

-- A date, or NULL when the text is not a real YYYY-MM-DD date (the reader treats those as blank or rejects the row).
-- Plain SQL so the planner inlines it: no PL/pgSQL exception block a row.
CREATE FUNCTION date_or_null(s text) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN s ~ '^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$'
         AND substr(s, 9, 2)::int <= extract(day FROM make_date(substr(s, 1, 4)::int, substr(s, 6, 2)::int, 1)
                                                    + interval '1 month - 1 day')
        THEN s::date
    END
$$;

-- SPEC §3: upper case, spaces and hyphens dropped; valid prefix letters; none of the banned prefixes; the stem is
-- the two letters and six digits (suffix ignored). Anything else (blank, temporary TN…, invalid) is no NINo.
CREATE FUNCTION nino_stem(s text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN n ~ '^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][0-9]{6}[A-D]?$'
         AND left(n, 2) NOT IN ('BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ')
        THEN left(n, 8)
    END
    FROM (SELECT upper(translate(coalesce(s, ''), ' -', '')) AS n) AS normalised
$$;
