-- Not timed: link-level precision and recall against truth.csv (loaded by scripts/bench into table truth), judged
-- by customer: the truth names a spell, the identity link is to its customer.

WITH truth_customer AS (
    SELECT t.hmrc_id, s.customer_id FROM truth t JOIN spell s USING (claim_id)
), agreed AS (
    SELECT count(*) AS n FROM link l JOIN truth_customer t USING (hmrc_id, customer_id)
)
SELECT (SELECT count(*) FROM link) AS links,
       (SELECT count(*) FROM truth_customer) AS true_pairs,
       agreed.n AS correct
FROM agreed;
