import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A project may close before its end date only as an early termination (提前终止), and the reason is part of the
 * record: the officer's stated reason, kept beside `closed_at` and shown with the project. A project closed on or
 * after its end has none.
 */
export class ProjectEarlyTermination1764001200000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE projects ADD COLUMN termination_reason text`);
    await q.query(`ALTER TABLE projects ADD CONSTRAINT projects_termination_reason_closed_chk
                     CHECK (termination_reason IS NULL OR (status = 'closed' AND length(termination_reason) BETWEEN 2 AND 1000))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE projects DROP CONSTRAINT projects_termination_reason_closed_chk`);
    await q.query(`ALTER TABLE projects DROP COLUMN termination_reason`);
  }
}
