import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SavedViews1795580695875 implements MigrationInterface {
  name = 'SavedViews1795580695875';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "saved_view" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "owner_id" uuid NOT NULL, "name" text NOT NULL, "filter" jsonb NOT NULL, "shared" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_be317311b88c1a5e47ad6c19081" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "saved_view_shared_idx" ON "saved_view"  ("shared") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "saved_view_owner_name_key" ON "saved_view"  ("owner_id", "name") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."saved_view_owner_name_key"`);
    await queryRunner.query(`DROP INDEX "public"."saved_view_shared_idx"`);
    await queryRunner.query(`DROP TABLE "saved_view"`);
  }
}
