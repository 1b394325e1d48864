import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MaseListAndScreening1795570487214 implements MigrationInterface {
  name = 'MaseListAndScreening1795570487214';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "young_person" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pseudonym" text NOT NULL, "reference" text NOT NULL, "first_name" text NOT NULL, "last_name" text NOT NULL, "first_name_key" text NOT NULL, "last_name_key" text NOT NULL, "aliases" text array NOT NULL DEFAULT '{}', "date_of_birth" date NOT NULL, "school" text, "social_worker" text, "team" text, "cris_number" text, "merlin_references" text array NOT NULL DEFAULT '{}', "gender" text NOT NULL, "ethnicity" text NOT NULL, "first_language" text, "nationality" text, "religion" text, "send" text NOT NULL DEFAULT 'NOT_KNOWN', "disability" text, "legal_status" text NOT NULL, "placement_type" text NOT NULL DEFAULT 'HOME_BOROUGH', "placement_borough" text, "education_status" text NOT NULL, "home_ward" text, "presentation" text NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" uuid, CONSTRAINT "PK_b832e030351a2083678c62461ba" PRIMARY KEY ("id")); COMMENT ON COLUMN "young_person"."reference" IS 'Case-management system reference, e.g. a MOSAIC id'; COMMENT ON COLUMN "young_person"."cris_number" IS 'Police CSE CRIS number'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "young_person_pseudonym_key" ON "young_person"  ("pseudonym") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "young_person_reference_key" ON "young_person"  ("reference") `);
    await queryRunner.query(`CREATE INDEX "young_person_name_dob_idx" ON "young_person"  ("last_name_key", "first_name_key", "date_of_birth") `);
    await queryRunner.query(`CREATE TABLE "list_membership" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "young_person_id" uuid NOT NULL, "started_on" date NOT NULL, "start_reason" text NOT NULL, "start_assessment_id" uuid, "ended_on" date, "end_kind" text, "end_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" uuid, CONSTRAINT "PK_9b98534ffb0bc5c63237e8f61b2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "list_membership_span_idx" ON "list_membership"  ("started_on", "ended_on") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "list_membership_open_key" ON "list_membership"  ("young_person_id") WHERE ended_on IS NULL`);
    await queryRunner.query(`CREATE TABLE "risk_assessment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "young_person_id" uuid NOT NULL, "assessed_on" date NOT NULL, "assessor_id" uuid NOT NULL, "answers" jsonb NOT NULL, "models" text array NOT NULL DEFAULT '{}', "computed_score" smallint NOT NULL, "final_score" smallint NOT NULL, "override_reason" text, "rag" text NOT NULL, "police_category" smallint, "status" text NOT NULL DEFAULT 'AWAITING_SIGN_OFF', "line_manager_id" uuid, "line_manager_signed_at" TIMESTAMP WITH TIME ZONE, "coordinator_id" uuid, "coordinator_signed_at" TIMESTAMP WITH TIME ZONE, "next_review_on" date NOT NULL, "outcome" text, "outcome_on" date, "outcome_reason" text, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_864a35a16fcb683df546ac6134e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "risk_assessment_status_idx" ON "risk_assessment"  ("status") `);
    await queryRunner.query(`CREATE INDEX "risk_assessment_young_person_idx" ON "risk_assessment"  ("young_person_id", "assessed_on") `);
    await queryRunner.query(`ALTER TABLE "list_membership" ADD CONSTRAINT "FK_38b9a398c17d2b82e5046acde94" FOREIGN KEY ("young_person_id") REFERENCES "young_person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "risk_assessment" ADD CONSTRAINT "FK_84c47a7322e81c643b50380933e" FOREIGN KEY ("young_person_id") REFERENCES "young_person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "risk_assessment" ADD CONSTRAINT "FK_69af6101981f86e740d3d859592" FOREIGN KEY ("assessor_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "risk_assessment" DROP CONSTRAINT "FK_69af6101981f86e740d3d859592"`);
    await queryRunner.query(`ALTER TABLE "risk_assessment" DROP CONSTRAINT "FK_84c47a7322e81c643b50380933e"`);
    await queryRunner.query(`ALTER TABLE "list_membership" DROP CONSTRAINT "FK_38b9a398c17d2b82e5046acde94"`);
    await queryRunner.query(`DROP INDEX "public"."risk_assessment_young_person_idx"`);
    await queryRunner.query(`DROP INDEX "public"."risk_assessment_status_idx"`);
    await queryRunner.query(`DROP TABLE "risk_assessment"`);
    await queryRunner.query(`DROP INDEX "public"."list_membership_open_key"`);
    await queryRunner.query(`DROP INDEX "public"."list_membership_span_idx"`);
    await queryRunner.query(`DROP TABLE "list_membership"`);
    await queryRunner.query(`DROP INDEX "public"."young_person_name_dob_idx"`);
    await queryRunner.query(`DROP INDEX "public"."young_person_reference_key"`);
    await queryRunner.query(`DROP INDEX "public"."young_person_pseudonym_key"`);
    await queryRunner.query(`DROP TABLE "young_person"`);
  }
}
