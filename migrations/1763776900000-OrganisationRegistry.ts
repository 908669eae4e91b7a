import { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnly, grantReadWrite, tenantRls } from '../libs/database/src/migration-sql';

const ORG_TYPES = `('social_group','social_service_agency','foundation')`;
const SERVICE_AREAS = `ARRAY['elderly','disability','youth','community_governance','assistance','women_children',
  'community_correction','mental_health','environment','culture_sports','poverty_relief','volunteering','other']::text[]`;

/**
 * The social organisation registry (社会组织名录): organisations per district with their verification status, credit
 * standing and assessment grade; their append-only status history; qualifications to undertake government purchases
 * (承接资质); and the domain-agnostic attachments table (documents stored in Postgres for now). Also ties
 * memberships to the organisation they act for.
 */
export class OrganisationRegistry1763776900000 implements MigrationInterface {
  name = 'OrganisationRegistry1763776900000';

  async up(q: QueryRunner): Promise<void> {
    const sql: string[] = [
      `CREATE TABLE organisations (
         tenant_id uuid NOT NULL REFERENCES tenants(id),
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         name text NOT NULL CHECK (length(name) BETWEEN 2 AND 100),
         credit_code text NOT NULL CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
         org_type text NOT NULL CHECK (org_type IN ${ORG_TYPES}),
         registration_authority text NOT NULL CHECK (length(registration_authority) BETWEEN 2 AND 100),
         registered_on date NOT NULL,
         legal_representative text NOT NULL CHECK (length(legal_representative) BETWEEN 1 AND 50),
         address text CHECK (length(address) <= 200),
         place_id uuid,
         service_areas text[] NOT NULL DEFAULT '{}' CHECK (service_areas <@ ${SERVICE_AREAS}),
         introduction text CHECK (length(introduction) <= 2000),
         contact_name text CHECK (length(contact_name) <= 50),
         contact_phone text CHECK (length(contact_phone) <= 30),
         contact_email text CHECK (length(contact_email) <= 254),
         bank_account_name text CHECK (length(bank_account_name) <= 100),
         bank_name text CHECK (length(bank_name) <= 100),
         bank_account_no text CHECK (bank_account_no ~ '^[0-9]{8,30}$'),
         staff_count int CHECK (staff_count BETWEEN 0 AND 100000),
         certified_social_workers int CHECK (certified_social_workers BETWEEN 0 AND 100000),
         status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','submitted','verified','returned','closed')),
         status_reason text,
         standing text NOT NULL DEFAULT 'good' CHECK (standing IN ('good','suspended','blacklisted')),
         standing_reason text,
         standing_since timestamptz,
         grade smallint CHECK (grade BETWEEN 1 AND 5),
         grade_valid_from date,
         grade_valid_until date,
         pending_change jsonb,
         pending_change_at timestamptz,
         source text NOT NULL CHECK (source IN ('self_registration','district')),
         submitted_at timestamptz,
         verified_at timestamptz,
         verified_by uuid,
         created_by uuid,
         version int NOT NULL DEFAULT 1,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (id),
         UNIQUE (tenant_id, id),
         FOREIGN KEY (tenant_id, place_id) REFERENCES places (tenant_id, id),
         CHECK ((grade IS NULL) = (grade_valid_from IS NULL) AND (grade IS NULL) = (grade_valid_until IS NULL)),
         CHECK (grade_valid_until >= grade_valid_from),
         CHECK (certified_social_workers IS NULL OR staff_count IS NULL OR certified_social_workers <= staff_count),
         CHECK ((standing = 'good') = (standing_reason IS NULL)))`,
      // One organisation, one live record per district; a closed record frees its code (e.g. a squatted draft).
      `CREATE UNIQUE INDEX organisations_credit_code_key ON organisations (tenant_id, credit_code) WHERE status <> 'closed'`,
      `CREATE INDEX organisations_name_idx ON organisations (tenant_id, name, id)`,
      `CREATE INDEX organisations_place_idx ON organisations (tenant_id, place_id)`,
      `CREATE INDEX organisations_service_areas_idx ON organisations USING gin (service_areas)`,

      // What happened to an organisation, readable by the organisation itself. Append-only.
      `CREATE TABLE organisation_status_history (
         tenant_id uuid NOT NULL REFERENCES tenants(id),
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         organisation_id uuid NOT NULL,
         action text NOT NULL,
         from_status text,
         to_status text,
         from_standing text,
         to_standing text,
         reason text,
         detail jsonb,
         actor_user_id uuid,
         occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
         PRIMARY KEY (id),
         UNIQUE (tenant_id, id),
         FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id))`,
      `CREATE INDEX organisation_status_history_org_idx ON organisation_status_history (tenant_id, organisation_id, occurred_at)`,

      `CREATE TABLE organisation_qualifications (
         tenant_id uuid NOT NULL REFERENCES tenants(id),
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         organisation_id uuid NOT NULL,
         service_areas text[] NOT NULL CHECK (cardinality(service_areas) >= 1 AND service_areas <@ ${SERVICE_AREAS}),
         statement text CHECK (length(statement) <= 2000),
         status text NOT NULL DEFAULT 'applied' CHECK (status IN ('applied','approved','rejected','withdrawn','revoked')),
         decision_reason text,
         valid_from date,
         valid_until date,
         applied_by uuid,
         decided_by uuid,
         decided_at timestamptz,
         version int NOT NULL DEFAULT 1,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (id),
         UNIQUE (tenant_id, id),
         FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id),
         CHECK (status NOT IN ('approved','revoked') OR valid_from IS NOT NULL),
         CHECK (valid_until >= valid_from))`,
      // One open application per organisation at a time.
      `CREATE UNIQUE INDEX organisation_qualifications_one_open ON organisation_qualifications (tenant_id, organisation_id) WHERE status = 'applied'`,
      `CREATE INDEX organisation_qualifications_org_idx ON organisation_qualifications (tenant_id, organisation_id, created_at)`,
      `CREATE INDEX organisation_qualifications_status_idx ON organisation_qualifications (tenant_id, status)`,

      // Documents of any module (owner_type + owner_id); access is decided by the owning module's policy.
      // Content lives in Postgres for now (bytea, ≤10 MB); an object store can replace the column later.
      `CREATE TABLE attachments (
         tenant_id uuid NOT NULL REFERENCES tenants(id),
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         owner_type text NOT NULL CHECK (owner_type ~ '^[a-z_]{2,40}$'),
         owner_id uuid NOT NULL,
         kind text NOT NULL CHECK (kind ~ '^[a-z_]{2,40}$'),
         filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
         mime text NOT NULL,
         size int NOT NULL CHECK (size BETWEEN 1 AND 10485760),
         sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
         content bytea NOT NULL,
         uploaded_by uuid,
         created_at timestamptz NOT NULL DEFAULT now(),
         deleted_at timestamptz,
         deleted_by uuid,
         PRIMARY KEY (id),
         UNIQUE (tenant_id, id),
         CHECK (octet_length(content) = size))`,
      `CREATE INDEX attachments_owner_idx ON attachments (tenant_id, owner_type, owner_id, created_at)`,

      // Organisation roles now point at a real organisation of the same district (NULL stays valid).
      `ALTER TABLE memberships ADD CONSTRAINT memberships_organisation_fk
         FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id)`,
      `CREATE INDEX memberships_organisation_idx ON memberships (tenant_id, organisation_id) WHERE organisation_id IS NOT NULL`,
    ];
    for (const t of ['organisations', 'organisation_status_history', 'organisation_qualifications', 'attachments']) {
      sql.push(...tenantRls(t));
    }
    sql.push(
      grantReadWrite('organisations'),
      grantReadWrite('organisation_qualifications'),
      grantReadWrite('attachments'),
      ...appendOnly('organisation_status_history'),
    );
    for (const s of sql) await q.query(s);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const s of [
      'DROP INDEX IF EXISTS memberships_organisation_idx',
      'ALTER TABLE memberships DROP CONSTRAINT IF EXISTS memberships_organisation_fk',
      'DROP TABLE IF EXISTS attachments, organisation_qualifications, organisation_status_history, organisations',
    ]) await q.query(s);
  }
}
