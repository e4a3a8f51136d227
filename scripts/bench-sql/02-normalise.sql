-- Step 2: typed, normalised tables, indexes, statistics.
CREATE UNLOGGED TABLE spell AS
SELECT claim_id, customer_id, upper(benefit) AS benefit,
       upper(employed) = 'Y' AS employed, upper(lone_parent) = 'Y' AS lone_parent, upper(disabled) = 'Y' AS disabled,
       upper(has_children) = 'Y' AS has_children, upper(coalesce(programme, '')) AS programme,
       date_or_null(claim_start) AS claim_start, date_or_null(claim_end) AS claim_end, area_code
FROM claims_raw
WHERE date_or_null(claim_start) IS NOT NULL;

-- One identity a customer and distinct recorded form (a customer's spells normally repeat one identity).
CREATE UNLOGGED TABLE customer_identity AS
SELECT DISTINCT customer_id,
       nino_stem(nino) AS stem,
       upper(trim(surname)) AS surname,
       upper(split_part(trim(forenames), ' ', 1)) AS forename,
       date_or_null(date_of_birth) AS dob,
       upper(replace(postcode, ' ', '')) AS postcode
FROM claims_raw
WHERE date_or_null(claim_start) IS NOT NULL;

CREATE UNLOGGED TABLE hmrc AS
SELECT hmrc_id,
       nino_stem(nino) AS stem,
       upper(trim(surname)) AS surname,
       upper(split_part(trim(forenames), ' ', 1)) AS forename,
       date_or_null(date_of_birth) AS dob,
       upper(replace(postcode, ' ', '')) AS postcode,
       date_or_null(employment_start) AS employment_start
FROM hmrc_raw
WHERE date_or_null(employment_start) IS NOT NULL;

CREATE INDEX ON customer_identity (stem);
CREATE INDEX ON customer_identity (dob);
CREATE INDEX ON hmrc (hmrc_id);
CREATE INDEX ON spell (customer_id);
ANALYZE spell;
ANALYZE customer_identity;
ANALYZE hmrc;
