import { MigrationInterface, QueryRunner } from 'typeorm';
import { CURRENT_USER_ID, appRole, appendOnly, grantReadWrite, tenantRls } from '../libs/database/src/migration-sql';

/**
 * The foundation: districts (tenants), global identities and sessions, and the first tenant-owned tables —
 * places, memberships, invitations, notifications, the outbox and the audit log — all under forced RLS.
 */
export class Foundation1763776800000 implements MigrationInterface {
  name = 'Foundation1763776800000';

  async up(q: QueryRunner): Promise<void> {
    const app = appRole();
    const sql: string[] = [
      `CREATE FUNCTION forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege'; END $$`,

      // ---- global tables (reached only through the platform and auth code) ----
      `CREATE TABLE tenants (
         id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
         code char(6) NOT NULL UNIQUE CHECK (code ~ '^[0-9]{6}$'),
         name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
         province text, city text,
         status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','suspended')),
         created_at timestamptz NOT NULL DEFAULT now())`,
      `CREATE TABLE users (
         id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
         name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
         phone text CHECK (phone ~ '^1[3-9][0-9]{9}$'),
         email text CHECK (email = lower(email) AND length(email) <= 254),
         password_hash text,
         status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','disabled')),
         is_platform_operator boolean NOT NULL DEFAULT false,
         failed_login_count int NOT NULL DEFAULT 0,
         locked_until timestamptz,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         CHECK (phone IS NOT NULL OR email IS NOT NULL))`,
      `CREATE UNIQUE INDEX users_phone_key ON users (phone) WHERE phone IS NOT NULL`,
      `CREATE UNIQUE INDEX users_email_key ON users (email) WHERE email IS NOT NULL`,
      // A login session family: refresh tokens rotate inside it; reuse of a spent token revokes the whole family.
      `CREATE TABLE auth_sessions (
         id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
         user_id uuid NOT NULL REFERENCES users(id),
         active_tenant_id uuid REFERENCES tenants(id),
         created_at timestamptz NOT NULL DEFAULT now(),
         revoked_at timestamptz,
         revoked_reason text,
         user_agent text)`,
      `CREATE INDEX auth_sessions_user_idx ON auth_sessions (user_id) WHERE revoked_at IS NULL`,
      `CREATE TABLE refresh_tokens (
         id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
         session_id uuid NOT NULL REFERENCES auth_sessions(id),
         token_hash bytea NOT NULL,
         expires_at timestamptz NOT NULL,
         used_at timestamptz,
         created_at timestamptz NOT NULL DEFAULT now())`,
      `CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id)`,
      `GRANT SELECT, INSERT, UPDATE ON tenants, users, auth_sessions, refresh_tokens TO ${app}`,

      // ---- tenant-owned tables ----
      `CREATE TABLE places (
         tenant_id uuid NOT NULL REFERENCES tenants(id),
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         parent_id uuid,
         level text NOT NULL CHECK (level IN ('district','street','community')),
         kind text NOT NULL CHECK (kind IN ('district','street','town','township','community','village')),
         name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
         division_code text CHECK (division_code ~ '^[0-9]{6,12}$'),
         status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','archived')),
         version int NOT NULL DEFAULT 1,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (id),
         UNIQUE (tenant_id, id),
         FOREIGN KEY (tenant_id, parent_id) REFERENCES places (tenant_id, id),
         CHECK ((level = 'district') = (parent_id IS NULL)),
         CHECK ((level = 'district' AND kind = 'district') OR (level = 'street' AND kind IN ('street','town','township'))
                OR (level = 'community' AND kind IN ('community','village'))))`,
      `CREATE UNIQUE INDEX places_one_root ON places (tenant_id) WHERE parent_id IS NULL`,
      `CREATE UNIQUE INDEX places_sibling_name ON places (tenant_id, parent_id, name) WHERE status = 'active'`,
      `CREATE INDEX places_parent_idx ON places (tenant_id, parent_id)`,
      // The list page: filter by level and status, keyset-ordered by name.
      `CREATE INDEX places_list_idx ON places (tenant_id, level, status, name, id)`,

      `CREATE TABLE memberships (
         tenant_id uuid NOT NULL REFERENCES tenants(id),
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         user_id uuid NOT NULL REFERENCES users(id),
         roles text[] NOT NULL CHECK (cardinality(roles) BETWEEN 1 AND 11),
         status text NOT NULL CHECK (status IN ('invited','active','suspended')),
         organisation_id uuid,
         place_id uuid,
         title text,
         status_reason text,
         invited_by uuid,
         version int NOT NULL DEFAULT 1,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (id),
         UNIQUE (tenant_id, id),
         UNIQUE (tenant_id, user_id),
         FOREIGN KEY (tenant_id, place_id) REFERENCES places (tenant_id, id),
         CHECK (roles <@ ARRAY['district_admin','programme_officer','finance_officer','reviewer','evaluator','community_staff',
                                'org_admin','org_staff','social_worker','supervisor','fund_manager']::text[]))`,
      `CREATE INDEX memberships_user_idx ON memberships (user_id)`,
      `CREATE INDEX memberships_roles_idx ON memberships USING gin (roles)`,

      `CREATE TABLE invitations (
         tenant_id uuid NOT NULL REFERENCES tenants(id),
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         membership_id uuid NOT NULL,
         token_hash bytea NOT NULL,
         expires_at timestamptz NOT NULL,
         accepted_at timestamptz,
         created_by uuid,
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (id),
         UNIQUE (tenant_id, id),
         FOREIGN KEY (tenant_id, membership_id) REFERENCES memberships (tenant_id, id))`,
      `CREATE INDEX invitations_membership_idx ON invitations (tenant_id, membership_id)`,

      `CREATE TABLE outbox_events (
         tenant_id uuid NOT NULL REFERENCES tenants(id),
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         type text NOT NULL,
         payload jsonb NOT NULL,
         request_id text,
         created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
         dispatched_at timestamptz,
         attempts int NOT NULL DEFAULT 0,
         last_error text,
         PRIMARY KEY (id),
         UNIQUE (tenant_id, id))`,
      `CREATE INDEX outbox_pending_idx ON outbox_events (created_at) WHERE dispatched_at IS NULL`,

      `CREATE TABLE notifications (
         tenant_id uuid NOT NULL REFERENCES tenants(id),
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         user_id uuid NOT NULL REFERENCES users(id),
         kind text NOT NULL,
         title_zh text NOT NULL, title_en text NOT NULL,
         body_zh text NOT NULL, body_en text NOT NULL,
         data jsonb NOT NULL DEFAULT '{}',
         source_event_id uuid NOT NULL,
         read_at timestamptz,
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (id),
         UNIQUE (tenant_id, id),
         UNIQUE (tenant_id, source_event_id, user_id),
         FOREIGN KEY (tenant_id, source_event_id) REFERENCES outbox_events (tenant_id, id))`,
      `CREATE INDEX notifications_user_idx ON notifications (tenant_id, user_id, created_at DESC)`,
      // One row per message handed to a transport: the unique key makes a redelivered job send nothing twice.
      `CREATE TABLE notification_deliveries (
         tenant_id uuid NOT NULL REFERENCES tenants(id),
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         notification_id uuid NOT NULL,
         channel text NOT NULL CHECK (channel IN ('email','sms')),
         recipient text NOT NULL,
         transport text NOT NULL,
         status text NOT NULL CHECK (status IN ('sent','failed')),
         error text,
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (id),
         UNIQUE (tenant_id, id),
         UNIQUE (tenant_id, notification_id, channel),
         FOREIGN KEY (tenant_id, notification_id) REFERENCES notifications (tenant_id, id))`,

      `CREATE TABLE audit_log (
         tenant_id uuid NOT NULL REFERENCES tenants(id),
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
         actor_user_id uuid,
         action text NOT NULL,
         entity_type text NOT NULL,
         entity_id uuid,
         before jsonb,
         after jsonb,
         request_id text,
         PRIMARY KEY (id),
         UNIQUE (tenant_id, id))`,
      `CREATE INDEX audit_log_entity_idx ON audit_log (tenant_id, entity_type, entity_id, occurred_at)`,
    ];

    for (const t of ['places', 'memberships', 'invitations', 'outbox_events', 'notifications', 'notification_deliveries', 'audit_log']) {
      sql.push(...tenantRls(t));
    }
    sql.push(
      grantReadWrite('places'),
      grantReadWrite('memberships'),
      grantReadWrite('invitations'),
      grantReadWrite('notifications'),
      `GRANT SELECT, INSERT ON notification_deliveries TO ${app}`,
      `GRANT SELECT, INSERT ON outbox_events TO ${app}`,
      ...appendOnly('audit_log'),
      // A person may read their own memberships in every district (to list "my districts" before choosing one).
      `CREATE POLICY own_memberships ON memberships FOR SELECT USING (user_id = ${CURRENT_USER_ID})`,

      // The relay reads every district's pending events. It does so only through these functions, which run as
      // the owner; the owner's own policy on the outbox is the single place where cross-tenant reading is allowed.
      `CREATE POLICY relay_all_tenants ON outbox_events TO CURRENT_USER USING (true) WITH CHECK (true)`,
      `CREATE FUNCTION outbox_claim(batch int) RETURNS TABLE (id uuid, tenant_id uuid, type text, payload jsonb, request_id text, attempts int)
       LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
         SELECT e.id, e.tenant_id, e.type, e.payload, e.request_id, e.attempts FROM outbox_events e
          WHERE e.dispatched_at IS NULL ORDER BY e.created_at LIMIT batch FOR UPDATE SKIP LOCKED $$`,
      `CREATE FUNCTION outbox_mark_dispatched(ids uuid[]) RETURNS void
       LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
         UPDATE outbox_events SET dispatched_at = clock_timestamp(), attempts = attempts + 1 WHERE id = ANY(ids) AND dispatched_at IS NULL $$`,
      `CREATE FUNCTION outbox_mark_failed(ids uuid[], err text) RETURNS void
       LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
         UPDATE outbox_events SET attempts = attempts + 1, last_error = left(err, 500) WHERE id = ANY(ids) $$`,
      `CREATE FUNCTION outbox_pending() RETURNS int
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
         SELECT count(*)::int FROM outbox_events WHERE dispatched_at IS NULL $$`,
      `REVOKE ALL ON FUNCTION outbox_claim(int), outbox_mark_dispatched(uuid[]), outbox_mark_failed(uuid[], text), outbox_pending() FROM PUBLIC`,
      `GRANT EXECUTE ON FUNCTION outbox_claim(int), outbox_mark_dispatched(uuid[]), outbox_mark_failed(uuid[], text), outbox_pending() TO ${app}`,
    );
    for (const s of sql) await q.query(s);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const s of [
      'DROP FUNCTION IF EXISTS outbox_claim(int), outbox_mark_dispatched(uuid[]), outbox_mark_failed(uuid[], text), outbox_pending()',
      'DROP TABLE IF EXISTS audit_log, notification_deliveries, notifications, outbox_events, invitations, memberships, places',
      'DROP TABLE IF EXISTS refresh_tokens, auth_sessions, users, tenants',
      'DROP FUNCTION IF EXISTS forbid_change()',
    ]) await q.query(s);
  }
}
