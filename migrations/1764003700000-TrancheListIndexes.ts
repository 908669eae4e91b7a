import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The district's tranche list (GET /projects/tranches) filters on the tranche's status (finance reads the open ones,
 * pending and frozen) and on the project's call or organisation. Its order starts with readiness, judged in the
 * application by the release's own condition engine, so no index can hold the order; these serve the filters and the
 * join to projects, which keeps a page proportional to the open tranches rather than to every tranche ever paid.
 */
const CREATED: Array<[name: string, definition: string]> = [
  ['project_tranches_status_list_idx', 'project_tranches (tenant_id, status, project_id, seq)'],
  ['projects_call_idx', 'projects (tenant_id, call_id)'],
];

export class TrancheListIndexes1764003700000 implements MigrationInterface {
  name = 'TrancheListIndexes1764003700000';

  async up(q: QueryRunner): Promise<void> {
    for (const [name, def] of CREATED) await q.query(`CREATE INDEX ${name} ON ${def}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [name] of [...CREATED].reverse()) await q.query(`DROP INDEX ${name}`);
  }
}
