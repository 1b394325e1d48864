import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Retention1795582276315 implements MigrationInterface {
  name = 'Retention1795582276315';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "retention_policy" ("record_type" text NOT NULL, "keep_days" integer NOT NULL, "enabled" boolean NOT NULL DEFAULT true, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_by" uuid, CONSTRAINT "PK_122a9ef83b1f36ac3b83b45d856" PRIMARY KEY ("record_type"))`);
    await queryRunner.query(`CREATE TABLE "retention_run" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "report" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" uuid, "applied_at" TIMESTAMP WITH TIME ZONE, "applied_by" uuid, "applied" jsonb, CONSTRAINT "PK_6ca0ca7552b6832d70c9c95a57d" PRIMARY KEY ("id"))`);
    // Retention may strip the free text from signed-off assessments (evidence, reasons); nothing else about them can change.
    await queryRunner.query(`CREATE OR REPLACE FUNCTION risk_assessment_final_guard() RETURNS trigger
      LANGUAGE plpgsql AS $$
      DECLARE anonymising boolean := coalesce(current_setting('mase.retention', true), '') = 'anonymise';
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'a signed-off assessment cannot be deleted' USING ERRCODE = '42501';
        END IF;
        IF anonymising
           AND (SELECT coalesce(jsonb_object_agg(k, v - 'evidence'), '{}'::jsonb) FROM jsonb_each(NEW.answers) AS a(k, v))
             = (SELECT coalesce(jsonb_object_agg(k, v - 'evidence'), '{}'::jsonb) FROM jsonb_each(OLD.answers) AS a(k, v))
           AND (NEW.young_person_id, NEW.assessed_on, NEW.assessor_id, NEW.models, NEW.computed_score, NEW.final_score, NEW.rag, NEW.police_category,
                NEW.status, NEW.line_manager_id, NEW.line_manager_signed_at, NEW.coordinator_id, NEW.coordinator_signed_at, NEW.next_review_on)
             IS NOT DISTINCT FROM
               (OLD.young_person_id, OLD.assessed_on, OLD.assessor_id, OLD.models, OLD.computed_score, OLD.final_score, OLD.rag, OLD.police_category,
                OLD.status, OLD.line_manager_id, OLD.line_manager_signed_at, OLD.coordinator_id, OLD.coordinator_signed_at, OLD.next_review_on) THEN
          RETURN NEW;
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
    await queryRunner.query(`ALTER TABLE "retention_run" ADD CONSTRAINT "retention_run_kind_chk" CHECK (kind = 'DRY_RUN')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "retention_run"`);
    await queryRunner.query(`DROP TABLE "retention_policy"`);
  }
}
