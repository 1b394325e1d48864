import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AgencyReturns1795580073161 implements MigrationInterface {
  name = 'AgencyReturns1795580073161';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "agency_return" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agency_id" uuid NOT NULL, "period" date NOT NULL, "status" text NOT NULL, "content" jsonb NOT NULL, "deadline" date NOT NULL, "first_submitted_at" TIMESTAMP WITH TIME ZONE, "late" boolean NOT NULL DEFAULT false, "last_submitted_at" TIMESTAMP WITH TIME ZONE, "last_submitted_by" uuid, "version_count" integer NOT NULL DEFAULT '0', "review_comment" text, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_by" uuid, CONSTRAINT "agency_return_period_chk" CHECK (extract(day FROM period) = 1), CONSTRAINT "agency_return_status_chk" CHECK (status IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED')), CONSTRAINT "PK_ad2133ff3ff5dada002de5a0434" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "agency_return_period_idx" ON "agency_return"  ("period", "status") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "agency_return_agency_period_key" ON "agency_return"  ("agency_id", "period") `);
    await queryRunner.query(`CREATE TABLE "agency_return_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "return_id" uuid NOT NULL, "number" integer NOT NULL, "kind" text NOT NULL, "content" jsonb NOT NULL, "reason" text, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "submitted_by" uuid, "late" boolean NOT NULL, "outcome" text, "reviewed_at" TIMESTAMP WITH TIME ZONE, "reviewed_by" uuid, "review_comment" text, CONSTRAINT "agency_return_version_reason_chk" CHECK (kind <> 'AMENDMENT' OR reason IS NOT NULL), CONSTRAINT "agency_return_version_outcome_chk" CHECK (outcome IS NULL OR outcome IN ('ACCEPTED', 'RETURNED')), CONSTRAINT "agency_return_version_kind_chk" CHECK (kind IN ('SUBMISSION', 'RESUBMISSION', 'AMENDMENT')), CONSTRAINT "PK_5d62cbb516c74cf26c278ebd8d4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "agency_return_version_number_key" ON "agency_return_version"  ("return_id", "number") `);
    await queryRunner.query(`CREATE TABLE "agency_return_figure" ("return_id" uuid NOT NULL, "measure" text NOT NULL, "agency_id" uuid NOT NULL, "agency_kind" text NOT NULL, "period" date NOT NULL, "value" integer NOT NULL, CONSTRAINT "PK_a9478a2dd360c2e1ff8d22a944e" PRIMARY KEY ("return_id", "measure"))`);
    await queryRunner.query(`CREATE INDEX "agency_return_figure_period_idx" ON "agency_return_figure"  ("period", "measure") `);
    await queryRunner.query(`CREATE TABLE "agency_return_young_person" ("return_id" uuid NOT NULL, "reference" text NOT NULL, "agency_id" uuid NOT NULL, "period" date NOT NULL, "involvement" text NOT NULL, "young_person_id" uuid, "matched_by" text, CONSTRAINT "PK_36dbbc69494e270c99559ad4651" PRIMARY KEY ("return_id", "reference"))`);
    await queryRunner.query(`CREATE INDEX "agency_return_young_person_period_idx" ON "agency_return_young_person"  ("period") `);
    await queryRunner.query(`CREATE INDEX "agency_return_young_person_yp_idx" ON "agency_return_young_person"  ("young_person_id") `);
    await queryRunner.query(`CREATE TABLE "return_settings" ("id" smallint NOT NULL DEFAULT '1', "rule" text NOT NULL DEFAULT 'WORKING_DAYS_BEFORE_MEETING', "working_days" smallint NOT NULL DEFAULT '5', "fixed_day" smallint NOT NULL DEFAULT '10', "meeting_weekday" smallint NOT NULL DEFAULT '3', "meeting_week" smallint NOT NULL DEFAULT '3', "version" integer NOT NULL DEFAULT '1', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_by" uuid, CONSTRAINT "return_settings_rule_chk" CHECK (rule IN ('WORKING_DAYS_BEFORE_MEETING', 'FIXED_DAY')), CONSTRAINT "return_settings_singleton_chk" CHECK (id = 1), CONSTRAINT "PK_9eab7b56bbcaa45024a0b3c7a5e" PRIMARY KEY ("id"))`);
    // A submitted version is evidence of what the agency sent: only its review outcome may be filled in later.
    await queryRunner.query(`CREATE FUNCTION agency_return_version_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'Versions of a return are kept: they cannot be deleted'; END IF;
        IF NEW.content IS DISTINCT FROM OLD.content OR NEW.number <> OLD.number OR NEW.kind <> OLD.kind OR NEW.return_id <> OLD.return_id
           OR NEW.submitted_at <> OLD.submitted_at OR NEW.submitted_by IS DISTINCT FROM OLD.submitted_by OR NEW.reason IS DISTINCT FROM OLD.reason OR NEW.late <> OLD.late THEN
          RAISE EXCEPTION 'A submitted version of a return cannot be changed';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER agency_return_version_guard BEFORE UPDATE OR DELETE ON agency_return_version FOR EACH ROW EXECUTE FUNCTION agency_return_version_guard()`);
    await queryRunner.query(`ALTER TABLE "agency_return" ADD CONSTRAINT "FK_102adcefedde74a21f33698065c" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "agency_return_version" ADD CONSTRAINT "FK_bd7727dca969b0d342375e98c68" FOREIGN KEY ("return_id") REFERENCES "agency_return"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "agency_return_figure" ADD CONSTRAINT "FK_0a5c43ca368bf249b367e04ba29" FOREIGN KEY ("return_id") REFERENCES "agency_return"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "agency_return_young_person" ADD CONSTRAINT "FK_4d027728736a9891679b43a5d44" FOREIGN KEY ("return_id") REFERENCES "agency_return"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER agency_return_version_guard ON agency_return_version`);
    await queryRunner.query(`DROP FUNCTION agency_return_version_guard()`);
    await queryRunner.query(`ALTER TABLE "agency_return_young_person" DROP CONSTRAINT "FK_4d027728736a9891679b43a5d44"`);
    await queryRunner.query(`ALTER TABLE "agency_return_figure" DROP CONSTRAINT "FK_0a5c43ca368bf249b367e04ba29"`);
    await queryRunner.query(`ALTER TABLE "agency_return_version" DROP CONSTRAINT "FK_bd7727dca969b0d342375e98c68"`);
    await queryRunner.query(`ALTER TABLE "agency_return" DROP CONSTRAINT "FK_102adcefedde74a21f33698065c"`);
    await queryRunner.query(`DROP TABLE "return_settings"`);
    await queryRunner.query(`DROP INDEX "public"."agency_return_young_person_yp_idx"`);
    await queryRunner.query(`DROP INDEX "public"."agency_return_young_person_period_idx"`);
    await queryRunner.query(`DROP TABLE "agency_return_young_person"`);
    await queryRunner.query(`DROP INDEX "public"."agency_return_figure_period_idx"`);
    await queryRunner.query(`DROP TABLE "agency_return_figure"`);
    await queryRunner.query(`DROP INDEX "public"."agency_return_version_number_key"`);
    await queryRunner.query(`DROP TABLE "agency_return_version"`);
    await queryRunner.query(`DROP INDEX "public"."agency_return_agency_period_key"`);
    await queryRunner.query(`DROP INDEX "public"."agency_return_period_idx"`);
    await queryRunner.query(`DROP TABLE "agency_return"`);
  }
}
