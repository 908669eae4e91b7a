import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a tranche was frozen (by a failed evaluation): the officer deciding on an unfreeze and finance reading the list
 * see how long it has waited. Tranches frozen before this column existed keep NULL (the time is not recoverable).
 */
export class TrancheFrozenAt1764010000000 implements MigrationInterface {
  name = 'TrancheFrozenAt1764010000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE project_tranches ADD COLUMN frozen_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE project_tranches DROP COLUMN frozen_at`);
  }
}
