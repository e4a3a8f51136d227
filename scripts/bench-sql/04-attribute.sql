-- Step 4: attribution and points (SPEC §4) with window functions: the ended spell whose window holds the start
-- (nearest claim_end), one outcome a spell (earliest start, then pass and score, then hmrc_id), then the points of
-- the bundled rule sets written out as CASE expressions (2006-07 and 2007-08: windows 14/91, 182-day JSA, +1
-- sustainment after 28 days, deprived area max(ceil(50%), 2), child premium 2 from 2007-08).
CREATE UNLOGGED TABLE outcome AS
WITH windowed AS (
    SELECT l.hmrc_id, l.customer_id, l.pass, l.score, h.employment_start, s.claim_id, s.benefit, s.employed,
           s.lone_parent, s.disabled, s.has_children, s.programme, s.claim_start, s.claim_end, s.area_code,
           row_number() OVER (PARTITION BY l.hmrc_id ORDER BY abs(h.employment_start - s.claim_end), s.claim_id) AS nearest
    FROM link l
    JOIN hmrc h USING (hmrc_id)
    JOIN spell s ON s.customer_id = l.customer_id
    WHERE s.claim_end IS NOT NULL
      AND h.employment_start BETWEEN s.claim_end - 14 AND s.claim_end + 91
      AND h.employment_start >= DATE '2006-04-01'
), credited AS (
    SELECT w.*,
           row_number() OVER (PARTITION BY claim_id ORDER BY employment_start, pass, score DESC, hmrc_id) AS turn
    FROM windowed w
    WHERE nearest = 1
), grouped AS (
    SELECT c.*,
           CASE
               WHEN lone_parent OR programme IN ('ND_LP', 'ND_DP') OR benefit IN ('IS', 'IB', 'ESA', 'SDA', 'CA') THEN 1
               WHEN programme IN ('ND_50PLUS', 'ND_25PLUS', 'ND_YP', 'EZ') OR disabled
                    OR (benefit = 'JSA' AND claim_end - claim_start >= 182) THEN 2
               WHEN benefit = 'JSA' THEN 3
               WHEN NOT employed THEN 4
               ELSE 5
           END AS priority_group,
           employment_start + 28 > (SELECT as_of FROM run_parameters) AS pending
    FROM credited c
    WHERE turn = 1
)
SELECT g.hmrc_id, g.claim_id, g.priority_group,
       base.points
       + CASE WHEN g.benefit = 'JSA' AND NOT g.pending AND NOT EXISTS (
                  SELECT 1 FROM spell r
                  WHERE r.customer_id = g.customer_id AND r.benefit = 'JSA' AND r.claim_id <> g.claim_id
                    AND r.claim_start > g.employment_start AND r.claim_start <= g.employment_start + 28)
              THEN 1 ELSE 0 END
       + CASE WHEN d.area_code IS NOT NULL THEN greatest(ceil(base.points * 0.5)::int, 2) ELSE 0 END
       + CASE WHEN g.has_children AND g.employment_start >= DATE '2007-04-01' THEN 2 ELSE 0 END AS total_points,
       CASE WHEN g.benefit = 'JSA' AND g.pending THEN 'Y' ELSE 'N' END AS sustain_pending
FROM grouped g
JOIN (VALUES (1, 12), (2, 8), (3, 4), (4, 2), (5, 1)) AS base (priority_group, points) USING (priority_group)
LEFT JOIN deprived_area d ON d.area_code = g.area_code;
