import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HotSpotsAndPoliceReports1795575082926 implements MigrationInterface {
  name = 'HotSpotsAndPoliceReports1795575082926';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "hot_spot_report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "location_id" uuid NOT NULL, "month" date NOT NULL, "sightings" integer NOT NULL, "incidents" integer NOT NULL, "risk_level" text NOT NULL, "notes" text, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" uuid, CONSTRAINT "hot_spot_report_counts_check" CHECK (sightings >= 0 AND incidents >= 0 AND date_trunc('month', month) = month), CONSTRAINT "PK_ebca3f189660f08df82c64e63dc" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "hot_spot_report_month_idx" ON "hot_spot_report"  ("month") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "hot_spot_report_location_month_key" ON "hot_spot_report"  ("location_id", "month") `);
    await queryRunner.query(`CREATE TABLE "police_report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "month" date NOT NULL, "open_investigations" integer NOT NULL, "arrests" integer NOT NULL, "charges" integer NOT NULL, "convictions" integer NOT NULL, "cawns" integer NOT NULL, "orders" integer NOT NULL, "other_disruptions" integer NOT NULL, "narrative" text, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" uuid, CONSTRAINT "police_report_counts_check" CHECK (open_investigations >= 0 AND arrests >= 0 AND charges >= 0 AND convictions >= 0 AND cawns >= 0 AND orders >= 0 AND other_disruptions >= 0 AND date_trunc('month', month) = month), CONSTRAINT "PK_7ec0094c3b1ca52d42c48e0d08c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "police_report_month_key" ON "police_report"  ("month") `);
    await queryRunner.query(`ALTER TABLE "hot_spot_report" ADD CONSTRAINT "FK_fcf6a09a44214d36c32dcce7840" FOREIGN KEY ("location_id") REFERENCES "location"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "hot_spot_report" DROP CONSTRAINT "FK_fcf6a09a44214d36c32dcce7840"`);
    await queryRunner.query(`DROP INDEX "public"."police_report_month_key"`);
    await queryRunner.query(`DROP TABLE "police_report"`);
    await queryRunner.query(`DROP INDEX "public"."hot_spot_report_location_month_key"`);
    await queryRunner.query(`DROP INDEX "public"."hot_spot_report_month_idx"`);
    await queryRunner.query(`DROP TABLE "hot_spot_report"`);
  }
}
