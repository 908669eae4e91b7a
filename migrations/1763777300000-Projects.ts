import { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnly, grantReadWrite, tenantRls } from '../libs/database/src/migration-sql';

const HEAD = `tenant_id uuid NOT NULL REFERENCES tenants(id), id uuid NOT NULL DEFAULT gen_random_uuid()`;
const KEYS = `PRIMARY KEY (id), UNIQUE (tenant_id, id)`;
const PROJECT_FK = `FOREIGN KEY (tenant_id, project_id) REFERENCES projects (tenant_id, id)`;
const fkMembership = (col: string) => `FOREIGN KEY (tenant_id, ${col}) REFERENCES memberships (tenant_id, id)`;
const FEN = (col: string) => `${col} bigint NOT NULL CHECK (${col} >= 0)`;

const TABLES = [
  'project_settings', 'projects', 'project_budget_lines', 'project_indicators', 'project_tranches',
  'project_milestones', 'project_plan_versions', 'project_reports', 'project_report_spending', 'project_report_alerts',
  'evaluation_assignments', 'project_evaluations', 'project_changes',
];

/** Casework tables (earlier migration) whose rows may count towards a project's indicator; each has organisation_id. */
const CASEWORK_LINKED = ['service_records', 'casework_groups', 'community_events'];
/** Constraint names the casework services recognise (`<table>_project_fk`, `<table>_indicator_fk`). */
const linkFks = (t: string) => [
  `ALTER TABLE ${t} ADD CONSTRAINT ${t}_project_fk
     FOREIGN KEY (tenant_id, project_id, organisation_id) REFERENCES projects (tenant_id, id, organisation_id)`,
  `ALTER TABLE ${t} ADD CONSTRAINT ${t}_indicator_fk
     FOREIGN KEY (tenant_id, project_id, indicator_id) REFERENCES project_indicators (tenant_id, project_id, id)`,
];

/**
 * Project implementation (项目执行): projects created from awarded grants, their tranches (each backed by its own
 * ledger reservation on the district's programme fund), milestones, every version of the plan, periodic reports
 * with spending per budget line, evaluations, changes (变更), and the district's project settings.
 * Idempotency-Key answers live in `idempotency_keys` (venture-calls migration), shared through IdempotencyService.
 * Money stays in the ledger; these tables only point at ledger reservations and entries.
 *
 * Casework's links to a project (service_records, casework_groups, community_events: project_id / indicator_id,
 * created by the earlier casework migration) get their foreign keys here, once the projects tables exist:
 * `(tenant_id, project_id, organisation_id) → projects (tenant_id, id, organisation_id)`, so hours can only count
 * towards a project of the organisation that did the work, and `(tenant_id, project_id, indicator_id) →
 * project_indicators (tenant_id, project_id, id)`, so the indicator is one of that project's. MATCH SIMPLE: a row
 * with no project (or no indicator) is not checked. The casework services turn a refusal into PROJECT_LINK_INVALID.
 */
export class Projects1763777300000 implements MigrationInterface {
  name = 'Projects1763777300000';

  async up(q: QueryRunner): Promise<void> {
    const sql: string[] = [
      `CREATE TABLE project_settings (
         ${HEAD},
         -- A reallocation moving more than this share of the source line needs the officer's approval.
         reallocation_threshold_percent int NOT NULL DEFAULT 10 CHECK (reallocation_threshold_percent BETWEEN 0 AND 100),
         reminder_days_before int NOT NULL DEFAULT 7 CHECK (reminder_days_before BETWEEN 1 AND 60),
         version int NOT NULL DEFAULT 1,
         updated_by uuid,
         updated_at timestamptz NOT NULL DEFAULT now(),
         ${KEYS},
         UNIQUE (tenant_id))`,

      `CREATE TABLE projects (
         ${HEAD},
         award_id uuid NOT NULL,
         call_id uuid NOT NULL,
         call_title text NOT NULL,
         application_id uuid NOT NULL,
         reference_no text NOT NULL CHECK (length(reference_no) BETWEEN 1 AND 40),
         organisation_id uuid NOT NULL,
         title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
         summary text NOT NULL DEFAULT '',
         ${FEN('amount_fen')},
         ${FEN('co_funding_fen')},
         community_ids uuid[] NOT NULL DEFAULT '{}',
         service_areas text[] NOT NULL DEFAULT '{}',
         starts_on date NOT NULL,
         ends_on date NOT NULL,
         officer_user_id uuid NOT NULL REFERENCES users(id),
         officer_membership_id uuid,
         status text NOT NULL CHECK (status IN ('unfunded','active','closed')),
         agreement_signed_on date,
         agreement_signed_by uuid,
         fund_account_id uuid NOT NULL,
         grant_account_id uuid NOT NULL,
         plan_version int NOT NULL DEFAULT 1,
         refunded_fen bigint NOT NULL DEFAULT 0 CHECK (refunded_fen >= 0),
         refund_entry_id uuid,
         closed_at timestamptz,
         closed_by uuid,
         version int NOT NULL DEFAULT 1,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         ${KEYS},
         -- The target of casework's (tenant_id, project_id, organisation_id) foreign keys.
         CONSTRAINT projects_tenant_id_organisation_key UNIQUE (tenant_id, id, organisation_id),
         UNIQUE (tenant_id, award_id),
         UNIQUE (tenant_id, reference_no),
         FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id),
         ${fkMembership('officer_membership_id')},
         FOREIGN KEY (tenant_id, fund_account_id) REFERENCES ledger_accounts (tenant_id, id),
         FOREIGN KEY (tenant_id, grant_account_id) REFERENCES ledger_accounts (tenant_id, id),
         FOREIGN KEY (tenant_id, refund_entry_id) REFERENCES ledger_entries (tenant_id, id),
         CHECK (ends_on >= starts_on),
         CHECK ((status = 'closed') = (closed_at IS NOT NULL)))`,
      `CREATE INDEX projects_org_idx ON projects (tenant_id, organisation_id)`,
      `CREATE INDEX projects_list_idx ON projects (tenant_id, status, created_at DESC, id)`,

      `CREATE TABLE project_budget_lines (
         ${HEAD},
         project_id uuid NOT NULL,
         code text NOT NULL CHECK (length(code) BETWEEN 1 AND 40),
         name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
         ${FEN('awarded_fen')},
         -- The line as the current plan has it (after reallocations).
         ${FEN('amount_fen')},
         ${KEYS}, ${PROJECT_FK},
         UNIQUE (tenant_id, project_id, code))`,

      `CREATE TABLE project_indicators (
         ${HEAD},
         project_id uuid NOT NULL,
         code text NOT NULL CHECK (length(code) BETWEEN 1 AND 40),
         name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
         unit text NOT NULL CHECK (length(unit) BETWEEN 1 AND 20),
         baseline numeric(14,2) NOT NULL,
         target numeric(14,2) NOT NULL,
         ${KEYS}, ${PROJECT_FK},
         UNIQUE (tenant_id, project_id, code),
         -- The target of casework's (tenant_id, project_id, indicator_id) foreign keys.
         CONSTRAINT project_indicators_tenant_project_id_key UNIQUE (tenant_id, project_id, id))`,

      `CREATE TABLE project_tranches (
         ${HEAD},
         project_id uuid NOT NULL,
         seq int NOT NULL CHECK (seq BETWEEN 1 AND 20),
         name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
         percent numeric(5,2) NOT NULL CHECK (percent > 0 AND percent <= 100),
         amount_fen bigint NOT NULL CHECK (amount_fen > 0),
         conditions jsonb NOT NULL DEFAULT '[]',
         status text NOT NULL CHECK (status IN ('pending','frozen','released','cancelled')),
         -- The ledger reservation holding this tranche's money on the programme fund (null while unfunded).
         reservation_key text,
         released_entry_id uuid,
         released_at timestamptz,
         released_by uuid,
         frozen_reason text,
         version int NOT NULL DEFAULT 1,
         ${KEYS}, ${PROJECT_FK},
         FOREIGN KEY (tenant_id, reservation_key) REFERENCES ledger_reservations (tenant_id, reservation_key),
         FOREIGN KEY (tenant_id, released_entry_id) REFERENCES ledger_entries (tenant_id, id),
         UNIQUE (tenant_id, project_id, seq),
         -- Paid once: released exactly when it points at its ledger entry.
         CHECK ((status = 'released') = (released_entry_id IS NOT NULL)))`,

      `CREATE TABLE project_milestones (
         ${HEAD},
         project_id uuid NOT NULL,
         seq int NOT NULL,
         name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
         due_on date NOT NULL,
         status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','in_progress','done','delayed')),
         completed_on date,
         ${KEYS}, ${PROJECT_FK},
         UNIQUE (tenant_id, project_id, seq))`,

      // Every version of the plan (budget lines, indicators, milestones, dates) as it stood, append-only.
      `CREATE TABLE project_plan_versions (
         ${HEAD},
         project_id uuid NOT NULL,
         version_no int NOT NULL CHECK (version_no >= 1),
         plan jsonb NOT NULL,
         reason text NOT NULL,
         change_id uuid,
         created_by uuid,
         created_at timestamptz NOT NULL DEFAULT now(),
         ${KEYS}, ${PROJECT_FK},
         UNIQUE (tenant_id, project_id, version_no))`,

      `CREATE TABLE project_reports (
         ${HEAD},
         project_id uuid NOT NULL,
         kind text NOT NULL CHECK (kind IN ('monthly','interim','final')),
         period_start date NOT NULL,
         period_end date NOT NULL,
         due_on date NOT NULL,
         status text NOT NULL DEFAULT 'due' CHECK (status IN ('due','submitted','approved','returned')),
         narrative text NOT NULL DEFAULT '',
         indicator_values jsonb NOT NULL DEFAULT '[]',
         milestone_statuses jsonb NOT NULL DEFAULT '[]',
         review_comment text,
         submitted_at timestamptz,
         submitted_by uuid,
         reviewed_at timestamptz,
         reviewed_by uuid,
         overdue_since date,
         version int NOT NULL DEFAULT 1,
         created_at timestamptz NOT NULL DEFAULT now(),
         ${KEYS}, ${PROJECT_FK},
         UNIQUE (tenant_id, project_id, kind, period_start),
         CHECK (period_end >= period_start))`,
      `CREATE INDEX project_reports_due_idx ON project_reports (tenant_id, due_on) WHERE status IN ('due','returned')`,
      `CREATE INDEX project_reports_project_idx ON project_reports (tenant_id, project_id, due_on)`,

      `CREATE TABLE project_report_spending (
         ${HEAD},
         report_id uuid NOT NULL,
         budget_line_id uuid NOT NULL,
         ${FEN('amount_fen')},
         ${KEYS},
         FOREIGN KEY (tenant_id, report_id) REFERENCES project_reports (tenant_id, id),
         FOREIGN KEY (tenant_id, budget_line_id) REFERENCES project_budget_lines (tenant_id, id),
         UNIQUE (tenant_id, report_id, budget_line_id))`,

      // One reminder and one overdue flag per report and due day: the scan may run any number of times.
      `CREATE TABLE project_report_alerts (
         ${HEAD},
         report_id uuid NOT NULL,
         kind text NOT NULL CHECK (kind IN ('reminder','overdue')),
         due_on date NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         ${KEYS},
         FOREIGN KEY (tenant_id, report_id) REFERENCES project_reports (tenant_id, id),
         UNIQUE (tenant_id, report_id, kind, due_on))`,

      `CREATE TABLE evaluation_assignments (
         ${HEAD},
         project_id uuid NOT NULL,
         evaluator_membership_id uuid NOT NULL,
         created_by uuid,
         created_at timestamptz NOT NULL DEFAULT now(),
         ended_at timestamptz,
         ${KEYS}, ${PROJECT_FK}, ${fkMembership('evaluator_membership_id')})`,
      `CREATE UNIQUE INDEX evaluation_assignments_active ON evaluation_assignments (tenant_id, project_id, evaluator_membership_id) WHERE ended_at IS NULL`,
      `CREATE INDEX evaluation_assignments_evaluator_idx ON evaluation_assignments (tenant_id, evaluator_membership_id) WHERE ended_at IS NULL`,

      `CREATE TABLE project_evaluations (
         ${HEAD},
         project_id uuid NOT NULL,
         stage text NOT NULL CHECK (stage IN ('midterm','final')),
         evaluator_membership_id uuid NOT NULL,
         score numeric(5,2) NOT NULL CHECK (score BETWEEN 0 AND 100),
         grade text NOT NULL CHECK (grade IN ('excellent','good','qualified','unqualified')),
         passed boolean NOT NULL,
         findings text NOT NULL,
         evaluated_on date NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         ${KEYS}, ${PROJECT_FK}, ${fkMembership('evaluator_membership_id')},
         UNIQUE (tenant_id, project_id, stage),
         CHECK (passed = (grade <> 'unqualified')))`,

      `CREATE TABLE project_changes (
         ${HEAD},
         project_id uuid NOT NULL,
         kind text NOT NULL CHECK (kind IN ('reallocation','extension','indicator_target')),
         detail jsonb NOT NULL,
         reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
         status text NOT NULL CHECK (status IN ('pending','approved','rejected','applied')),
         needs_approval boolean NOT NULL,
         requested_by uuid NOT NULL,
         decided_by uuid,
         decided_at timestamptz,
         decision_comment text,
         plan_version int,
         version int NOT NULL DEFAULT 1,
         created_at timestamptz NOT NULL DEFAULT now(),
         ${KEYS}, ${PROJECT_FK})`,
      `CREATE INDEX project_changes_project_idx ON project_changes (tenant_id, project_id, created_at)`,
      `CREATE INDEX project_budget_lines_project_idx ON project_budget_lines (tenant_id, project_id)`,
      ...CASEWORK_LINKED.flatMap(linkFks),
    ];
    for (const s of sql) await q.query(s);
    for (const t of TABLES) {
      for (const s of tenantRls(t)) await q.query(s);
      if (t === 'project_plan_versions' || t === 'project_report_alerts') {
        for (const s of appendOnly(t)) await q.query(s);
      } else {
        await q.query(grantReadWrite(t, { delete: t === 'project_report_spending' }));
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    // Casework's tables stay (they belong to the earlier migration); only their links into these tables go.
    for (const t of CASEWORK_LINKED) {
      await q.query(`ALTER TABLE IF EXISTS ${t} DROP CONSTRAINT IF EXISTS ${t}_indicator_fk, DROP CONSTRAINT IF EXISTS ${t}_project_fk`);
    }
    for (const t of [...TABLES].reverse()) await q.query(`DROP TABLE IF EXISTS ${t}`);
  }
}
