import { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnly, grantReadWrite, tenantRls } from '../libs/database/src/migration-sql';

/** Columns every tenant table starts with. */
const HEAD = `tenant_id uuid NOT NULL REFERENCES tenants(id), id uuid NOT NULL DEFAULT gen_random_uuid()`;
const KEYS = `PRIMARY KEY (id), UNIQUE (tenant_id, id)`;
const ORG_FK = `FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id)`;
const fkMembership = (col: string) => `FOREIGN KEY (tenant_id, ${col}) REFERENCES memberships (tenant_id, id)`;
/** Minutes of one activity: from 1 minute to a 24-hour day. */
const MINUTES = (col: string) => `${col} int NOT NULL CHECK (${col} BETWEEN 1 AND 1440)`;

/**
 * Casework (个案, 小组, 社区) with protected personal information, and the per-district keys that protect it.
 *
 * Columns ending in `_enc` hold AES-256-GCM ciphertext (libs/crypto: version | key id | iv | ciphertext | tag) and
 * are never readable without the district's data key; `_hash` columns are HMAC blind indexes for exact lookup;
 * `_masked` columns hold what lists display (e.g. `3301**********123X`). Nothing here stores an ID number, phone,
 * address or note in clear. project_id / indicator_id get their foreign keys in the projects migration
 * (1763777300000-Projects.ts), which creates the tables they point at: to a project of the same organisation, and
 * to an indicator of that project.
 */
export class Casework1763777100000 implements MigrationInterface {
  name = 'Casework1763777100000';

  async up(q: QueryRunner): Promise<void> {
    const sql: string[] = [
      // ---- keys ----
      `CREATE TABLE tenant_keys (
         ${HEAD},
         purpose text NOT NULL CHECK (purpose IN ('field','index')),
         version int NOT NULL CHECK (version >= 1),
         wrapped_key bytea NOT NULL,
         master_key_id text NOT NULL,
         status text NOT NULL CHECK (status IN ('active','retired')),
         created_at timestamptz NOT NULL DEFAULT now(),
         retired_at timestamptz,
         ${KEYS},
         UNIQUE (tenant_id, purpose, version))`,
      `CREATE UNIQUE INDEX tenant_keys_one_active ON tenant_keys (tenant_id, purpose) WHERE status = 'active'`,

      // ---- organisation settings, team, certificates ----
      `CREATE TABLE casework_settings (
         ${HEAD},
         organisation_id uuid NOT NULL,
         require_assessment_approval boolean NOT NULL DEFAULT true,
         require_plan_approval boolean NOT NULL DEFAULT true,
         require_closure_approval boolean NOT NULL DEFAULT true,
         record_lock_days int NOT NULL DEFAULT 7 CHECK (record_lock_days BETWEEN 0 AND 365),
         assessment_due_days int NOT NULL DEFAULT 7 CHECK (assessment_due_days BETWEEN 1 AND 365),
         plan_due_days int NOT NULL DEFAULT 14 CHECK (plan_due_days BETWEEN 1 AND 365),
         follow_up_due_days int NOT NULL DEFAULT 30 CHECK (follow_up_due_days BETWEEN 1 AND 730),
         updated_by uuid,
         version int NOT NULL DEFAULT 1,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         ${KEYS},
         UNIQUE (tenant_id, organisation_id),
         ${ORG_FK})`,

      `CREATE TABLE supervision_assignments (
         ${HEAD},
         organisation_id uuid NOT NULL,
         supervisor_membership_id uuid NOT NULL,
         worker_membership_id uuid NOT NULL,
         started_at timestamptz NOT NULL DEFAULT now(),
         ended_at timestamptz,
         created_by uuid,
         ${KEYS},
         ${ORG_FK}, ${fkMembership('supervisor_membership_id')}, ${fkMembership('worker_membership_id')},
         CHECK (supervisor_membership_id <> worker_membership_id))`,
      `CREATE UNIQUE INDEX supervision_assignments_active ON supervision_assignments (tenant_id, supervisor_membership_id, worker_membership_id) WHERE ended_at IS NULL`,
      `CREATE INDEX supervision_assignments_worker_idx ON supervision_assignments (tenant_id, worker_membership_id) WHERE ended_at IS NULL`,

      `CREATE TABLE worker_certificates (
         ${HEAD},
         membership_id uuid NOT NULL,
         level text NOT NULL CHECK (level IN ('assistant','intermediate','senior')),
         certificate_no text NOT NULL CHECK (certificate_no ~ '^[0-9A-Za-z-]{4,40}$'),
         issued_on date NOT NULL,
         valid_until date,
         created_by uuid,
         version int NOT NULL DEFAULT 1,
         created_at timestamptz NOT NULL DEFAULT now(),
         ${KEYS},
         UNIQUE (tenant_id, certificate_no),
         ${fkMembership('membership_id')},
         CHECK (valid_until IS NULL OR valid_until > issued_on))`,
      `CREATE INDEX worker_certificates_member_idx ON worker_certificates (tenant_id, membership_id)`,

      // ---- people served ----
      `CREATE TABLE beneficiaries (
         ${HEAD},
         organisation_id uuid NOT NULL,
         name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
         gender text NOT NULL CHECK (gender IN ('male','female')),
         birth_year smallint NOT NULL CHECK (birth_year BETWEEN 1900 AND 2200),
         id_number_enc bytea NOT NULL,
         id_number_hash bytea NOT NULL CHECK (length(id_number_hash) = 32),
         id_number_masked text NOT NULL,
         phone_enc bytea,
         phone_masked text,
         address_enc bytea,
         community_id uuid,
         household_enc bytea,
         vulnerability_enc bytea,
         vulnerability_tag_hashes bytea[] NOT NULL DEFAULT '{}',
         guardian_enc bytea,
         notes_enc bytea,
         status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','archived')),
         created_by_membership_id uuid NOT NULL,
         version int NOT NULL DEFAULT 1,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         ${KEYS},
         ${ORG_FK}, ${fkMembership('created_by_membership_id')},
         FOREIGN KEY (tenant_id, community_id) REFERENCES places (tenant_id, id),
         CHECK ((phone_enc IS NULL) = (phone_masked IS NULL)))`,
      // One record per person per organisation, found by the keyed hash of the ID number.
      `CREATE UNIQUE INDEX beneficiaries_id_number_key ON beneficiaries (tenant_id, organisation_id, id_number_hash)`,
      `CREATE INDEX beneficiaries_org_idx ON beneficiaries (tenant_id, organisation_id, created_at DESC, id)`,
      `CREATE INDEX beneficiaries_community_idx ON beneficiaries (tenant_id, community_id)`,

      `CREATE TABLE beneficiary_consents (
         ${HEAD},
         beneficiary_id uuid NOT NULL,
         purpose text NOT NULL CHECK (purpose IN ('service','funder_aggregate','referral')),
         form_version text NOT NULL CHECK (length(form_version) BETWEEN 1 AND 30),
         given_on date NOT NULL,
         given_by text NOT NULL CHECK (given_by IN ('self','guardian')),
         giver_name_enc bytea,
         scope text[] NOT NULL DEFAULT '{}',
         recorded_by_membership_id uuid NOT NULL,
         ended_at timestamptz,
         end_kind text CHECK (end_kind IN ('withdrawn','superseded')),
         end_reason text CHECK (length(end_reason) <= 200),
         ended_by_membership_id uuid,
         created_at timestamptz NOT NULL DEFAULT now(),
         ${KEYS},
         FOREIGN KEY (tenant_id, beneficiary_id) REFERENCES beneficiaries (tenant_id, id),
         ${fkMembership('recorded_by_membership_id')},
         CHECK ((ended_at IS NULL) = (end_kind IS NULL)),
         CHECK ((given_by = 'guardian') = (giver_name_enc IS NOT NULL)))`,
      `CREATE UNIQUE INDEX beneficiary_consents_one_active ON beneficiary_consents (tenant_id, beneficiary_id, purpose) WHERE ended_at IS NULL`,

      // ---- cases ----
      `CREATE TABLE cases (
         ${HEAD},
         organisation_id uuid NOT NULL,
         beneficiary_id uuid NOT NULL,
         case_no text NOT NULL,
         worker_membership_id uuid NOT NULL,
         status text NOT NULL CHECK (status IN ('intake','declined','assessment','assessment_review','planning','plan_review',
                                                'intervention','evaluation','closure_review','closed','followed_up')),
         source text NOT NULL CHECK (source IN ('self','referral','outreach')),
         presenting_problem_enc bytea NOT NULL,
         decline_reason_enc bytea,
         assessment_enc bytea,
         risk_level text CHECK (risk_level IN ('low','medium','high','critical')),
         plan_enc bytea,
         plan_start_on date,
         plan_end_on date,
         evaluation_enc bytea,
         goals_achieved text CHECK (goals_achieved IN ('all','most','some','none')),
         satisfaction smallint CHECK (satisfaction BETWEEN 1 AND 5),
         closure_reason text CHECK (closure_reason IN ('goals_achieved','beneficiary_withdrew','referred','moved_away','lost_contact','deceased','other')),
         closure_summary_enc bytea,
         accepted_at timestamptz,
         evaluated_at timestamptz,
         closed_at timestamptz,
         follow_up_due_on date,
         status_changed_at timestamptz NOT NULL DEFAULT now(),
         created_by_membership_id uuid NOT NULL,
         version int NOT NULL DEFAULT 1,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         ${KEYS},
         UNIQUE (tenant_id, case_no),
         ${ORG_FK}, ${fkMembership('worker_membership_id')}, ${fkMembership('created_by_membership_id')},
         FOREIGN KEY (tenant_id, beneficiary_id) REFERENCES beneficiaries (tenant_id, id),
         CHECK (plan_end_on IS NULL OR plan_start_on IS NULL OR plan_end_on >= plan_start_on))`,
      `CREATE INDEX cases_worker_idx ON cases (tenant_id, worker_membership_id, status)`,
      `CREATE INDEX cases_org_idx ON cases (tenant_id, organisation_id, created_at DESC, id)`,
      `CREATE INDEX cases_beneficiary_idx ON cases (tenant_id, beneficiary_id)`,
      // At most one active case per person (ACTIVE_STATUSES in case.transitions.ts): two workers opening at once cannot both succeed.
      `CREATE UNIQUE INDEX cases_one_active_per_beneficiary ON cases (tenant_id, beneficiary_id)
         WHERE status IN ('intake','assessment','assessment_review','planning','plan_review','intervention','evaluation','closure_review')`,

      `CREATE TABLE case_assistants (
         ${HEAD},
         case_id uuid NOT NULL,
         membership_id uuid NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         ${KEYS},
         UNIQUE (tenant_id, case_id, membership_id),
         FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id), ${fkMembership('membership_id')})`,
      `CREATE INDEX case_assistants_member_idx ON case_assistants (tenant_id, membership_id)`,

      `CREATE TABLE case_approvals (
         ${HEAD},
         case_id uuid NOT NULL,
         step text NOT NULL CHECK (step IN ('assessment','plan','closure')),
         submitted_by_membership_id uuid NOT NULL,
         submitted_at timestamptz NOT NULL DEFAULT now(),
         decision text CHECK (decision IN ('approved','returned')),
         decided_by_membership_id uuid,
         decided_at timestamptz,
         comment_enc bytea,
         ${KEYS},
         FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id),
         ${fkMembership('submitted_by_membership_id')}, ${fkMembership('decided_by_membership_id')},
         CHECK ((decision IS NULL) = (decided_at IS NULL)))`,
      `CREATE UNIQUE INDEX case_approvals_one_pending ON case_approvals (tenant_id, case_id) WHERE decision IS NULL`,

      `CREATE TABLE case_comments (
         ${HEAD},
         case_id uuid NOT NULL,
         author_membership_id uuid NOT NULL,
         body_enc bytea NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         ${KEYS},
         FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id), ${fkMembership('author_membership_id')})`,
      `CREATE INDEX case_comments_case_idx ON case_comments (tenant_id, case_id, created_at)`,

      `CREATE TABLE service_records (
         ${HEAD},
         case_id uuid NOT NULL,
         organisation_id uuid NOT NULL,
         worker_membership_id uuid NOT NULL,
         kind text NOT NULL DEFAULT 'service' CHECK (kind IN ('service','follow_up')),
         service_date date NOT NULL,
         start_time time,
         ${MINUTES('duration_minutes')},
         mode text NOT NULL CHECK (mode IN ('face_to_face','home_visit','phone','online')),
         place_enc bytea,
         content_enc bytea NOT NULL,
         response_enc bytea,
         next_step_enc bytea,
         project_id uuid,
         indicator_id uuid,
         correction_count int NOT NULL DEFAULT 0,
         version int NOT NULL DEFAULT 1,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         ${KEYS},
         ${ORG_FK}, ${fkMembership('worker_membership_id')},
         FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id),
         CHECK (indicator_id IS NULL OR project_id IS NOT NULL))`,
      `CREATE INDEX service_records_case_idx ON service_records (tenant_id, case_id, service_date DESC, id)`,
      `CREATE INDEX service_records_worker_idx ON service_records (tenant_id, worker_membership_id, service_date)`,
      `CREATE INDEX service_records_project_idx ON service_records (tenant_id, project_id) WHERE project_id IS NOT NULL`,

      // A change to a locked record: who, why, which fields, and the previous values (encrypted). Append-only.
      `CREATE TABLE service_record_corrections (
         ${HEAD},
         service_record_id uuid NOT NULL,
         corrected_by_membership_id uuid NOT NULL,
         reason text NOT NULL CHECK (length(reason) BETWEEN 5 AND 500),
         changed_fields text[] NOT NULL,
         previous_enc bytea NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         ${KEYS},
         FOREIGN KEY (tenant_id, service_record_id) REFERENCES service_records (tenant_id, id),
         ${fkMembership('corrected_by_membership_id')})`,
      `CREATE INDEX service_record_corrections_idx ON service_record_corrections (tenant_id, service_record_id, created_at)`,

      // ---- group work and community work ----
      `CREATE TABLE casework_groups (
         ${HEAD},
         organisation_id uuid NOT NULL,
         name text NOT NULL CHECK (length(name) BETWEEN 2 AND 100),
         kind text NOT NULL CHECK (kind IN ('therapy','support','growth','education','interest','other')),
         objectives text CHECK (length(objectives) <= 2000),
         leader_membership_id uuid NOT NULL,
         community_id uuid,
         planned_sessions int CHECK (planned_sessions BETWEEN 1 AND 200),
         project_id uuid,
         indicator_id uuid,
         status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','completed')),
         version int NOT NULL DEFAULT 1,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         ${KEYS},
         ${ORG_FK}, ${fkMembership('leader_membership_id')},
         FOREIGN KEY (tenant_id, community_id) REFERENCES places (tenant_id, id),
         CHECK (indicator_id IS NULL OR project_id IS NOT NULL))`,
      `CREATE INDEX casework_groups_org_idx ON casework_groups (tenant_id, organisation_id, created_at DESC)`,

      `CREATE TABLE group_sessions (
         ${HEAD},
         group_id uuid NOT NULL,
         session_no int NOT NULL CHECK (session_no BETWEEN 1 AND 200),
         held_on date NOT NULL,
         ${MINUTES('duration_minutes')},
         theme text NOT NULL CHECK (length(theme) BETWEEN 1 AND 200),
         record_enc bytea,
         created_by_membership_id uuid NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         ${KEYS},
         UNIQUE (tenant_id, group_id, session_no),
         FOREIGN KEY (tenant_id, group_id) REFERENCES casework_groups (tenant_id, id), ${fkMembership('created_by_membership_id')})`,

      `CREATE TABLE group_attendance (
         ${HEAD},
         session_id uuid NOT NULL,
         beneficiary_id uuid NOT NULL,
         shared_with_funder boolean NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         ${KEYS},
         UNIQUE (tenant_id, session_id, beneficiary_id),
         FOREIGN KEY (tenant_id, session_id) REFERENCES group_sessions (tenant_id, id),
         FOREIGN KEY (tenant_id, beneficiary_id) REFERENCES beneficiaries (tenant_id, id))`,

      `CREATE TABLE community_events (
         ${HEAD},
         organisation_id uuid NOT NULL,
         community_id uuid NOT NULL,
         title text NOT NULL CHECK (length(title) BETWEEN 2 AND 100),
         held_on date NOT NULL,
         ${MINUTES('duration_minutes')},
         headcount int NOT NULL CHECK (headcount BETWEEN 0 AND 100000),
         volunteer_count int NOT NULL DEFAULT 0 CHECK (volunteer_count BETWEEN 0 AND 10000),
         summary text CHECK (length(summary) <= 2000),
         worker_membership_id uuid NOT NULL,
         project_id uuid,
         indicator_id uuid,
         created_at timestamptz NOT NULL DEFAULT now(),
         ${KEYS},
         ${ORG_FK}, ${fkMembership('worker_membership_id')},
         FOREIGN KEY (tenant_id, community_id) REFERENCES places (tenant_id, id),
         CHECK (indicator_id IS NULL OR project_id IS NOT NULL))`,
      `CREATE INDEX community_events_org_idx ON community_events (tenant_id, organisation_id, held_on DESC)`,
      `CREATE INDEX community_events_project_idx ON community_events (tenant_id, project_id) WHERE project_id IS NOT NULL`,

      `CREATE TABLE supervision_sessions (
         ${HEAD},
         organisation_id uuid NOT NULL,
         supervisor_membership_id uuid NOT NULL,
         worker_membership_id uuid NOT NULL,
         held_on date NOT NULL,
         ${MINUTES('duration_minutes')},
         mode text NOT NULL CHECK (mode IN ('individual','group','on_site','online')),
         case_ids uuid[] NOT NULL DEFAULT '{}',
         notes_enc bytea NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         ${KEYS},
         ${ORG_FK}, ${fkMembership('supervisor_membership_id')}, ${fkMembership('worker_membership_id')})`,
      `CREATE INDEX supervision_sessions_idx ON supervision_sessions (tenant_id, supervisor_membership_id, held_on DESC)`,

      // ---- referrals between organisations of the district ----
      `CREATE TABLE referrals (
         ${HEAD},
         case_id uuid NOT NULL,
         beneficiary_id uuid NOT NULL,
         consent_id uuid NOT NULL,
         from_organisation_id uuid NOT NULL,
         to_organisation_id uuid NOT NULL,
         reason_enc bytea NOT NULL,
         shared_fields text[] NOT NULL,
         shared_enc bytea NOT NULL,
         status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','accepted','declined','cancelled')),
         decision_note_enc bytea,
         decided_by_membership_id uuid,
         decided_at timestamptz,
         created_by_membership_id uuid NOT NULL,
         version int NOT NULL DEFAULT 1,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         ${KEYS},
         FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id),
         FOREIGN KEY (tenant_id, beneficiary_id) REFERENCES beneficiaries (tenant_id, id),
         FOREIGN KEY (tenant_id, consent_id) REFERENCES beneficiary_consents (tenant_id, id),
         FOREIGN KEY (tenant_id, from_organisation_id) REFERENCES organisations (tenant_id, id),
         FOREIGN KEY (tenant_id, to_organisation_id) REFERENCES organisations (tenant_id, id),
         ${fkMembership('created_by_membership_id')},
         CHECK (from_organisation_id <> to_organisation_id))`,
      `CREATE INDEX referrals_to_idx ON referrals (tenant_id, to_organisation_id, status)`,
      `CREATE INDEX referrals_case_idx ON referrals (tenant_id, case_id)`,

      // Every read of a clear value: who, what, why. Readable by the organisation admin. Append-only.
      `CREATE TABLE pii_access_log (
         ${HEAD},
         organisation_id uuid NOT NULL,
         actor_user_id uuid NOT NULL,
         actor_membership_id uuid NOT NULL,
         action text NOT NULL CHECK (action IN ('reveal','view')),
         subject_type text NOT NULL,
         subject_id uuid NOT NULL,
         beneficiary_id uuid,
         field text,
         reason text CHECK (length(reason) <= 200),
         request_id text,
         occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
         ${KEYS},
         ${ORG_FK})`,
      `CREATE INDEX pii_access_log_org_idx ON pii_access_log (tenant_id, organisation_id, occurred_at DESC, id)`,
    ];

    const tables = [
      'tenant_keys', 'casework_settings', 'supervision_assignments', 'worker_certificates', 'beneficiaries', 'beneficiary_consents',
      'cases', 'case_assistants', 'case_approvals', 'case_comments', 'service_records', 'service_record_corrections',
      'casework_groups', 'group_sessions', 'group_attendance', 'community_events', 'supervision_sessions', 'referrals', 'pii_access_log',
    ];
    for (const t of tables) sql.push(...tenantRls(t));
    for (const t of ['tenant_keys', 'casework_settings', 'supervision_assignments', 'beneficiaries', 'beneficiary_consents',
      'cases', 'case_approvals', 'service_records', 'casework_groups', 'community_events', 'referrals']) {
      sql.push(grantReadWrite(t));
    }
    sql.push(
      grantReadWrite('worker_certificates', { delete: true }),
      grantReadWrite('case_assistants', { delete: true }),
      grantReadWrite('group_sessions'),
      grantReadWrite('group_attendance', { delete: true }),
      ...appendOnly('case_comments'),
      ...appendOnly('service_record_corrections'),
      ...appendOnly('supervision_sessions'),
      ...appendOnly('pii_access_log'),
    );
    for (const s of sql) await q.query(s);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS pii_access_log, referrals, supervision_sessions, community_events, group_attendance, group_sessions,
      casework_groups, service_record_corrections, service_records, case_comments, case_approvals, case_assistants, cases,
      beneficiary_consents, beneficiaries, worker_certificates, supervision_assignments, casework_settings, tenant_keys`);
  }
}
