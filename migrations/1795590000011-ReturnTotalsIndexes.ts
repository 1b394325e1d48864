import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The agencies' monthly totals (the trends page's agency activity, the agenda's returns section)
 * add up every figure of the submitted and accepted returns in a range of months: at the stress
 * profile about 170k figures for three years. Both sides of that join are read from indexes alone:
 * the figures by month with what is summed (INCLUDE), and the returns that count. Declared on the
 * entities with `synchronize: false`.
 */
export class ReturnTotalsIndexes1795590000011 implements MigrationInterface {
  name = 'ReturnTotalsIndexes1795590000011';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX agency_return_counted_idx ON agency_return (id) WHERE status IN ('SUBMITTED', 'ACCEPTED')`);
    await queryRunner.query(`CREATE INDEX agency_return_figure_period_cover_idx ON agency_return_figure (period, measure) INCLUDE (return_id, agency_kind, value)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX agency_return_figure_period_cover_idx`);
    await queryRunner.query(`DROP INDEX agency_return_counted_idx`);
  }
}
