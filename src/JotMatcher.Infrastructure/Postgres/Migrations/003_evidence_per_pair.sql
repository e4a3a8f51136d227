-- Evidence as one row per pair (outcome, referral or review case) with its fields, levels and weights as arrays in
-- the matcher's order, instead of one row per field: eight times fewer rows to COPY and delete per month, and a
-- pair's whole waterfall in one place. Evidence is re-derived by every run, so nothing is carried over.

DROP TABLE jot.evidence;

CREATE TABLE jot.evidence (
    month    text               NOT NULL,
    subject  text               NOT NULL CHECK (subject IN ('outcome', 'referral', 'review')),
    hmrc_id  text               NOT NULL,
    claim_id text               NOT NULL,
    fields   text[]             NOT NULL,
    levels   text[]             NOT NULL,
    weights  double precision[] NOT NULL,
    CHECK (cardinality(fields) = cardinality(levels) AND cardinality(fields) = cardinality(weights))
);
CREATE INDEX evidence_month ON jot.evidence (month);
