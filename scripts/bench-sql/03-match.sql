-- Step 3: the three passes of SPEC §3 as an analyst writes them, then one customer an HMRC record.
-- Pass 1, deterministic: the same valid NINo stem, and the date of birth or the surname agreeing.
CREATE UNLOGGED TABLE candidate AS
SELECT h.hmrc_id, c.customer_id, 1 AS pass,
       2 * (h.dob IS NOT DISTINCT FROM c.dob)::int + (h.surname = c.surname)::int AS score
FROM hmrc h
JOIN customer_identity c ON c.stem = h.stem
WHERE h.dob = c.dob OR h.surname = c.surname;

CREATE INDEX ON candidate (hmrc_id);
ANALYZE candidate;

-- Pass 2, fuzzy NINo: stems at most two edits apart (Levenshtein counts an adjacent transposition as two), the same
-- date of birth, and the names agreeing (surname sounding alike, or the same forename).
INSERT INTO candidate
SELECT h.hmrc_id, c.customer_id, 2,
       1 + (h.surname = c.surname)::int + (h.forename = c.forename)::int
FROM hmrc h
JOIN customer_identity c ON c.dob = h.dob
WHERE h.stem IS NOT NULL AND c.stem IS NOT NULL AND c.stem <> h.stem
  AND NOT EXISTS (SELECT 1 FROM candidate p WHERE p.hmrc_id = h.hmrc_id)
  AND levenshtein(h.stem, c.stem) <= 2
  AND (soundex(h.surname) = soundex(c.surname) OR h.forename = c.forename);

ANALYZE candidate;

-- Pass 3, name and date of birth, for records with no usable NINo on one side (or NINos that do not disagree):
-- the same date of birth, the same forename initial, and the surname sounding alike — or, for a changed surname,
-- the same forename and postcode. Scored by how much else agrees.
INSERT INTO candidate
SELECT h.hmrc_id, c.customer_id, 3,
       2 * (h.surname = c.surname)::int + 2 * (h.forename = c.forename)::int + (h.postcode = c.postcode)::int
FROM hmrc h
JOIN customer_identity c ON c.dob = h.dob
WHERE NOT EXISTS (SELECT 1 FROM candidate p WHERE p.hmrc_id = h.hmrc_id)
  AND (h.stem IS NULL OR c.stem IS NULL)
  AND left(h.forename, 1) = left(c.forename, 1)
  AND (dmetaphone(h.surname) = dmetaphone(c.surname)
       OR (h.forename = c.forename AND h.postcode = c.postcode AND h.postcode <> ''));

-- One customer an HMRC record: the earliest pass, then the best score; a tie between customers is left unlinked
-- (a review case), never settled by input order.
CREATE UNLOGGED TABLE link AS
WITH best AS (
    SELECT DISTINCT ON (hmrc_id, customer_id) hmrc_id, customer_id, pass, score
    FROM candidate
    ORDER BY hmrc_id, customer_id, pass, score DESC
), ranked AS (
    SELECT best.*,
           rank() OVER (PARTITION BY hmrc_id ORDER BY pass, score DESC) AS place,
           count(*) OVER (PARTITION BY hmrc_id, pass, score) AS sharing
    FROM best
)
SELECT hmrc_id, customer_id, pass, score FROM ranked WHERE place = 1 AND sharing = 1;

CREATE INDEX ON link (hmrc_id);
ANALYZE link;
