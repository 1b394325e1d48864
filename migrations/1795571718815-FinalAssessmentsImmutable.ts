import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A signed-off (FINAL) screening is immutable in the database itself: its answers, scores, sign-offs
 * and dates cannot be changed or the row deleted, whoever asks. Only its outcome (strategy
 * discussion, s47, plans, NFA) may still be recorded. A change of assessment is a new assessment.
 */
export class FinalAssessmentsImmutable1795571718815 implements MigrationInterface {
  name = 'FinalAssessmentsImmutable1795571718815';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION risk_assessment_final_guard() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'a signed-off assessment cannot be deleted' USING ERRCODE = '42501';
        END IF;
        IF (NEW.young_person_id, NEW.assessed_on, NEW.assessor_id, NEW.answers, NEW.models, NEW.computed_score, NEW.final_score,
            NEW.override_reason, NEW.rag, NEW.police_category, NEW.status, NEW.line_manager_id, NEW.line_manager_signed_at,
            NEW.coordinator_id, NEW.coordinator_signed_at, NEW.next_review_on)
           IS DISTINCT FROM
           (OLD.young_person_id, OLD.assessed_on, OLD.assessor_id, OLD.answers, OLD.models, OLD.computed_score, OLD.final_score,
            OLD.override_reason, OLD.rag, OLD.police_category, OLD.status, OLD.line_manager_id, OLD.line_manager_signed_at,
            OLD.coordinator_id, OLD.coordinator_signed_at, OLD.next_review_on) THEN
          RAISE EXCEPTION 'a signed-off assessment cannot be changed: record a new assessment' USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
      END
      $$`);
    await queryRunner.query(`CREATE TRIGGER risk_assessment_final_guard BEFORE UPDATE OR DELETE ON risk_assessment
      FOR EACH ROW WHEN (OLD.status = 'FINAL') EXECUTE FUNCTION risk_assessment_final_guard()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER risk_assessment_final_guard ON risk_assessment`);
    await queryRunner.query(`DROP FUNCTION risk_assessment_final_guard()`);
  }
}
