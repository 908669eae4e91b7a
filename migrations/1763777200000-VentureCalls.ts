import { MigrationInterface, QueryRunner } from 'typeorm';
import { appRole, appendOnly, grantReadWrite, tenantRls } from '../libs/database/src/migration-sql';

/** Columns every tenant table starts with. */
const HEAD = `tenant_id uuid NOT NULL REFERENCES tenants(id), id uuid NOT NULL DEFAULT gen_random_uuid()`;
const KEYS = `PRIMARY KEY (id), UNIQUE (tenant_id, id)`;
const FEN = (col: string, nullable = false) => `${col} bigint ${nullable ? '' : 'NOT NULL '}CHECK (${col} >= 0)`;
const fk = (col: string, table: string) => `FOREIGN KEY (tenant_id, ${col}) REFERENCES ${table} (tenant_id, id)`;

/**
 * Public-interest venture calls (公益创投): the district's working-day calendar, reference counters and idempotency keys
 * (small platform tables any module may use), calls with their form, rubric and timeline, applications with co-editors
 * and an append-only history, the reviewer panel, declared conflicts and review assignments, the selection, public-notice
 * objections and awards with their agreement PDF.
 *
 * Cross-district reading happens in one place only: `calls_due_for_closing`, a SECURITY DEFINER function the worker's
 * scheduler calls to find published calls past their closing time; it returns ids, and each call is then closed in a
 * transaction of its own district.
 */
export class VentureCalls1763777200000 implements MigrationInterface {
  name = 'VentureCalls1763777200000';

  async up(q: QueryRunner): Promise<void> {
    const app = appRole();
    const sql: string[] = [
      // ---- platform pieces ----
      `CREATE TABLE district_holidays (
         ${HEAD},
         day date NOT NULL,
         kind text NOT NULL CHECK (kind IN ('holiday','workday')),
         name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
         created_by uuid,
         created_at timestamptz NOT NULL DEFAULT now(),
         ${KEYS},
         UNIQUE (tenant_id, day))`,
      // reference_counters and idempotency_keys back libs/tenancy's ReferenceNumberService and IdempotencyService,
      // which every module uses (applications, awards, cases, tranche releases); they arrived with this migration.
      `CREATE TABLE reference_counters (
         ${HEAD},
         series text NOT NULL CHECK (series ~ '^[A-Z]{1,8}$'),
         year int NOT NULL CHECK (year BETWEEN 2000 AND 2999),
         last int NOT NULL DEFAULT 0 CHECK (last >= 0),
         ${KEYS},
         UNIQUE (tenant_id, series, year))`,
      `CREATE TABLE idempotency_keys (
         ${HEAD},
         scope text NOT NULL,
         actor_user_id uuid NOT NULL,
         key text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
         request_hash text NOT NULL,
         response jsonb,
         created_at timestamptz NOT NULL DEFAULT now(),
         ${KEYS},
         UNIQUE (tenant_id, scope, actor_user_id, key))`,

      // ---- calls ----
      `CREATE TABLE calls (
         ${HEAD},
         title text NOT NULL CHECK (length(title) BETWEEN 2 AND 100),
         theme text NOT NULL CHECK (length(theme) BETWEEN 1 AND 100),
         description text NOT NULL CHECK (length(description) <= 10000),
         ${FEN('fund_pool_fen')}, ${FEN('min_amount_fen')}, ${FEN('max_amount_fen')},
         co_funding_percent int NOT NULL CHECK (co_funding_percent BETWEEN 0 AND 100),
         service_areas text[] NOT NULL DEFAULT '{}',
         community_ids uuid[] NOT NULL DEFAULT '{}',
         eligibility jsonb NOT NULL DEFAULT '{}',
         form jsonb NOT NULL,
         rubric jsonb NOT NULL,
         reviewers_per_application int NOT NULL CHECK (reviewers_per_application BETWEEN 1 AND 15),
         blind_review boolean NOT NULL DEFAULT false,
         normalise_scores boolean NOT NULL DEFAULT false,
         min_score_to_fund numeric(6,2) NOT NULL DEFAULT 60 CHECK (min_score_to_fund BETWEEN 0 AND 100),
         applications_per_organisation int NOT NULL DEFAULT 1 CHECK (applications_per_organisation BETWEEN 1 AND 100),
         notice_working_days int NOT NULL CHECK (notice_working_days BETWEEN 1 AND 30),
         tranche_plan jsonb NOT NULL,
         project_starts_on date NOT NULL,
         project_ends_on date NOT NULL,
         opens_at timestamptz NOT NULL,
         closes_at timestamptz NOT NULL,
         review_by timestamptz NOT NULL,
         notice_on date NOT NULL,
         award_by date NOT NULL,
         status text NOT NULL DEFAULT 'draft'
           CHECK (status IN ('draft','published','closed','reviewing','notice','awarded','cancelled')),
         officer_user_id uuid NOT NULL REFERENCES users(id),
         published_at timestamptz, closed_at timestamptz, review_started_at timestamptz,
         notice_starts_at timestamptz, notice_ends_at timestamptz, awarded_at timestamptz,
         selection_reason text,
         created_by uuid NOT NULL,
         version int NOT NULL DEFAULT 1,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         ${KEYS},
         CHECK (min_amount_fen <= max_amount_fen AND max_amount_fen <= fund_pool_fen AND fund_pool_fen > 0),
         CHECK (opens_at < closes_at AND closes_at <= review_by),
         CHECK (project_starts_on <= project_ends_on),
         CHECK ((status = 'notice') <= (notice_ends_at IS NOT NULL)))`,
      `CREATE INDEX calls_status_idx ON calls (tenant_id, status, closes_at)`,
      `CREATE INDEX calls_due_idx ON calls (closes_at) WHERE status = 'published'`,

      // ---- applications ----
      `CREATE TABLE applications (
         ${HEAD},
         call_id uuid NOT NULL,
         organisation_id uuid NOT NULL,
         created_by_membership_id uuid NOT NULL,
         title text NOT NULL DEFAULT '' CHECK (length(title) <= 100),
         summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 5000),
         ${FEN('requested_fen', true)}, ${FEN('co_funding_fen', true)},
         core jsonb NOT NULL DEFAULT '{}',
         answers jsonb NOT NULL DEFAULT '{}',
         status text NOT NULL DEFAULT 'draft'
           CHECK (status IN ('draft','submitted','returned','withdrawn','passed','rejected','awarded','declined')),
         reference_no text,
         submitted_at timestamptz,
         submitted_by uuid,
         snapshot jsonb,
         snapshot_sha256 text,
         eligibility jsonb,
         auto_checks jsonb,
         screening_reason text,
         screened_by uuid, screened_at timestamptz,
         version int NOT NULL DEFAULT 1,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         ${KEYS},
         ${fk('call_id', 'calls')}, ${fk('organisation_id', 'organisations')}, ${fk('created_by_membership_id', 'memberships')},
         CHECK ((status IN ('draft')) OR reference_no IS NOT NULL OR status = 'withdrawn'),
         CHECK ((reference_no IS NULL) = (snapshot IS NULL)))`,
      `CREATE UNIQUE INDEX applications_reference_key ON applications (tenant_id, reference_no) WHERE reference_no IS NOT NULL`,
      `CREATE INDEX applications_call_idx ON applications (tenant_id, call_id, status)`,
      `CREATE INDEX applications_org_idx ON applications (tenant_id, organisation_id, call_id)`,
      `CREATE TABLE application_editors (
         ${HEAD},
         application_id uuid NOT NULL,
         membership_id uuid NOT NULL,
         added_by uuid,
         created_at timestamptz NOT NULL DEFAULT now(),
         ${KEYS},
         UNIQUE (tenant_id, application_id, membership_id),
         ${fk('application_id', 'applications')}, ${fk('membership_id', 'memberships')})`,
      `CREATE TABLE application_history (
         ${HEAD},
         application_id uuid NOT NULL,
         action text NOT NULL,
         from_status text, to_status text,
         reason text,
         actor_user_id uuid,
         occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
         ${KEYS},
         ${fk('application_id', 'applications')})`,
      `CREATE INDEX application_history_idx ON application_history (tenant_id, application_id, occurred_at)`,

      // ---- reviews ----
      `CREATE TABLE call_reviewers (
         ${HEAD},
         call_id uuid NOT NULL,
         membership_id uuid NOT NULL,
         added_by uuid,
         created_at timestamptz NOT NULL DEFAULT now(),
         ${KEYS},
         UNIQUE (tenant_id, call_id, membership_id),
         ${fk('call_id', 'calls')}, ${fk('membership_id', 'memberships')})`,
      `CREATE TABLE review_conflicts (
         ${HEAD},
         call_id uuid NOT NULL,
         membership_id uuid NOT NULL,
         organisation_id uuid NOT NULL,
         reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
         declared_at timestamptz NOT NULL DEFAULT now(),
         ${KEYS},
         UNIQUE (tenant_id, call_id, membership_id, organisation_id),
         ${fk('call_id', 'calls')}, ${fk('membership_id', 'memberships')}, ${fk('organisation_id', 'organisations')})`,
      `CREATE TABLE review_assignments (
         ${HEAD},
         call_id uuid NOT NULL,
         application_id uuid NOT NULL,
         reviewer_membership_id uuid NOT NULL,
         status text NOT NULL DEFAULT 'assigned' CHECK (status IN ('assigned','submitted','conflict')),
         scores jsonb NOT NULL DEFAULT '[]',
         comment text CHECK (length(comment) <= 5000),
         weighted_total numeric(9,4),
         submitted_at timestamptz,
         replaces_id uuid,
         version int NOT NULL DEFAULT 1,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         ${KEYS},
         UNIQUE (tenant_id, application_id, reviewer_membership_id),
         ${fk('call_id', 'calls')}, ${fk('application_id', 'applications')}, ${fk('reviewer_membership_id', 'memberships')},
         CHECK ((status = 'submitted') = (submitted_at IS NOT NULL)))`,
      `CREATE INDEX review_assignments_reviewer_idx ON review_assignments (tenant_id, reviewer_membership_id, status)`,
      `CREATE INDEX review_assignments_call_idx ON review_assignments (tenant_id, call_id, application_id)`,

      // ---- selection, notice, award ----
      `CREATE TABLE call_selections (
         ${HEAD},
         call_id uuid NOT NULL,
         application_id uuid NOT NULL,
         rank int NOT NULL CHECK (rank >= 1),
         score numeric(9,4) NOT NULL,
         ${FEN('requested_fen')}, ${FEN('amount_fen')},
         reason text CHECK (length(reason) <= 500),
         selected_by uuid,
         created_at timestamptz NOT NULL DEFAULT now(),
         ${KEYS},
         UNIQUE (tenant_id, call_id, application_id),
         ${fk('call_id', 'calls')}, ${fk('application_id', 'applications')})`,
      `CREATE TABLE call_objections (
         ${HEAD},
         call_id uuid NOT NULL,
         application_id uuid,
         name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
         contact text NOT NULL CHECK (length(contact) BETWEEN 5 AND 100),
         content text NOT NULL CHECK (length(content) BETWEEN 5 AND 2000),
         status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','answered')),
         answer text CHECK (length(answer) <= 2000),
         answered_by uuid, answered_at timestamptz,
         receipt_hash bytea NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         ${KEYS},
         ${fk('call_id', 'calls')}, ${fk('application_id', 'applications')},
         CHECK ((status = 'answered') = (answer IS NOT NULL)))`,
      `CREATE INDEX call_objections_call_idx ON call_objections (tenant_id, call_id, status)`,
      `CREATE TABLE awards (
         ${HEAD},
         call_id uuid NOT NULL,
         application_id uuid NOT NULL,
         organisation_id uuid NOT NULL,
         reference_no text NOT NULL,
         ${FEN('amount_fen')},
         status text NOT NULL DEFAULT 'offered' CHECK (status IN ('offered','accepted')),
         payload jsonb NOT NULL,
         agreement_pdf bytea NOT NULL,
         agreement_sha256 text NOT NULL CHECK (agreement_sha256 ~ '^[0-9a-f]{64}$'),
         accepted_by uuid, accepted_at timestamptz,
         created_at timestamptz NOT NULL DEFAULT now(),
         version int NOT NULL DEFAULT 1,
         ${KEYS},
         UNIQUE (tenant_id, application_id),
         UNIQUE (tenant_id, reference_no),
         ${fk('call_id', 'calls')}, ${fk('application_id', 'applications')}, ${fk('organisation_id', 'organisations')},
         CHECK ((status = 'accepted') = (accepted_at IS NOT NULL)))`,
      `CREATE INDEX awards_org_idx ON awards (tenant_id, organisation_id)`,
    ];
    const readWrite = ['reference_counters', 'idempotency_keys', 'calls', 'applications', 'call_reviewers', 'review_assignments', 'call_objections', 'awards'];
    const all = ['district_holidays', ...readWrite, 'application_editors', 'application_history', 'review_conflicts', 'call_selections'];
    for (const t of all) sql.push(...tenantRls(t));
    for (const t of readWrite) sql.push(grantReadWrite(t));
    sql.push(
      grantReadWrite('district_holidays', { delete: true }),
      grantReadWrite('application_editors', { delete: true }),
      grantReadWrite('call_selections', { delete: true }),
      ...appendOnly('application_history'),
      ...appendOnly('review_conflicts'),
      // The closing scheduler: ids of due calls in every district, read by the owner through this function only.
      `CREATE POLICY scheduler_reads_due_calls ON calls FOR SELECT TO CURRENT_USER USING (true)`,
      `CREATE FUNCTION calls_due_for_closing(at timestamptz, batch int) RETURNS TABLE (tenant_id uuid, id uuid)
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
         SELECT c.tenant_id, c.id FROM calls c WHERE c.status = 'published' AND c.closes_at <= at ORDER BY c.closes_at LIMIT batch $$`,
      `REVOKE ALL ON FUNCTION calls_due_for_closing(timestamptz, int) FROM PUBLIC`,
      `GRANT EXECUTE ON FUNCTION calls_due_for_closing(timestamptz, int) TO ${app}`,
    );
    for (const s of sql) await q.query(s);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const s of [
      'DROP FUNCTION IF EXISTS calls_due_for_closing(timestamptz, int)',
      'DROP TABLE IF EXISTS awards, call_objections, call_selections, review_assignments, review_conflicts, call_reviewers',
      'DROP TABLE IF EXISTS application_history, application_editors, applications, calls',
      'DROP TABLE IF EXISTS idempotency_keys, reference_counters, district_holidays',
    ]) await q.query(s);
  }
}
