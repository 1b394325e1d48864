import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Time on the list in the monthly snapshots: analytics_person_month gains days_on_list (for a young
 * person on the list at the month end, the days from the start of the spell they were on to the
 * month's last day; empty otherwise), and analytics_month_count a DAYS_ON_LIST breakdown (how many
 * were on the list for each number of days), from which the month's median is read. The functions
 * that compute and count the rows are replaced to fill them; the snapshot is rebuilt at the next
 * start (its catalogue is cleared, which analytics_ensure treats as a changed catalogue).
 */
export class AnalyticsTimeOnList1795590000004 implements MigrationInterface {
  name = 'AnalyticsTimeOnList1795590000004';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE analytics_person_month ADD COLUMN days_on_list integer`);
    for (const sql of UP) await queryRunner.query(sql);
    await queryRunner.query(`UPDATE analytics_state SET catalogue = NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM analytics_month_count WHERE dim = 'DAYS_ON_LIST'`);
    await queryRunner.query(`ALTER TABLE analytics_person_month DROP COLUMN days_on_list`);
    for (const sql of DOWN) await queryRunner.query(sql);
    await queryRunner.query(`UPDATE analytics_state SET catalogue = NULL`);
  }
}

const UP = [
  `CREATE OR REPLACE FUNCTION analytics_compute(ids uuid[], from_period date, horizon date) RETURNS SETOF analytics_person_month
LANGUAGE sql STABLE AS $fn$
WITH final AS (
  SELECT ra.id, ra.young_person_id AS yp, ra.assessed_on, ra.final_score, ra.rag, ra.next_review_on, coalesce(ra.models, '{}') AS models,
         lag(ra.final_score) OVER w AS prev_score, lag(ra.next_review_on) OVER w AS prev_due, lead(ra.assessed_on) OVER w AS next_on
  FROM risk_assessment ra
  WHERE ra.status = 'FINAL' AND (ids IS NULL OR ra.young_person_id = ANY(ids)) AND ra.assessed_on < horizon + interval '1 month'
  WINDOW w AS (PARTITION BY ra.young_person_id ORDER BY ra.assessed_on, ra.created_at)
), needed AS (
  -- The screenings that are someone's latest at a month end in range, or were completed in range,
  -- with the indicators they record as present (read once from the answers).
  SELECT f.yp, f.assessed_on, f.final_score, f.rag, f.next_review_on, f.models, f.prev_score, f.prev_due, f.next_on,
         jsonb_path_query_array(x.answers, '$.keyvalue() ? (@.value.answer == "PRESENT").key') AS present
  FROM final f JOIN risk_assessment x ON x.id = f.id
  WHERE from_period IS NULL OR f.assessed_on >= from_period OR f.next_on IS NULL OR date_trunc('month', f.next_on)::date > from_period
), in_range AS (
  SELECT n.*, date_trunc('month', n.assessed_on)::date AS period FROM needed n WHERE from_period IS NULL OR n.assessed_on >= from_period
), screened AS (
  SELECT yp, period,
         count(*) FILTER (WHERE final_score > prev_score) AS escalations,
         count(*) FILTER (WHERE final_score < prev_score) AS deescalations,
         count(*) FILTER (WHERE prev_due IS NOT NULL AND assessed_on <= prev_due) AS on_time,
         count(*) FILTER (WHERE prev_due IS NOT NULL AND assessed_on > prev_due) AS late
  FROM in_range GROUP BY yp, period
), screened_models AS (
  SELECT f.yp, f.period, array_agg(m ORDER BY m) AS models FROM in_range f CROSS JOIN unnest(f.models) m GROUP BY f.yp, f.period
), screened_present AS (
  SELECT f.yp, f.period, array_agg(k ORDER BY k) AS present FROM in_range f CROSS JOIN jsonb_array_elements_text(f.present) k GROUP BY f.yp, f.period
), spells AS (
  SELECT lm.young_person_id AS yp, lm.started_on, lm.ended_on, lm.end_kind FROM list_membership lm
  WHERE (ids IS NULL OR lm.young_person_id = ANY(ids)) AND lm.started_on < horizon + interval '1 month' AND (from_period IS NULL OR lm.ended_on IS NULL OR lm.ended_on >= from_period)
), on_list AS (
  -- With the day the spell they were on at the month end began.
  SELECT s.yp, m::date AS period, max(s.started_on) AS since
  FROM spells s CROSS JOIN generate_series(
    greatest(date_trunc('month', s.started_on), coalesce(from_period, date_trunc('month', s.started_on))),
    CASE WHEN s.ended_on IS NULL THEN horizon ELSE least(horizon, (date_trunc('month', s.ended_on) - interval '1 month')::date) END,
    interval '1 month') m
  GROUP BY 1, 2
), joined AS (
  SELECT yp, date_trunc('month', started_on)::date AS period, count(*) AS n FROM spells WHERE from_period IS NULL OR started_on >= from_period GROUP BY 1, 2
), ended AS (
  SELECT yp, date_trunc('month', ended_on)::date AS period, count(*) FILTER (WHERE end_kind = 'STEPPED_DOWN') AS stepped, count(*) FILTER (WHERE end_kind = 'CLOSED') AS closed
  FROM spells WHERE ended_on IS NOT NULL AND ended_on < horizon + interval '1 month' AND (from_period IS NULL OR ended_on >= from_period) GROUP BY 1, 2
), episodes AS (
  SELECT e.yp, date_trunc('month', e.on_day)::date AS period, count(*) AS n, count(*) FILTER (WHERE e.on_list) AS on_list
  FROM (
    SELECT me.young_person_id AS yp, me.started_at::date AS on_day,
           EXISTS (SELECT 1 FROM list_membership lm WHERE lm.young_person_id = me.young_person_id AND lm.started_on <= me.started_at::date
                   AND (lm.ended_on IS NULL OR lm.ended_on > me.started_at::date)) AS on_list
    FROM missing_episode me
    WHERE (ids IS NULL OR me.young_person_id = ANY(ids)) AND me.started_at < horizon + interval '1 month' AND (from_period IS NULL OR me.started_at >= from_period)
  ) e GROUP BY 1, 2
), months AS (
  SELECT yp, period FROM on_list UNION SELECT yp, period FROM joined UNION SELECT yp, period FROM ended
  UNION SELECT yp, period FROM screened UNION SELECT yp, period FROM episodes
), last_month AS (
  SELECT yp, max(period) AS last FROM months GROUP BY yp
), latest AS (
  -- Each screening is the latest at the ends of the months from its own to the one before the next screening's.
  SELECT n.yp, m::date AS period, n.rag, n.final_score, n.next_review_on, ARRAY(SELECT DISTINCT x FROM unnest(n.models) x ORDER BY 1) AS models,
         ARRAY(SELECT DISTINCT ai.dimension || ':' || ai.category FROM analytics_indicator ai WHERE n.present ? ai.indicator_id ORDER BY 1) AS categories
  FROM needed n JOIN last_month lm ON lm.yp = n.yp CROSS JOIN generate_series(
    greatest(date_trunc('month', n.assessed_on), coalesce(from_period, date_trunc('month', n.assessed_on))),
    CASE WHEN n.next_on IS NULL THEN lm.last ELSE least(lm.last, (date_trunc('month', n.next_on) - interval '1 month')::date) END,
    interval '1 month') m
)
SELECT m.period, m.yp, ol.yp IS NOT NULL,
       yp.gender, yp.ethnicity, yp.legal_status, yp.placement_type, yp.send, yp.education_status, yp.presentation, yp.home_ward,
       CASE WHEN date_part('year', age(e.end_on, yp.date_of_birth)) < 13 THEN 'UNDER_13'
            WHEN date_part('year', age(e.end_on, yp.date_of_birth)) <= 14 THEN 'AGE_13_14'
            WHEN date_part('year', age(e.end_on, yp.date_of_birth)) = 15 THEN 'AGE_15'
            WHEN date_part('year', age(e.end_on, yp.date_of_birth)) = 16 THEN 'AGE_16'
            WHEN date_part('year', age(e.end_on, yp.date_of_birth)) = 17 THEN 'AGE_17'
            ELSE 'AGE_18_PLUS' END,
       la.rag, la.final_score, la.next_review_on, coalesce(la.models, '{}'), coalesce(la.categories, '{}'),
       coalesce(j.n, 0)::int, coalesce(en.stepped, 0)::int, coalesce(en.closed, 0)::int,
       coalesce(sc.escalations, 0)::int, coalesce(sc.deescalations, 0)::int, coalesce(sc.on_time, 0)::int, coalesce(sc.late, 0)::int,
       coalesce(ep.n, 0)::int, coalesce(ep.on_list, 0)::int, coalesce(sm.models, '{}'), coalesce(sp.present, '{}'),
       CASE WHEN ol.yp IS NOT NULL THEN e.end_on - ol.since END
FROM months m
JOIN young_person yp ON yp.id = m.yp
CROSS JOIN LATERAL (SELECT (m.period + interval '1 month' - interval '1 day')::date AS end_on) e
LEFT JOIN on_list ol ON ol.yp = m.yp AND ol.period = m.period
LEFT JOIN latest la ON la.yp = m.yp AND la.period = m.period
LEFT JOIN joined j ON j.yp = m.yp AND j.period = m.period
LEFT JOIN ended en ON en.yp = m.yp AND en.period = m.period
LEFT JOIN screened sc ON sc.yp = m.yp AND sc.period = m.period
LEFT JOIN screened_models sm ON sm.yp = m.yp AND sm.period = m.period
LEFT JOIN screened_present sp ON sp.yp = m.yp AND sp.period = m.period
LEFT JOIN episodes ep ON ep.yp = m.yp AND ep.period = m.period
WHERE m.period <= horizon AND (from_period IS NULL OR m.period >= from_period)
$fn$`,
  `CREATE OR REPLACE FUNCTION analytics_categories(r analytics_person_month) RETURNS TABLE (period date, dim text, category text, n integer)
LANGUAGE sql IMMUTABLE AS $fn$
  SELECT r.period, x.dim, x.category, x.n FROM (
    SELECT 'TOTAL', '', 1 WHERE r.on_list
    UNION ALL SELECT 'RAG', coalesce(r.rag, 'NONE'), 1 WHERE r.on_list
    UNION ALL SELECT 'SCORE', coalesce(r.final_score::text, 'NONE'), 1 WHERE r.on_list
    UNION ALL SELECT 'AGE_BAND', r.age_band, 1 WHERE r.on_list
    UNION ALL SELECT 'GENDER', r.gender, 1 WHERE r.on_list
    UNION ALL SELECT 'ETHNICITY', r.ethnicity, 1 WHERE r.on_list
    UNION ALL SELECT 'LEGAL_STATUS', r.legal_status, 1 WHERE r.on_list
    UNION ALL SELECT 'PLACEMENT', r.placement_type, 1 WHERE r.on_list
    UNION ALL SELECT 'SEND', r.send, 1 WHERE r.on_list
    UNION ALL SELECT 'EDUCATION', r.education_status, 1 WHERE r.on_list
    UNION ALL SELECT 'PRESENTATION', r.presentation, 1 WHERE r.on_list
    UNION ALL SELECT 'WARD', coalesce(r.home_ward, 'Not recorded'), 1 WHERE r.on_list
    UNION ALL SELECT 'MODEL', m, 1 FROM unnest(r.models) m WHERE r.on_list
    UNION ALL SELECT split_part(c, ':', 1), substr(c, strpos(c, ':') + 1), 1 FROM unnest(r.categories) c WHERE r.on_list
    UNION ALL SELECT 'FLOW', f.k, f.v FROM (VALUES
        ('onList', r.on_list::int), ('newToList', r.joined), ('steppedDown', r.stepped_down), ('closed', r.closed),
        ('escalations', r.escalations), ('deescalations', r.deescalations), ('reviewsOnTime', r.reviews_on_time), ('reviewsLate', r.reviews_late),
        ('reviewsOverdue', (r.on_list AND r.next_review_on < (r.period + interval '1 month' - interval '1 day')::date)::int),
        ('missingEpisodes', r.missing_episodes), ('missingYoungPeople', (r.missing_episodes > 0)::int), ('missingOnList', r.missing_on_list)) f(k, v)
      WHERE f.v <> 0
    UNION ALL SELECT 'DAYS_ON_LIST', r.days_on_list::text, 1 WHERE r.on_list AND r.days_on_list IS NOT NULL
    UNION ALL SELECT 'SCREENED_MODEL', m, 1 FROM unnest(r.screened_models) m
    UNION ALL SELECT 'SCREENED_INDICATOR', i, 1 FROM unnest(r.screened_present) i
  ) x(dim, category, n)
$fn$`,
  `-- Adds to analytics_month_count what the rows from a month on count (all rows when since is NULL).
CREATE OR REPLACE FUNCTION analytics_count(since date) RETURNS void LANGUAGE sql AS $fn$
  INSERT INTO analytics_month_count AS t (period, dim, category, n)
  SELECT period, dim, category, sum(n)::int FROM (
    SELECT period,
           CASE WHEN GROUPING(rag) = 0 THEN 'RAG' WHEN GROUPING(score) = 0 THEN 'SCORE' WHEN GROUPING(age_band) = 0 THEN 'AGE_BAND'
                WHEN GROUPING(gender) = 0 THEN 'GENDER' WHEN GROUPING(ethnicity) = 0 THEN 'ETHNICITY' WHEN GROUPING(legal_status) = 0 THEN 'LEGAL_STATUS'
                WHEN GROUPING(placement_type) = 0 THEN 'PLACEMENT' WHEN GROUPING(send) = 0 THEN 'SEND' WHEN GROUPING(education_status) = 0 THEN 'EDUCATION'
                WHEN GROUPING(presentation) = 0 THEN 'PRESENTATION' WHEN GROUPING(ward) = 0 THEN 'WARD' ELSE 'TOTAL' END AS dim,
           coalesce(rag, score, age_band, gender, ethnicity, legal_status, placement_type, send, education_status, presentation, ward, '') AS category,
           count(*) AS n
    FROM (SELECT period, coalesce(rag, 'NONE') AS rag, coalesce(final_score::text, 'NONE') AS score, age_band, gender, ethnicity, legal_status, placement_type,
                 send, education_status, presentation, coalesce(home_ward, 'Not recorded') AS ward
          FROM analytics_person_month WHERE on_list AND (since IS NULL OR period >= since)) s
    GROUP BY GROUPING SETS ((period), (period, rag), (period, score), (period, age_band), (period, gender), (period, ethnicity), (period, legal_status),
                            (period, placement_type), (period, send), (period, education_status), (period, presentation), (period, ward))
    UNION ALL
    SELECT period, 'MODEL', m, count(*) FROM analytics_person_month, unnest(models) m WHERE on_list AND (since IS NULL OR period >= since) GROUP BY 1, 3
    UNION ALL
    SELECT period, split_part(c, ':', 1), substr(c, strpos(c, ':') + 1), count(*) FROM analytics_person_month, unnest(categories) c
    WHERE on_list AND (since IS NULL OR period >= since) GROUP BY 1, 2, 3
    UNION ALL
    SELECT s.period, 'FLOW', f.k, sum(f.v) FROM (
      SELECT period, count(*) FILTER (WHERE on_list) AS on_list, sum(joined) AS joined, sum(stepped_down) AS stepped_down, sum(closed) AS closed,
             sum(escalations) AS escalations, sum(deescalations) AS deescalations, sum(reviews_on_time) AS on_time, sum(reviews_late) AS late,
             count(*) FILTER (WHERE on_list AND next_review_on < (period + interval '1 month' - interval '1 day')::date) AS overdue,
             sum(missing_episodes) AS episodes, count(*) FILTER (WHERE missing_episodes > 0) AS missing_people, sum(missing_on_list) AS missing_on_list
      FROM analytics_person_month WHERE since IS NULL OR period >= since GROUP BY period
    ) s CROSS JOIN LATERAL (VALUES ('onList', s.on_list), ('newToList', s.joined), ('steppedDown', s.stepped_down), ('closed', s.closed),
        ('escalations', s.escalations), ('deescalations', s.deescalations), ('reviewsOnTime', s.on_time), ('reviewsLate', s.late),
        ('reviewsOverdue', s.overdue), ('missingEpisodes', s.episodes), ('missingYoungPeople', s.missing_people), ('missingOnList', s.missing_on_list)) f(k, v)
    WHERE f.v <> 0 GROUP BY 1, 3
    UNION ALL
    SELECT period, 'DAYS_ON_LIST', days_on_list::text, count(*) FROM analytics_person_month
    WHERE on_list AND days_on_list IS NOT NULL AND (since IS NULL OR period >= since) GROUP BY 1, 3
    UNION ALL
    SELECT period, 'SCREENED_MODEL', m, count(*) FROM analytics_person_month, unnest(screened_models) m WHERE since IS NULL OR period >= since GROUP BY 1, 3
    UNION ALL
    SELECT period, 'SCREENED_INDICATOR', i, count(*) FROM analytics_person_month, unnest(screened_present) i WHERE since IS NULL OR period >= since GROUP BY 1, 3
  ) x GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (period, dim, category) DO UPDATE SET n = t.n + EXCLUDED.n
$fn$`,
];

/** The functions as the AnalyticsSnapshots migration made them. */
const DOWN = [
  `CREATE OR REPLACE FUNCTION analytics_compute(ids uuid[], from_period date, horizon date) RETURNS SETOF analytics_person_month
LANGUAGE sql STABLE AS $fn$
WITH final AS (
  SELECT ra.id, ra.young_person_id AS yp, ra.assessed_on, ra.final_score, ra.rag, ra.next_review_on, coalesce(ra.models, '{}') AS models,
         lag(ra.final_score) OVER w AS prev_score, lag(ra.next_review_on) OVER w AS prev_due, lead(ra.assessed_on) OVER w AS next_on
  FROM risk_assessment ra
  WHERE ra.status = 'FINAL' AND (ids IS NULL OR ra.young_person_id = ANY(ids)) AND ra.assessed_on < horizon + interval '1 month'
  WINDOW w AS (PARTITION BY ra.young_person_id ORDER BY ra.assessed_on, ra.created_at)
), needed AS (
  -- The screenings that are someone's latest at a month end in range, or were completed in range,
  -- with the indicators they record as present (read once from the answers).
  SELECT f.yp, f.assessed_on, f.final_score, f.rag, f.next_review_on, f.models, f.prev_score, f.prev_due, f.next_on,
         jsonb_path_query_array(x.answers, '$.keyvalue() ? (@.value.answer == "PRESENT").key') AS present
  FROM final f JOIN risk_assessment x ON x.id = f.id
  WHERE from_period IS NULL OR f.assessed_on >= from_period OR f.next_on IS NULL OR date_trunc('month', f.next_on)::date > from_period
), in_range AS (
  SELECT n.*, date_trunc('month', n.assessed_on)::date AS period FROM needed n WHERE from_period IS NULL OR n.assessed_on >= from_period
), screened AS (
  SELECT yp, period,
         count(*) FILTER (WHERE final_score > prev_score) AS escalations,
         count(*) FILTER (WHERE final_score < prev_score) AS deescalations,
         count(*) FILTER (WHERE prev_due IS NOT NULL AND assessed_on <= prev_due) AS on_time,
         count(*) FILTER (WHERE prev_due IS NOT NULL AND assessed_on > prev_due) AS late
  FROM in_range GROUP BY yp, period
), screened_models AS (
  SELECT f.yp, f.period, array_agg(m ORDER BY m) AS models FROM in_range f CROSS JOIN unnest(f.models) m GROUP BY f.yp, f.period
), screened_present AS (
  SELECT f.yp, f.period, array_agg(k ORDER BY k) AS present FROM in_range f CROSS JOIN jsonb_array_elements_text(f.present) k GROUP BY f.yp, f.period
), spells AS (
  SELECT lm.young_person_id AS yp, lm.started_on, lm.ended_on, lm.end_kind FROM list_membership lm
  WHERE (ids IS NULL OR lm.young_person_id = ANY(ids)) AND lm.started_on < horizon + interval '1 month' AND (from_period IS NULL OR lm.ended_on IS NULL OR lm.ended_on >= from_period)
), on_list AS (
  SELECT DISTINCT s.yp, m::date AS period
  FROM spells s CROSS JOIN generate_series(
    greatest(date_trunc('month', s.started_on), coalesce(from_period, date_trunc('month', s.started_on))),
    CASE WHEN s.ended_on IS NULL THEN horizon ELSE least(horizon, (date_trunc('month', s.ended_on) - interval '1 month')::date) END,
    interval '1 month') m
), joined AS (
  SELECT yp, date_trunc('month', started_on)::date AS period, count(*) AS n FROM spells WHERE from_period IS NULL OR started_on >= from_period GROUP BY 1, 2
), ended AS (
  SELECT yp, date_trunc('month', ended_on)::date AS period, count(*) FILTER (WHERE end_kind = 'STEPPED_DOWN') AS stepped, count(*) FILTER (WHERE end_kind = 'CLOSED') AS closed
  FROM spells WHERE ended_on IS NOT NULL AND ended_on < horizon + interval '1 month' AND (from_period IS NULL OR ended_on >= from_period) GROUP BY 1, 2
), episodes AS (
  SELECT e.yp, date_trunc('month', e.on_day)::date AS period, count(*) AS n, count(*) FILTER (WHERE e.on_list) AS on_list
  FROM (
    SELECT me.young_person_id AS yp, me.started_at::date AS on_day,
           EXISTS (SELECT 1 FROM list_membership lm WHERE lm.young_person_id = me.young_person_id AND lm.started_on <= me.started_at::date
                   AND (lm.ended_on IS NULL OR lm.ended_on > me.started_at::date)) AS on_list
    FROM missing_episode me
    WHERE (ids IS NULL OR me.young_person_id = ANY(ids)) AND me.started_at < horizon + interval '1 month' AND (from_period IS NULL OR me.started_at >= from_period)
  ) e GROUP BY 1, 2
), months AS (
  SELECT yp, period FROM on_list UNION SELECT yp, period FROM joined UNION SELECT yp, period FROM ended
  UNION SELECT yp, period FROM screened UNION SELECT yp, period FROM episodes
), last_month AS (
  SELECT yp, max(period) AS last FROM months GROUP BY yp
), latest AS (
  -- Each screening is the latest at the ends of the months from its own to the one before the next screening's.
  SELECT n.yp, m::date AS period, n.rag, n.final_score, n.next_review_on, ARRAY(SELECT DISTINCT x FROM unnest(n.models) x ORDER BY 1) AS models,
         ARRAY(SELECT DISTINCT ai.dimension || ':' || ai.category FROM analytics_indicator ai WHERE n.present ? ai.indicator_id ORDER BY 1) AS categories
  FROM needed n JOIN last_month lm ON lm.yp = n.yp CROSS JOIN generate_series(
    greatest(date_trunc('month', n.assessed_on), coalesce(from_period, date_trunc('month', n.assessed_on))),
    CASE WHEN n.next_on IS NULL THEN lm.last ELSE least(lm.last, (date_trunc('month', n.next_on) - interval '1 month')::date) END,
    interval '1 month') m
)
SELECT m.period, m.yp, ol.yp IS NOT NULL,
       yp.gender, yp.ethnicity, yp.legal_status, yp.placement_type, yp.send, yp.education_status, yp.presentation, yp.home_ward,
       CASE WHEN date_part('year', age(e.end_on, yp.date_of_birth)) < 13 THEN 'UNDER_13'
            WHEN date_part('year', age(e.end_on, yp.date_of_birth)) <= 14 THEN 'AGE_13_14'
            WHEN date_part('year', age(e.end_on, yp.date_of_birth)) = 15 THEN 'AGE_15'
            WHEN date_part('year', age(e.end_on, yp.date_of_birth)) = 16 THEN 'AGE_16'
            WHEN date_part('year', age(e.end_on, yp.date_of_birth)) = 17 THEN 'AGE_17'
            ELSE 'AGE_18_PLUS' END,
       la.rag, la.final_score, la.next_review_on, coalesce(la.models, '{}'), coalesce(la.categories, '{}'),
       coalesce(j.n, 0)::int, coalesce(en.stepped, 0)::int, coalesce(en.closed, 0)::int,
       coalesce(sc.escalations, 0)::int, coalesce(sc.deescalations, 0)::int, coalesce(sc.on_time, 0)::int, coalesce(sc.late, 0)::int,
       coalesce(ep.n, 0)::int, coalesce(ep.on_list, 0)::int, coalesce(sm.models, '{}'), coalesce(sp.present, '{}')
FROM months m
JOIN young_person yp ON yp.id = m.yp
CROSS JOIN LATERAL (SELECT (m.period + interval '1 month' - interval '1 day')::date AS end_on) e
LEFT JOIN on_list ol ON ol.yp = m.yp AND ol.period = m.period
LEFT JOIN latest la ON la.yp = m.yp AND la.period = m.period
LEFT JOIN joined j ON j.yp = m.yp AND j.period = m.period
LEFT JOIN ended en ON en.yp = m.yp AND en.period = m.period
LEFT JOIN screened sc ON sc.yp = m.yp AND sc.period = m.period
LEFT JOIN screened_models sm ON sm.yp = m.yp AND sm.period = m.period
LEFT JOIN screened_present sp ON sp.yp = m.yp AND sp.period = m.period
LEFT JOIN episodes ep ON ep.yp = m.yp AND ep.period = m.period
WHERE m.period <= horizon AND (from_period IS NULL OR m.period >= from_period)
$fn$`,
  `CREATE OR REPLACE FUNCTION analytics_categories(r analytics_person_month) RETURNS TABLE (period date, dim text, category text, n integer)
LANGUAGE sql IMMUTABLE AS $fn$
  SELECT r.period, x.dim, x.category, x.n FROM (
    SELECT 'TOTAL', '', 1 WHERE r.on_list
    UNION ALL SELECT 'RAG', coalesce(r.rag, 'NONE'), 1 WHERE r.on_list
    UNION ALL SELECT 'SCORE', coalesce(r.final_score::text, 'NONE'), 1 WHERE r.on_list
    UNION ALL SELECT 'AGE_BAND', r.age_band, 1 WHERE r.on_list
    UNION ALL SELECT 'GENDER', r.gender, 1 WHERE r.on_list
    UNION ALL SELECT 'ETHNICITY', r.ethnicity, 1 WHERE r.on_list
    UNION ALL SELECT 'LEGAL_STATUS', r.legal_status, 1 WHERE r.on_list
    UNION ALL SELECT 'PLACEMENT', r.placement_type, 1 WHERE r.on_list
    UNION ALL SELECT 'SEND', r.send, 1 WHERE r.on_list
    UNION ALL SELECT 'EDUCATION', r.education_status, 1 WHERE r.on_list
    UNION ALL SELECT 'PRESENTATION', r.presentation, 1 WHERE r.on_list
    UNION ALL SELECT 'WARD', coalesce(r.home_ward, 'Not recorded'), 1 WHERE r.on_list
    UNION ALL SELECT 'MODEL', m, 1 FROM unnest(r.models) m WHERE r.on_list
    UNION ALL SELECT split_part(c, ':', 1), substr(c, strpos(c, ':') + 1), 1 FROM unnest(r.categories) c WHERE r.on_list
    UNION ALL SELECT 'FLOW', f.k, f.v FROM (VALUES
        ('onList', r.on_list::int), ('newToList', r.joined), ('steppedDown', r.stepped_down), ('closed', r.closed),
        ('escalations', r.escalations), ('deescalations', r.deescalations), ('reviewsOnTime', r.reviews_on_time), ('reviewsLate', r.reviews_late),
        ('reviewsOverdue', (r.on_list AND r.next_review_on < (r.period + interval '1 month' - interval '1 day')::date)::int),
        ('missingEpisodes', r.missing_episodes), ('missingYoungPeople', (r.missing_episodes > 0)::int), ('missingOnList', r.missing_on_list)) f(k, v)
      WHERE f.v <> 0
    UNION ALL SELECT 'SCREENED_MODEL', m, 1 FROM unnest(r.screened_models) m
    UNION ALL SELECT 'SCREENED_INDICATOR', i, 1 FROM unnest(r.screened_present) i
  ) x(dim, category, n)
$fn$`,
  `-- Adds to analytics_month_count what the rows from a month on count (all rows when since is NULL).
CREATE OR REPLACE FUNCTION analytics_count(since date) RETURNS void LANGUAGE sql AS $fn$
  INSERT INTO analytics_month_count AS t (period, dim, category, n)
  SELECT period, dim, category, sum(n)::int FROM (
    SELECT period,
           CASE WHEN GROUPING(rag) = 0 THEN 'RAG' WHEN GROUPING(score) = 0 THEN 'SCORE' WHEN GROUPING(age_band) = 0 THEN 'AGE_BAND'
                WHEN GROUPING(gender) = 0 THEN 'GENDER' WHEN GROUPING(ethnicity) = 0 THEN 'ETHNICITY' WHEN GROUPING(legal_status) = 0 THEN 'LEGAL_STATUS'
                WHEN GROUPING(placement_type) = 0 THEN 'PLACEMENT' WHEN GROUPING(send) = 0 THEN 'SEND' WHEN GROUPING(education_status) = 0 THEN 'EDUCATION'
                WHEN GROUPING(presentation) = 0 THEN 'PRESENTATION' WHEN GROUPING(ward) = 0 THEN 'WARD' ELSE 'TOTAL' END AS dim,
           coalesce(rag, score, age_band, gender, ethnicity, legal_status, placement_type, send, education_status, presentation, ward, '') AS category,
           count(*) AS n
    FROM (SELECT period, coalesce(rag, 'NONE') AS rag, coalesce(final_score::text, 'NONE') AS score, age_band, gender, ethnicity, legal_status, placement_type,
                 send, education_status, presentation, coalesce(home_ward, 'Not recorded') AS ward
          FROM analytics_person_month WHERE on_list AND (since IS NULL OR period >= since)) s
    GROUP BY GROUPING SETS ((period), (period, rag), (period, score), (period, age_band), (period, gender), (period, ethnicity), (period, legal_status),
                            (period, placement_type), (period, send), (period, education_status), (period, presentation), (period, ward))
    UNION ALL
    SELECT period, 'MODEL', m, count(*) FROM analytics_person_month, unnest(models) m WHERE on_list AND (since IS NULL OR period >= since) GROUP BY 1, 3
    UNION ALL
    SELECT period, split_part(c, ':', 1), substr(c, strpos(c, ':') + 1), count(*) FROM analytics_person_month, unnest(categories) c
    WHERE on_list AND (since IS NULL OR period >= since) GROUP BY 1, 2, 3
    UNION ALL
    SELECT s.period, 'FLOW', f.k, sum(f.v) FROM (
      SELECT period, count(*) FILTER (WHERE on_list) AS on_list, sum(joined) AS joined, sum(stepped_down) AS stepped_down, sum(closed) AS closed,
             sum(escalations) AS escalations, sum(deescalations) AS deescalations, sum(reviews_on_time) AS on_time, sum(reviews_late) AS late,
             count(*) FILTER (WHERE on_list AND next_review_on < (period + interval '1 month' - interval '1 day')::date) AS overdue,
             sum(missing_episodes) AS episodes, count(*) FILTER (WHERE missing_episodes > 0) AS missing_people, sum(missing_on_list) AS missing_on_list
      FROM analytics_person_month WHERE since IS NULL OR period >= since GROUP BY period
    ) s CROSS JOIN LATERAL (VALUES ('onList', s.on_list), ('newToList', s.joined), ('steppedDown', s.stepped_down), ('closed', s.closed),
        ('escalations', s.escalations), ('deescalations', s.deescalations), ('reviewsOnTime', s.on_time), ('reviewsLate', s.late),
        ('reviewsOverdue', s.overdue), ('missingEpisodes', s.episodes), ('missingYoungPeople', s.missing_people), ('missingOnList', s.missing_on_list)) f(k, v)
    WHERE f.v <> 0 GROUP BY 1, 3
    UNION ALL
    SELECT period, 'SCREENED_MODEL', m, count(*) FROM analytics_person_month, unnest(screened_models) m WHERE since IS NULL OR period >= since GROUP BY 1, 3
    UNION ALL
    SELECT period, 'SCREENED_INDICATOR', i, count(*) FROM analytics_person_month, unnest(screened_present) i WHERE since IS NULL OR period >= since GROUP BY 1, 3
  ) x GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (period, dim, category) DO UPDATE SET n = t.n + EXCLUDED.n
$fn$`,
];
