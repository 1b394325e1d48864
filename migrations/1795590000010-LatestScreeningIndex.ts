import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each young person's latest final screening, read from the index alone: the list page orders the
 * whole list by it (score, then date) before it takes a page, which at the stress profile means one
 * probe per young person on the list. Covering the columns the list reads (INCLUDE) makes each probe
 * an index-only scan with no sort (bench/explain/stress-list-page*.txt). Declared on the entity with
 * `synchronize: false`.
 */
export class LatestScreeningIndex1795590000010 implements MigrationInterface {
  name = 'LatestScreeningIndex1795590000010';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX risk_assessment_latest_final_idx ON risk_assessment (young_person_id, assessed_on DESC, created_at DESC) INCLUDE (final_score, rag, models, next_review_on) WHERE status = 'FINAL'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX risk_assessment_latest_final_idx`);
  }
}
