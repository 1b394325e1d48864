import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Intelligence1795574545225 implements MigrationInterface {
  name = 'Intelligence1795574545225';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "link" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "a_kind" text NOT NULL, "a_id" uuid NOT NULL, "b_kind" text NOT NULL, "b_id" uuid NOT NULL, "type" text NOT NULL, "source_agency_id" uuid NOT NULL, "first_seen" date NOT NULL, "last_seen" date NOT NULL, "source_grade" smallint NOT NULL, "intelligence_grade" text NOT NULL, "handling" text NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" uuid, CONSTRAINT "link_handling_chk" CHECK (handling IN ('P','C')), CONSTRAINT "link_intelligence_grade_chk" CHECK (intelligence_grade IN ('A','B','C','D','E')), CONSTRAINT "link_source_grade_chk" CHECK (source_grade BETWEEN 1 AND 3), CONSTRAINT "link_seen_chk" CHECK (last_seen >= first_seen), CONSTRAINT "link_order_chk" CHECK ((a_kind, a_id) < (b_kind, b_id)), CONSTRAINT "link_not_self_chk" CHECK (NOT (a_kind = b_kind AND a_id = b_id)), CONSTRAINT "PK_26206fb7186da72fbb9eaa3fac9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "link_last_seen_idx" ON "link"  ("last_seen") `);
    await queryRunner.query(`CREATE INDEX "link_b_idx" ON "link"  ("b_kind", "b_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "link_pair_type_key" ON "link"  ("a_kind", "a_id", "b_kind", "b_id", "type") `);
    await queryRunner.query(`CREATE TABLE "link_grading" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "link_id" uuid NOT NULL, "source_agency_id" uuid NOT NULL, "source_grade" smallint NOT NULL, "intelligence_grade" text NOT NULL, "handling" text NOT NULL, "first_seen" date NOT NULL, "last_seen" date NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "recorded_by" uuid, CONSTRAINT "link_grading_seen_chk" CHECK (last_seen >= first_seen), CONSTRAINT "link_grading_handling_chk" CHECK (handling IN ('P','C')), CONSTRAINT "link_grading_intelligence_grade_chk" CHECK (intelligence_grade IN ('A','B','C','D','E')), CONSTRAINT "link_grading_source_grade_chk" CHECK (source_grade BETWEEN 1 AND 3), CONSTRAINT "PK_85be9570d3e7341da6d7be4b151" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "link_grading_link_idx" ON "link_grading"  ("link_id", "recorded_at") `);
    await queryRunner.query(`CREATE TABLE "person_of_concern" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "first_name" text, "last_name" text, "aliases" text array NOT NULL DEFAULT '{}', "date_of_birth" date, "approximate_age" smallint, "gender" text NOT NULL, "description" text, "vehicles" jsonb NOT NULL DEFAULT '[]', "phone_numbers" text array NOT NULL DEFAULT '{}', "addresses" text array NOT NULL DEFAULT '{}', "category" text NOT NULL, "status" text NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" uuid, CONSTRAINT "person_of_concern_approx_age_chk" CHECK (approximate_age IS NULL OR approximate_age BETWEEN 10 AND 110), CONSTRAINT "person_of_concern_age_chk" CHECK ((date_of_birth IS NULL) <> (approximate_age IS NULL)), CONSTRAINT "PK_e46aeb8fce83f2ef549e99ab719" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "person_of_concern_name_idx" ON "person_of_concern"  ("last_name", "first_name", "id") `);
    await queryRunner.query(`CREATE TABLE "disruption_action" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_of_concern_id" uuid NOT NULL, "type" text NOT NULL, "date" date NOT NULL, "notes" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" uuid, CONSTRAINT "PK_0a571ec402c42f5eebe8b4cedd3" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "disruption_action_poc_idx" ON "disruption_action"  ("person_of_concern_id", "date") `);
    await queryRunner.query(`ALTER TABLE "link" ADD CONSTRAINT "FK_a1a146f0cf606726e991cd5522d" FOREIGN KEY ("source_agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "link_grading" ADD CONSTRAINT "FK_a0f88d40ee6063487d09d533f75" FOREIGN KEY ("link_id") REFERENCES "link"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "link_grading" ADD CONSTRAINT "FK_b3683e614c7d03fbb119e7a944a" FOREIGN KEY ("source_agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "disruption_action" ADD CONSTRAINT "FK_8e877c71e40210cd604d336bba5" FOREIGN KEY ("person_of_concern_id") REFERENCES "person_of_concern"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "disruption_action" DROP CONSTRAINT "FK_8e877c71e40210cd604d336bba5"`);
    await queryRunner.query(`ALTER TABLE "link_grading" DROP CONSTRAINT "FK_b3683e614c7d03fbb119e7a944a"`);
    await queryRunner.query(`ALTER TABLE "link_grading" DROP CONSTRAINT "FK_a0f88d40ee6063487d09d533f75"`);
    await queryRunner.query(`ALTER TABLE "link" DROP CONSTRAINT "FK_a1a146f0cf606726e991cd5522d"`);
    await queryRunner.query(`DROP INDEX "public"."disruption_action_poc_idx"`);
    await queryRunner.query(`DROP TABLE "disruption_action"`);
    await queryRunner.query(`DROP INDEX "public"."person_of_concern_name_idx"`);
    await queryRunner.query(`DROP TABLE "person_of_concern"`);
    await queryRunner.query(`DROP INDEX "public"."link_grading_link_idx"`);
    await queryRunner.query(`DROP TABLE "link_grading"`);
    await queryRunner.query(`DROP INDEX "public"."link_pair_type_key"`);
    await queryRunner.query(`DROP INDEX "public"."link_b_idx"`);
    await queryRunner.query(`DROP INDEX "public"."link_last_seen_idx"`);
    await queryRunner.query(`DROP TABLE "link"`);
  }
}
