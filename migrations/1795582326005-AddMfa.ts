import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddMfa1795582326005 implements MigrationInterface {
  name = 'AddMfa1795582326005';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "sign_in_challenge" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" bytea NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "failures" integer NOT NULL DEFAULT '0', "consumed_at" TIMESTAMP WITH TIME ZONE, "ip_address" text, CONSTRAINT "PK_8accdbe71ed252cbbf967c43b83" PRIMARY KEY ("id")); COMMENT ON COLUMN "sign_in_challenge"."failures" IS 'Wrong codes given against this challenge'; COMMENT ON COLUMN "sign_in_challenge"."consumed_at" IS 'Set when used, or given up after too many wrong codes'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "sign_in_challenge_token_hash_key" ON "sign_in_challenge"  ("token_hash") `);
    await queryRunner.query(`CREATE INDEX "sign_in_challenge_user_idx" ON "sign_in_challenge"  ("user_id") `);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "mfa_secret" bytea`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "mfa_enabled_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "mfa_last_used_step" integer`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "mfa_recovery_code_hashes" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "mfa_pending_secret" bytea`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "mfa_pending_since" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "sign_in_challenge" ADD CONSTRAINT "FK_4ba9c38c325fb512a3cb2fd0902" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sign_in_challenge" DROP CONSTRAINT "FK_4ba9c38c325fb512a3cb2fd0902"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "mfa_pending_since"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "mfa_pending_secret"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "mfa_recovery_code_hashes"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "mfa_last_used_step"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "mfa_enabled_at"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "mfa_secret"`);
    await queryRunner.query(`DROP INDEX "public"."sign_in_challenge_user_idx"`);
    await queryRunner.query(`DROP INDEX "public"."sign_in_challenge_token_hash_key"`);
    await queryRunner.query(`DROP TABLE "sign_in_challenge"`);
  }
}
