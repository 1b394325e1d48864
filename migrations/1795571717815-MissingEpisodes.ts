import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MissingEpisodes1795571717815 implements MigrationInterface {
  name = 'MissingEpisodes1795571717815';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "missing_episode" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "young_person_id" uuid NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE, "reported_by" text NOT NULL, "where_found" text, "return_interview_offered" boolean NOT NULL DEFAULT false, "return_interview_done" boolean NOT NULL DEFAULT false, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" uuid, CONSTRAINT "PK_5d468c69a4cfa6c54c2ba46ec35" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "missing_episode_started_at_idx" ON "missing_episode"  ("started_at") `);
    await queryRunner.query(`CREATE INDEX "missing_episode_young_person_idx" ON "missing_episode"  ("young_person_id", "started_at") `);
    await queryRunner.query(`ALTER TABLE "missing_episode" ADD CONSTRAINT "FK_7c3c69c89bf77b3ac6a8562ec0e" FOREIGN KEY ("young_person_id") REFERENCES "young_person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "missing_episode" DROP CONSTRAINT "FK_7c3c69c89bf77b3ac6a8562ec0e"`);
    await queryRunner.query(`DROP INDEX "public"."missing_episode_young_person_idx"`);
    await queryRunner.query(`DROP INDEX "public"."missing_episode_started_at_idx"`);
    await queryRunner.query(`DROP TABLE "missing_episode"`);
  }
}
