import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The meeting pack's figures frozen with the agenda, and the generated items co-chairs removed.
 *
 * pack_figures holds, from the moment the agenda is issued, the figures the pack draws: the list by
 * RAG month by month (raw counts; disclosure control is applied when the pack is drawn for a role
 * that needs it) and the map (ward outlines with their incidents, and the places reported). It is
 * written once, at issue, and cannot change afterwards, like the agenda items themselves.
 * removed_generators lists the generated items a co-chair took off the agenda, so generating again
 * does not bring them back; it too is frozen once the agenda is issued.
 */
export class MeetingPackFigures1795590000003 implements MigrationInterface {
  name = 'MeetingPackFigures1795590000003';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "meeting" ADD "pack_figures" jsonb`);
    await queryRunner.query(`ALTER TABLE "meeting" ADD "removed_generators" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`CREATE FUNCTION meeting_snapshot_frozen_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status IS DISTINCT FROM 'PLANNED'
           AND (NEW.pack_figures IS DISTINCT FROM OLD.pack_figures OR NEW.removed_generators IS DISTINCT FROM OLD.removed_generators) THEN
          RAISE EXCEPTION 'The agenda of this meeting has been issued: its pack figures are frozen';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER meeting_snapshot_frozen_guard BEFORE UPDATE ON meeting FOR EACH ROW EXECUTE FUNCTION meeting_snapshot_frozen_guard()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER meeting_snapshot_frozen_guard ON meeting`);
    await queryRunner.query(`DROP FUNCTION meeting_snapshot_frozen_guard()`);
    await queryRunner.query(`ALTER TABLE "meeting" DROP COLUMN "removed_generators"`);
    await queryRunner.query(`ALTER TABLE "meeting" DROP COLUMN "pack_figures"`);
  }
}
