-- The PostGraphile peer's view of the same tables (benchmark databases only): the rows the list
-- and young person pages are made of, exposed through views with smart comments, plus computed
-- columns for the latest final screening, the open list spell, the age band and the chronology,
-- and the list itself in the list page's default order. PostGraphile builds its API from this.
DROP SCHEMA IF EXISTS bench_peer CASCADE;
CREATE SCHEMA bench_peer;

CREATE VIEW bench_peer.young_people AS
  SELECT id, pseudonym, reference, first_name, last_name, aliases, date_of_birth, school, social_worker, team, cris_number, merlin_references,
         gender, ethnicity, legal_status, placement_type, placement_borough, education_status, send, presentation, home_ward, version
  FROM public.young_person;
COMMENT ON VIEW bench_peer.young_people IS E'@primaryKey id\n@name youngPerson';

CREATE VIEW bench_peer.assessments AS
  SELECT id, young_person_id, assessed_on, computed_score, final_score, override_reason, rag, police_category, status, line_manager_id,
         coordinator_id, assessor_id, next_review_on, models, version, outcome, outcome_on, outcome_reason, answers, created_at
  FROM public.risk_assessment;
COMMENT ON VIEW bench_peer.assessments IS E'@primaryKey id\n@foreignKey (young_person_id) references bench_peer.young_people (id)\n@name assessment';

CREATE VIEW bench_peer.memberships AS
  SELECT id, young_person_id, started_on, ended_on, end_kind, end_reason, start_reason FROM public.list_membership;
COMMENT ON VIEW bench_peer.memberships IS E'@primaryKey id\n@foreignKey (young_person_id) references bench_peer.young_people (id)\n@name membership';

CREATE VIEW bench_peer.missing_episodes AS
  SELECT id, young_person_id, started_at, ended_at, reported_by, where_found, return_interview_offered, return_interview_done, version
  FROM public.missing_episode;
COMMENT ON VIEW bench_peer.missing_episodes IS E'@primaryKey id\n@foreignKey (young_person_id) references bench_peer.young_people (id)\n@name missingEpisode';

CREATE FUNCTION bench_peer.young_people_latest_assessment(yp bench_peer.young_people) RETURNS bench_peer.assessments
  LANGUAGE sql STABLE AS $$
    SELECT a.* FROM bench_peer.assessments a WHERE a.young_person_id = yp.id AND a.status = 'FINAL'
    ORDER BY a.assessed_on DESC, a.created_at DESC LIMIT 1
  $$;

CREATE FUNCTION bench_peer.young_people_current_membership(yp bench_peer.young_people) RETURNS bench_peer.memberships
  LANGUAGE sql STABLE AS $$ SELECT m.* FROM bench_peer.memberships m WHERE m.young_person_id = yp.id AND m.ended_on IS NULL $$;

CREATE FUNCTION bench_peer.young_people_age_band(yp bench_peer.young_people) RETURNS text
  LANGUAGE sql STABLE AS $$
    SELECT CASE
      WHEN date_part('year', age(current_date, yp.date_of_birth)) < 13 THEN 'UNDER_13'
      WHEN date_part('year', age(current_date, yp.date_of_birth)) <= 14 THEN 'AGE_13_14'
      WHEN date_part('year', age(current_date, yp.date_of_birth)) = 15 THEN 'AGE_15'
      WHEN date_part('year', age(current_date, yp.date_of_birth)) = 16 THEN 'AGE_16'
      WHEN date_part('year', age(current_date, yp.date_of_birth)) = 17 THEN 'AGE_17'
      ELSE 'AGE_18_PLUS' END
  $$;

CREATE TYPE bench_peer.chronology_entry AS (at timestamptz, kind text, summary text, ref_id uuid);

CREATE FUNCTION bench_peer.young_people_chronology(yp bench_peer.young_people) RETURNS SETOF bench_peer.chronology_entry
  LANGUAGE sql STABLE AS $$
    SELECT at, kind, summary, ref_id FROM (
      SELECT ra.assessed_on::timestamptz AS at, 'ASSESSMENT' AS kind,
             'Screening: score ' || ra.final_score || ' (' || ra.rag || ')' ||
             CASE WHEN ra.final_score <> ra.computed_score THEN ', override of computed ' || ra.computed_score ELSE '' END ||
             CASE WHEN ra.status <> 'FINAL' THEN ', awaiting sign-off' ELSE '' END AS summary, ra.id AS ref_id
      FROM public.risk_assessment ra WHERE ra.young_person_id = yp.id
      UNION ALL
      SELECT greatest(ra.line_manager_signed_at, ra.coordinator_signed_at), 'SIGNED_OFF', 'Screening signed off by the line manager and the co-ordinator', ra.id
      FROM public.risk_assessment ra WHERE ra.young_person_id = yp.id AND ra.status = 'FINAL'
      UNION ALL
      SELECT lm.started_on::timestamptz, 'LIST_JOINED', 'Joined the MASE list' || CASE WHEN lm.start_reason = 'OVERRIDE' THEN ' (professional judgement)' ELSE '' END, lm.id
      FROM public.list_membership lm WHERE lm.young_person_id = yp.id
      UNION ALL
      SELECT lm.ended_on::timestamptz, 'LIST_ENDED',
             CASE lm.end_kind WHEN 'CLOSED' THEN 'Closed on the MASE list' ELSE 'Stepped down from the MASE list' END || ': ' || coalesce(lm.end_reason, ''), lm.id
      FROM public.list_membership lm WHERE lm.young_person_id = yp.id AND lm.ended_on IS NOT NULL
      UNION ALL
      SELECT me.started_at, 'MISSING', 'Reported missing by ' || me.reported_by, me.id FROM public.missing_episode me WHERE me.young_person_id = yp.id
      UNION ALL
      SELECT me.ended_at, 'RETURNED',
             'Returned' || CASE WHEN me.return_interview_done THEN '; return interview done' WHEN me.return_interview_offered THEN '; return interview offered' ELSE '; no return interview yet' END, me.id
      FROM public.missing_episode me WHERE me.young_person_id = yp.id AND me.ended_at IS NOT NULL
    ) c ORDER BY at DESC, kind
  $$;

-- The list page: on the list today, highest latest final score first; optionally by gender and RAG
-- (as the list page's filters do).
CREATE FUNCTION bench_peer.mase_list(genders text[] DEFAULT NULL, rags text[] DEFAULT NULL) RETURNS SETOF bench_peer.young_people
  LANGUAGE sql STABLE AS $$
    SELECT yp.* FROM bench_peer.young_people yp
    LEFT JOIN LATERAL (
      SELECT ra.final_score, ra.assessed_on, ra.rag FROM public.risk_assessment ra
      WHERE ra.young_person_id = yp.id AND ra.status = 'FINAL' ORDER BY ra.assessed_on DESC, ra.created_at DESC LIMIT 1
    ) la ON true
    WHERE EXISTS (SELECT 1 FROM public.list_membership lm WHERE lm.young_person_id = yp.id AND lm.ended_on IS NULL)
      AND (genders IS NULL OR yp.gender = ANY(genders))
      AND (rags IS NULL OR la.rag = ANY(rags))
    ORDER BY coalesce(la.final_score, -1) DESC, coalesce(la.assessed_on, '0001-01-01'::date) DESC, yp.id DESC
  $$;
