import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PoliceReference1795579628476 implements MigrationInterface {
  name = 'PoliceReference1795579628476';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "person_of_concern" ADD "police_reference" text`);
    await queryRunner.query(`CREATE UNIQUE INDEX "person_of_concern_reference_key" ON "person_of_concern"  ("police_reference") WHERE police_reference IS NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."person_of_concern_reference_key"`);
    await queryRunner.query(`ALTER TABLE "person_of_concern" DROP COLUMN "police_reference"`);
  }
}
