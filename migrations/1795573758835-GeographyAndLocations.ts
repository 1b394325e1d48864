import type { MigrationInterface, QueryRunner } from 'typeorm';

export class GeographyAndLocations1795573758835 implements MigrationInterface {
  name = 'GeographyAndLocations1795573758835';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "boundary" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "code" text NOT NULL, "name" text NOT NULL, "geometry" jsonb NOT NULL, "min_lon" double precision NOT NULL, "min_lat" double precision NOT NULL, "max_lon" double precision NOT NULL, "max_lat" double precision NOT NULL, "source" text NOT NULL, "attribution" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_47a7500ade6da29f1f5492b56ab" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "boundary_bbox_idx" ON "boundary"  ("kind", "min_lon", "max_lon", "min_lat", "max_lat") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "boundary_kind_code_key" ON "boundary"  ("kind", "code") `);
    await queryRunner.query(`CREATE TABLE "location" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "type" text NOT NULL, "lat" double precision, "lng" double precision, "ward_id" uuid, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" uuid, CONSTRAINT "location_point_chk" CHECK ((lat IS NULL) = (lng IS NULL) AND (lat IS NULL OR (lat BETWEEN -90 AND 90 AND lng BETWEEN -180 AND 180))), CONSTRAINT "PK_876d7bdba03c72251ec4c2dc827" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "location_name_idx" ON "location"  ("name", "id") `);
    await queryRunner.query(`CREATE INDEX "location_type_idx" ON "location"  ("type") `);
    await queryRunner.query(`CREATE INDEX "location_ward_idx" ON "location"  ("ward_id") `);
    await queryRunner.query(`ALTER TABLE "location" ADD CONSTRAINT "FK_6047e430274bb345b9437cb937c" FOREIGN KEY ("ward_id") REFERENCES "boundary"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "location" DROP CONSTRAINT "FK_6047e430274bb345b9437cb937c"`);
    await queryRunner.query(`DROP INDEX "public"."location_ward_idx"`);
    await queryRunner.query(`DROP INDEX "public"."location_type_idx"`);
    await queryRunner.query(`DROP INDEX "public"."location_name_idx"`);
    await queryRunner.query(`DROP TABLE "location"`);
    await queryRunner.query(`DROP INDEX "public"."boundary_kind_code_key"`);
    await queryRunner.query(`DROP INDEX "public"."boundary_bbox_idx"`);
    await queryRunner.query(`DROP TABLE "boundary"`);
  }
}
