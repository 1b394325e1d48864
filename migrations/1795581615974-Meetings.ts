import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Meetings1795581615974 implements MigrationInterface {
  name = 'Meetings1795581615974';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "meeting" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "date" date NOT NULL, "status" text NOT NULL DEFAULT 'PLANNED', "chairs" text array NOT NULL DEFAULT '{}', "venue" text, "minutes" text, "cancelled_reason" text, "agenda_generated_at" TIMESTAMP WITH TIME ZONE, "issued_at" TIMESTAMP WITH TIME ZONE, "issued_by" uuid, "minutes_approved_at" TIMESTAMP WITH TIME ZONE, "minutes_approved_by" uuid, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" uuid, CONSTRAINT "meeting_status_chk" CHECK (status IN ('PLANNED', 'AGENDA_ISSUED', 'HELD', 'MINUTES_APPROVED', 'CANCELLED')), CONSTRAINT "PK_dccaf9e4c0e39067d82ccc7bb83" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "meeting_date_idx" ON "meeting"  ("date") `);
    await queryRunner.query(`CREATE TABLE "meeting_attendance" ("meeting_id" uuid NOT NULL, "agency_id" uuid NOT NULL, "status" text NOT NULL, "representative" text, CONSTRAINT "meeting_attendance_status_chk" CHECK (status IN ('ATTENDED', 'APOLOGIES', 'ABSENT')), CONSTRAINT "PK_a74852b33ebe33b7cb05f4c1c7a" PRIMARY KEY ("meeting_id", "agency_id"))`);
    await queryRunner.query(`CREATE TABLE "agenda_item" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "meeting_id" uuid NOT NULL, "section" text NOT NULL, "position" integer NOT NULL, "generator" text, "title" text NOT NULL, "entries" jsonb NOT NULL DEFAULT '[]', "notes" text, "version" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_413623e61232799619c2e0a1d42" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "agenda_item_meeting_idx" ON "agenda_item"  ("meeting_id", "position") `);
    await queryRunner.query(`CREATE TABLE "meeting_decision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "meeting_id" uuid NOT NULL, "agenda_item_id" uuid, "young_person_id" uuid, "kind" text NOT NULL, "note" text, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "recorded_by" uuid, CONSTRAINT "meeting_decision_kind_chk" CHECK (kind IN ('REMAIN', 'STEP_DOWN', 'ESCALATE', 'STRATEGY_MEETING', 'OTHER')), CONSTRAINT "PK_6787600e55cc73688b127a1cd93" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "meeting_decision_yp_idx" ON "meeting_decision"  ("young_person_id") `);
    await queryRunner.query(`CREATE INDEX "meeting_decision_meeting_idx" ON "meeting_decision"  ("meeting_id") `);
    await queryRunner.query(`CREATE TABLE "meeting_action" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "meeting_id" uuid NOT NULL, "agenda_item_id" uuid, "young_person_id" uuid, "description" text NOT NULL, "owner_agency_id" uuid NOT NULL, "owner" text NOT NULL, "due_on" date NOT NULL, "status" text NOT NULL DEFAULT 'OPEN', "update" text, "completed_on" date, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" uuid, CONSTRAINT "meeting_action_status_chk" CHECK (status IN ('OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED')), CONSTRAINT "PK_52c80696cd871f6ad7d12f740e2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "meeting_action_meeting_idx" ON "meeting_action"  ("meeting_id") `);
    await queryRunner.query(`CREATE INDEX "meeting_action_owner_idx" ON "meeting_action"  ("owner_agency_id", "status") `);
    await queryRunner.query(`CREATE TABLE "meeting_blockage" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "meeting_id" uuid NOT NULL, "agency_id" uuid, "description" text NOT NULL, "status" text NOT NULL DEFAULT 'OPEN', "resolution" text, "resolved_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" uuid, CONSTRAINT "meeting_blockage_status_chk" CHECK (status IN ('OPEN', 'RESOLVED')), CONSTRAINT "PK_9f4fcc42dfa0a722d137410cae0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "meeting_blockage_status_idx" ON "meeting_blockage"  ("status") `);
    await queryRunner.query(`ALTER TABLE "meeting_attendance" ADD CONSTRAINT "FK_2bf53a2dc49796d33484ed1fe5c" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "meeting_attendance" ADD CONSTRAINT "FK_dab1ff83a7ddfea34ab0a149b79" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "agenda_item" ADD CONSTRAINT "FK_4d88141b534e8aad85bb583eb3b" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "meeting_decision" ADD CONSTRAINT "FK_f4733268fa0a9cc03377bf1a58f" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "meeting_action" ADD CONSTRAINT "FK_94bce1739dedc4a4789d9969b3e" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "meeting_action" ADD CONSTRAINT "FK_6ab67edab7b96f25d8b29241042" FOREIGN KEY ("owner_agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "meeting_blockage" ADD CONSTRAINT "FK_3fe29b4f68e05dbdcfe66f504b0" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // An issued agenda is frozen: its items can no longer be added, changed or removed.
    await queryRunner.query(`CREATE FUNCTION agenda_item_frozen_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE s text;
      BEGIN
        SELECT status INTO s FROM meeting WHERE id = COALESCE(NEW.meeting_id, OLD.meeting_id);
        IF s IS DISTINCT FROM 'PLANNED' THEN RAISE EXCEPTION 'The agenda of this meeting has been issued: it is frozen'; END IF;
        RETURN COALESCE(NEW, OLD);
      END $$`);
    await queryRunner.query(`CREATE TRIGGER agenda_item_frozen_guard BEFORE INSERT OR UPDATE OR DELETE ON agenda_item FOR EACH ROW EXECUTE FUNCTION agenda_item_frozen_guard()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER agenda_item_frozen_guard ON agenda_item`);
    await queryRunner.query(`DROP FUNCTION agenda_item_frozen_guard()`);
    await queryRunner.query(`ALTER TABLE "meeting_blockage" DROP CONSTRAINT "FK_3fe29b4f68e05dbdcfe66f504b0"`);
    await queryRunner.query(`ALTER TABLE "meeting_action" DROP CONSTRAINT "FK_6ab67edab7b96f25d8b29241042"`);
    await queryRunner.query(`ALTER TABLE "meeting_action" DROP CONSTRAINT "FK_94bce1739dedc4a4789d9969b3e"`);
    await queryRunner.query(`ALTER TABLE "meeting_decision" DROP CONSTRAINT "FK_f4733268fa0a9cc03377bf1a58f"`);
    await queryRunner.query(`ALTER TABLE "agenda_item" DROP CONSTRAINT "FK_4d88141b534e8aad85bb583eb3b"`);
    await queryRunner.query(`ALTER TABLE "meeting_attendance" DROP CONSTRAINT "FK_dab1ff83a7ddfea34ab0a149b79"`);
    await queryRunner.query(`ALTER TABLE "meeting_attendance" DROP CONSTRAINT "FK_2bf53a2dc49796d33484ed1fe5c"`);
    await queryRunner.query(`DROP INDEX "public"."meeting_blockage_status_idx"`);
    await queryRunner.query(`DROP TABLE "meeting_blockage"`);
    await queryRunner.query(`DROP INDEX "public"."meeting_action_owner_idx"`);
    await queryRunner.query(`DROP INDEX "public"."meeting_action_meeting_idx"`);
    await queryRunner.query(`DROP TABLE "meeting_action"`);
    await queryRunner.query(`DROP INDEX "public"."meeting_decision_meeting_idx"`);
    await queryRunner.query(`DROP INDEX "public"."meeting_decision_yp_idx"`);
    await queryRunner.query(`DROP TABLE "meeting_decision"`);
    await queryRunner.query(`DROP INDEX "public"."agenda_item_meeting_idx"`);
    await queryRunner.query(`DROP TABLE "agenda_item"`);
    await queryRunner.query(`DROP TABLE "meeting_attendance"`);
    await queryRunner.query(`DROP INDEX "public"."meeting_date_idx"`);
    await queryRunner.query(`DROP TABLE "meeting"`);
  }
}
