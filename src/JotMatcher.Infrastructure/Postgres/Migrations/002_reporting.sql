-- Reporting views for analysts (SPEC §7). The role jot_reporting may read these views and nothing else: it has
-- no right on schema jot, and a view reads its tables with its owner's rights. Views carry the keyed pseudonym
-- of the NINo (HMAC-SHA256, computed by the program; the key never reaches the database), never the NINo.

DO $$
BEGIN
    CREATE ROLE jot_reporting NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL; -- roles are cluster-wide: another database of this cluster created it already.
END
$$;

CREATE SCHEMA reporting;
REVOKE ALL ON SCHEMA reporting FROM PUBLIC;
GRANT USAGE ON SCHEMA reporting TO jot_reporting;

-- The performance year (April to March) of a YYYY-MM month, as YYYY-YY.
CREATE VIEW reporting.month_calendar AS
SELECT m.month,
       to_char(y.start_year, 'FM0000') || '-' || to_char((y.start_year + 1) % 100, 'FM00') AS performance_year
FROM (SELECT month FROM jot.month_result UNION SELECT month FROM jot.profile) m
CROSS JOIN LATERAL (
    SELECT CASE WHEN substr(m.month, 6, 2)::int >= 4 THEN substr(m.month, 1, 4)::int
                ELSE substr(m.month, 1, 4)::int - 1 END AS start_year) y;

-- One row per job outcome, identified by ids and the NINo pseudonym.
CREATE VIEW reporting.outcomes AS
SELECT o.month, o.hmrc_id, o.claim_id, o.nino_pseudonym, o.match_method, round(o.match_score::numeric, 4) AS match_score,
       o.priority_group, o.base_points, o.sustain_points, o.sustain_pending, o.area_points, o.child_points,
       o.total_points, o.office_code, o.district_code, o.rule_set_version
FROM jot.outcome o;

CREATE VIEW reporting.points_by_month AS
SELECT o.month, o.district_code, o.office_code, o.priority_group,
       count(*) AS outcomes, sum(o.total_points) AS points
FROM jot.outcome o
GROUP BY o.month, o.district_code, o.office_code, o.priority_group;

-- Year to date: points of the months run so far in each performance year against the profile of those months.
CREATE VIEW reporting.year_to_date AS
WITH points AS (
    SELECT c.performance_year, o.district_code, sum(o.total_points) AS points
    FROM jot.outcome o JOIN reporting.month_calendar c ON c.month = o.month
    GROUP BY c.performance_year, o.district_code),
profile AS (
    SELECT c.performance_year, p.district_code, sum(p.points) AS profile
    FROM jot.profile p
    JOIN jot.month_result r ON r.month = p.month
    JOIN reporting.month_calendar c ON c.month = p.month
    GROUP BY c.performance_year, p.district_code)
SELECT performance_year, district_code,
       coalesce(points.points, 0) AS points,
       coalesce(profile.profile, 0) AS profile,
       CASE WHEN coalesce(profile.profile, 0) > 0
            THEN round(100.0 * coalesce(points.points, 0) / profile.profile, 1) END AS pct_achieved
FROM points FULL JOIN profile USING (performance_year, district_code);

-- One month's points per district against that month's profile.
CREATE VIEW reporting.month_vs_profile AS
WITH points AS (
    SELECT month, district_code, sum(total_points) AS points FROM jot.outcome GROUP BY month, district_code),
profile AS (
    SELECT p.month, p.district_code, p.points AS profile
    FROM jot.profile p JOIN jot.month_result r ON r.month = p.month)
SELECT month, district_code,
       coalesce(points.points, 0) AS points,
       coalesce(profile.profile, 0) AS profile,
       CASE WHEN coalesce(profile.profile, 0) > 0
            THEN round(100.0 * coalesce(points.points, 0) / profile.profile, 1) END AS pct_achieved
FROM points FULL JOIN profile USING (month, district_code);

CREATE VIEW reporting.year_to_date_by_group AS
SELECT c.performance_year, o.district_code, o.priority_group, count(*) AS outcomes, sum(o.total_points) AS points
FROM jot.outcome o JOIN reporting.month_calendar c ON c.month = o.month
GROUP BY c.performance_year, o.district_code, o.priority_group;

-- Match rates per pass per month: accepted links by pass over the month's HMRC records.
CREATE VIEW reporting.match_rates AS
SELECT r.month, l.match_method, count(l.hmrc_id) AS matched, r.hmrc_records,
       CASE WHEN r.hmrc_records > 0 THEN round(100.0 * count(l.hmrc_id) / r.hmrc_records, 2) END AS pct_matched
FROM jot.month_result r
JOIN jot.match_link l ON l.month = r.month
GROUP BY r.month, l.match_method, r.hmrc_records;

GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO jot_reporting;
