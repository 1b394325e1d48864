import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the pages measured by `npm run bench` at the stress profile (bench/explain/ holds the
 * plans that use them). Declared on the entities with `synchronize: false`, so schema generation
 * neither drops nor recreates them.
 */
export class BenchIndexes1795590000001 implements MigrationInterface {
  name = 'BenchIndexes1795590000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // A young person's list spells, in order: "was on the list on that day" (missing episodes,
    // click-through, the list's history) without scanning every spell.
    await queryRunner.query(`CREATE INDEX list_membership_young_person_idx ON list_membership (young_person_id, started_on)`);
    // Final screenings completed in a window (the agenda's rises in score, the month's themes).
    await queryRunner.query(`CREATE INDEX risk_assessment_final_assessed_idx ON risk_assessment (assessed_on) WHERE status = 'FINAL'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX risk_assessment_final_assessed_idx`);
    await queryRunner.query(`DROP INDEX list_membership_young_person_idx`);
  }
}
