import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Monthly snapshots for the analyst's figures, maintained incrementally in the database itself.
 *
 * analytics_person_month holds, for every young person and every complete month in which they were on
 * the list at the month end or something happened to them (a list spell began or ended, a final
 * screening, a missing episode), their profile on the month's last day (as the dashboard counts it:
 * record as it stands, age then, latest final screening then) and that month's flows.
 * analytics_month_count holds the same rows counted by month, breakdown and category, for the
 * unfiltered figures. Both are exact: a change to a young person's screenings, list spells, missing
 * episodes or the parts of their record the figures break down by recomputes that young person's
 * months in the same transaction (at commit, once per transaction), so a figure is never stale and
 * never differs from the rows behind it. Counts are the same for every role (disclosure control is
 * applied when they are read). The month in progress is always counted from the tables directly.
 *
 * analytics_ensure(last complete month, indicator catalogue) builds everything the first time (or when
 * the screening catalogue changes) and adds each month as it completes; the server calls it at start
 * and before reading. Bulk loads may set mase.analytics_maintenance = 'off' and call it afterwards.
 */
export class AnalyticsSnapshots1795590000002 implements MigrationInterface {
  name = 'AnalyticsSnapshots1795590000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of UP) await queryRunner.query(sql);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const t of ['risk_assessment', 'list_membership', 'missing_episode']) {
      for (const e of ['insert', 'update', 'delete']) await queryRunner.query(`DROP TRIGGER IF EXISTS ${t}_analytics_${e} ON ${t}`);
    }
    await queryRunner.query(`DROP TRIGGER IF EXISTS young_person_analytics_update ON young_person`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS young_person_analytics_delete ON young_person`);
    await queryRunner.query(`DROP TABLE analytics_pending, analytics_person_month, analytics_month_count, analytics_indicator, analytics_state CASCADE`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS analytics_touch, analytics_flush, analytics_ensure, analytics_refresh, analytics_count`);
  }
}

const UP = [
  `CREATE TABLE analytics_indicator (dimension text NOT NULL, indicator_id text NOT NULL, category text NOT NULL, PRIMARY KEY (dimension, indicator_id))`,
  `CREATE TABLE analytics_state (id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1), last_period date, catalogue text, built_at timestamptz)`,
  `INSERT INTO analytics_state (id) VALUES (1)`,
  `CREATE TABLE analytics_person_month (
  period date NOT NULL,
  young_person_id uuid NOT NULL,
  on_list boolean NOT NULL,
  gender text NOT NULL,
  ethnicity text NOT NULL,
  legal_status text NOT NULL,
  placement_type text NOT NULL,
  send text NOT NULL,
  education_status text NOT NULL,
  presentation text NOT NULL,
  home_ward text,
  age_band text NOT NULL,
  rag text,
  final_score smallint,
  next_review_on date,
  models text[] NOT NULL,
  categories text[] NOT NULL,
  joined integer NOT NULL,
  stepped_down integer NOT NULL,
  closed integer NOT NULL,
  escalations integer NOT NULL,
  deescalations integer NOT NULL,
  reviews_on_time integer NOT NULL,
  reviews_late integer NOT NULL,
  missing_episodes integer NOT NULL,
  missing_on_list integer NOT NULL,
  screened_models text[] NOT NULL,
  screened_present text[] NOT NULL,
  days_on_list integer,
  PRIMARY KEY (young_person_id, period)
)`,
  `CREATE INDEX analytics_person_month_period_idx ON analytics_person_month (period)`,
  `CREATE TABLE analytics_month_count (period date NOT NULL, dim text NOT NULL, category text NOT NULL, n integer NOT NULL, PRIMARY KEY (period, dim, category))`,
  `CREATE TABLE analytics_pending (txid xid8 NOT NULL DEFAULT pg_current_xact_id(), young_person_id uuid NOT NULL)`,
  `CREATE INDEX analytics_pending_txid_idx ON analytics_pending (txid)`,
  `CREATE FUNCTION analytics_compute(ids uuid[], from_period date, horizon date) RETURNS SETOF analytics_person_month
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
  `CREATE FUNCTION analytics_categories(r analytics_person_month) RETURNS TABLE (period date, dim text, category text, n integer)
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
CREATE FUNCTION analytics_count(since date) RETURNS void LANGUAGE sql AS $fn$
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
  `-- Recomputes the rows of some young people (after a change to their record, screenings, list spells or missing episodes) and adjusts the counts.
CREATE FUNCTION analytics_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  horizon date;
  person uuid;
BEGIN
  -- One writer per young person at a time (a large batch takes the whole snapshot), and none while
  -- the months are being extended.
  IF cardinality(ids) > 500 THEN
    PERFORM pg_advisory_xact_lock(hashtext('analytics_snapshot'));
  ELSE
    PERFORM pg_advisory_xact_lock_shared(hashtext('analytics_snapshot'));
    FOR person IN SELECT DISTINCT x FROM unnest(ids) x ORDER BY 1 LOOP
      PERFORM pg_advisory_xact_lock(hashtext('analytics_snapshot:' || person::text));
    END LOOP;
  END IF;
  SELECT last_period INTO horizon FROM analytics_state WHERE id = 1;
  IF horizon IS NULL THEN RETURN; END IF;
  WITH gone AS (DELETE FROM analytics_person_month WHERE young_person_id = ANY(ids) RETURNING *)
  INSERT INTO analytics_month_count AS t (period, dim, category, n)
  SELECT c.period, c.dim, c.category, -sum(c.n)::int FROM gone g CROSS JOIN LATERAL analytics_categories(g) c GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (period, dim, category) DO UPDATE SET n = t.n + EXCLUDED.n;
  WITH made AS (INSERT INTO analytics_person_month SELECT * FROM analytics_compute(ids, NULL, horizon) RETURNING *)
  INSERT INTO analytics_month_count AS t (period, dim, category, n)
  SELECT c.period, c.dim, c.category, sum(c.n)::int FROM made g CROSS JOIN LATERAL analytics_categories(g) c GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (period, dim, category) DO UPDATE SET n = t.n + EXCLUDED.n;
END
$fn$`,
  `-- Brings the months up to \`target\` (the last complete month) with the indicator catalogue given as
-- [[dimension, indicator id, category], …]: a full rebuild when the catalogue changed or nothing was
-- built yet, otherwise just the months newly complete. Returns the last month covered.
CREATE FUNCTION analytics_ensure(target date, wanted jsonb) RETURNS date LANGUAGE plpgsql AS $fn$
DECLARE
  st analytics_state;
BEGIN
  SELECT * INTO st FROM analytics_state WHERE id = 1;
  IF st.catalogue = wanted::text AND st.last_period >= target THEN RETURN st.last_period; END IF;
  PERFORM pg_advisory_xact_lock(hashtext('analytics_snapshot'));
  SELECT * INTO st FROM analytics_state WHERE id = 1;
  IF st.catalogue IS DISTINCT FROM wanted::text OR st.last_period IS NULL THEN
    DELETE FROM analytics_indicator;
    INSERT INTO analytics_indicator (dimension, indicator_id, category)
    SELECT DISTINCT x ->> 0, x ->> 1, x ->> 2 FROM jsonb_array_elements(wanted) x;
    TRUNCATE analytics_person_month, analytics_month_count;
    INSERT INTO analytics_person_month SELECT * FROM analytics_compute(NULL, NULL, target);
    PERFORM analytics_count(NULL);
  ELSIF st.last_period < target THEN
    INSERT INTO analytics_person_month SELECT * FROM analytics_compute(NULL, (st.last_period + interval '1 month')::date, target);
    PERFORM analytics_count((st.last_period + interval '1 month')::date);
  ELSE
    RETURN st.last_period;
  END IF;
  UPDATE analytics_state SET last_period = target, catalogue = wanted::text, built_at = now() WHERE id = 1;
  RETURN target;
END
$fn$`,
  `-- The triggers: a change to a young person's screenings, list spells or missing episodes (or to the
-- parts of their record the figures break down by) recomputes that young person's months.
CREATE FUNCTION analytics_touch() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  ids uuid[];
BEGIN
  IF current_setting('mase.analytics_maintenance', true) = 'off' THEN RETURN NULL; END IF;
  IF TG_TABLE_NAME = 'young_person' THEN
    IF TG_OP = 'UPDATE' THEN
      SELECT array_agg(n.id) INTO ids FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n.gender, n.ethnicity, n.legal_status, n.placement_type, n.send, n.education_status, n.presentation, n.home_ward, n.date_of_birth)
            IS DISTINCT FROM (o.gender, o.ethnicity, o.legal_status, o.placement_type, o.send, o.education_status, o.presentation, o.home_ward, o.date_of_birth);
    ELSE
      SELECT array_agg(id) INTO ids FROM old_rows;
    END IF;
  ELSIF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT young_person_id) INTO ids FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT young_person_id) INTO ids FROM old_rows;
  ELSE
    SELECT array_agg(DISTINCT x) INTO ids FROM (SELECT young_person_id AS x FROM new_rows UNION SELECT young_person_id FROM old_rows) s;
  END IF;
  IF ids IS NOT NULL THEN INSERT INTO analytics_pending (young_person_id) SELECT DISTINCT unnest(ids); END IF;
  RETURN NULL;
END
$fn$`,
  `-- At commit, once per transaction: recompute the months of every young person it touched.
CREATE FUNCTION analytics_flush() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  ids uuid[];
BEGIN
  WITH taken AS (DELETE FROM analytics_pending WHERE txid = pg_current_xact_id() RETURNING young_person_id)
  SELECT array_agg(DISTINCT young_person_id) INTO ids FROM taken;
  IF ids IS NOT NULL THEN PERFORM analytics_refresh(ids); END IF;
  RETURN NULL;
END
$fn$`,
  `CREATE CONSTRAINT TRIGGER analytics_pending_flush AFTER INSERT ON analytics_pending DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION analytics_flush()`,
  `CREATE TRIGGER risk_assessment_analytics_insert AFTER INSERT ON risk_assessment REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_touch()`,
  `CREATE TRIGGER risk_assessment_analytics_update AFTER UPDATE ON risk_assessment REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_touch()`,
  `CREATE TRIGGER risk_assessment_analytics_delete AFTER DELETE ON risk_assessment REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_touch()`,
  `CREATE TRIGGER list_membership_analytics_insert AFTER INSERT ON list_membership REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_touch()`,
  `CREATE TRIGGER list_membership_analytics_update AFTER UPDATE ON list_membership REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_touch()`,
  `CREATE TRIGGER list_membership_analytics_delete AFTER DELETE ON list_membership REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_touch()`,
  `CREATE TRIGGER missing_episode_analytics_insert AFTER INSERT ON missing_episode REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_touch()`,
  `CREATE TRIGGER missing_episode_analytics_update AFTER UPDATE ON missing_episode REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_touch()`,
  `CREATE TRIGGER missing_episode_analytics_delete AFTER DELETE ON missing_episode REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_touch()`,
  `CREATE TRIGGER young_person_analytics_update AFTER UPDATE ON young_person REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_touch()`,
  `CREATE TRIGGER young_person_analytics_delete AFTER DELETE ON young_person REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_touch()`,
];
