import { MigrationInterface, QueryRunner } from 'typeorm';
import { appRole, grantReadWrite, tenantRls } from '../libs/database/src/migration-sql';

/** Append-only tables holding ciphertext: re-encryption may rewrite their `_enc` columns and nothing else. */
const APPEND_ONLY_ENC: Array<{ table: string; columns: string[]; legacy?: string[] }> = [
  { table: 'case_comments', columns: ['body_enc'] },
  { table: 'service_record_corrections', columns: ['previous_enc'] },
  { table: 'supervision_sessions', columns: ['notes_enc'] },
  { table: 'pii_access_log', columns: ['reason_enc'], legacy: ['reason'] },
];

/**
 * A database dump must not tell who is being helped (issue 11).
 *
 *  - beneficiaries: the name becomes ciphertext plus a blind index of the normalised full name (exact search);
 *    gender, birth year and the masked ID number / phone are no longer stored (they are derived, at display time,
 *    from the decrypted ID number and phone). Vulnerability tags live only inside the encrypted record; the
 *    district's counts per community and tag are kept in `casework_tag_counts`, written in the same transaction.
 *  - pii_access_log: the reason typed for a reveal is encrypted.
 *  - organisations: the bank account number is encrypted.
 *  - tenant_key_rotations: progress of the job that re-encrypts values after a field-key rotation.
 *
 * A migration cannot hold the application's keys, so existing clear values are not converted here: the old columns
 * become nullable and `node dist/src/cli.js protect-personal-data` (run by `npm start` after `migrate`) encrypts
 * them with the district's keys and empties them. New code never writes them.
 */
export class CaseworkPrivacy1763777900000 implements MigrationInterface {
  name = 'CaseworkPrivacy1763777900000';

  async up(q: QueryRunner): Promise<void> {
    const sql: string[] = [
      `ALTER TABLE beneficiaries
         ADD COLUMN name_enc bytea,
         ADD COLUMN name_hash bytea CHECK (length(name_hash) = 32),
         ALTER COLUMN name DROP NOT NULL,
         ALTER COLUMN gender DROP NOT NULL,
         ALTER COLUMN birth_year DROP NOT NULL,
         ALTER COLUMN id_number_masked DROP NOT NULL`,
      // phone_masked is no longer written, so the pairing check with phone_enc goes.
      `DO $$ DECLARE c text; BEGIN
         FOR c IN SELECT conname FROM pg_constraint WHERE conrelid = 'beneficiaries'::regclass AND contype = 'c'
                   AND pg_get_constraintdef(oid) LIKE '%phone_masked%' LOOP
           EXECUTE format('ALTER TABLE beneficiaries DROP CONSTRAINT %I', c);
         END LOOP; END $$`,
      `CREATE INDEX beneficiaries_name_hash_idx ON beneficiaries (tenant_id, organisation_id, name_hash)`,

      // Counts only: which person has which tag is inside beneficiaries.vulnerability_enc.
      `CREATE TABLE casework_tag_counts (
         tenant_id uuid NOT NULL REFERENCES tenants(id),
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         community_id uuid,
         tag text NOT NULL CHECK (tag ~ '^[a-z_]{2,40}$'),
         people int NOT NULL DEFAULT 0 CHECK (people >= 0),
         PRIMARY KEY (id), UNIQUE (tenant_id, id),
         UNIQUE NULLS NOT DISTINCT (tenant_id, community_id, tag),
         FOREIGN KEY (tenant_id, community_id) REFERENCES places (tenant_id, id))`,
      ...tenantRls('casework_tag_counts'),
      grantReadWrite('casework_tag_counts', { delete: true }),

      `ALTER TABLE pii_access_log ADD COLUMN reason_enc bytea`,

      // Accepting a referral opens (or links to) the case on the receiving organisation's side.
      `ALTER TABLE referrals
         ADD COLUMN received_beneficiary_id uuid,
         ADD COLUMN received_case_id uuid,
         ADD COLUMN handover text CHECK (handover IN ('opened','linked')),
         ADD FOREIGN KEY (tenant_id, received_beneficiary_id) REFERENCES beneficiaries (tenant_id, id),
         ADD FOREIGN KEY (tenant_id, received_case_id) REFERENCES cases (tenant_id, id),
         ADD CHECK (received_case_id IS NULL OR status = 'accepted')`,

      `ALTER TABLE organisations ADD COLUMN bank_account_no_enc bytea`,

      `CREATE TABLE tenant_key_rotations (
         tenant_id uuid NOT NULL REFERENCES tenants(id),
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         target_key_id uuid NOT NULL,
         status text NOT NULL DEFAULT 'running' CHECK (status IN ('running','done','superseded')),
         total int NOT NULL DEFAULT 0,
         done int NOT NULL DEFAULT 0,
         batches int NOT NULL DEFAULT 0,
         requested_by uuid,
         started_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         finished_at timestamptz,
         PRIMARY KEY (id), UNIQUE (tenant_id, id),
         FOREIGN KEY (tenant_id, target_key_id) REFERENCES tenant_keys (tenant_id, id))`,
      `CREATE INDEX tenant_key_rotations_idx ON tenant_key_rotations (tenant_id, started_at DESC)`,
      ...tenantRls('tenant_key_rotations'),
      grantReadWrite('tenant_key_rotations'),

      // Append-only stays append-only, except that a transaction which declares itself a re-encryption
      // (app.reencrypt = 'on') may rewrite ciphertext columns, and empty the legacy clear columns named as arguments.
      `CREATE FUNCTION allow_ciphertext_rewrite_only() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE o jsonb := to_jsonb(OLD); n jsonb := to_jsonb(NEW); k text;
       BEGIN
         IF current_setting('app.reencrypt', true) IS DISTINCT FROM 'on' THEN
           RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
         END IF;
         FOR k IN SELECT jsonb_object_keys(o) LOOP
           CONTINUE WHEN k LIKE '%\\_enc';
           CONTINUE WHEN k = ANY(TG_ARGV) AND n -> k = 'null'::jsonb;
           IF o -> k IS DISTINCT FROM n -> k THEN
             RAISE EXCEPTION 'table % is append-only (column %)', TG_TABLE_NAME, k USING ERRCODE = 'insufficient_privilege';
           END IF;
         END LOOP;
         RETURN NEW;
       END $$`,
    ];
    for (const t of APPEND_ONLY_ENC) {
      const legacy = (t.legacy ?? []).map((c) => `'${c}'`).join(', ');
      sql.push(
        `DROP TRIGGER ${t.table}_append_only ON ${t.table}`,
        `CREATE TRIGGER ${t.table}_append_only BEFORE DELETE OR TRUNCATE ON ${t.table} FOR EACH STATEMENT EXECUTE FUNCTION forbid_change()`,
        `CREATE TRIGGER ${t.table}_ciphertext_only BEFORE UPDATE ON ${t.table} FOR EACH ROW EXECUTE FUNCTION allow_ciphertext_rewrite_only(${legacy})`,
        `GRANT UPDATE (${[...t.columns, ...(t.legacy ?? [])].join(', ')}) ON ${t.table} TO ${appRole()}`,
      );
    }
    for (const s of sql) await q.query(s);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of APPEND_ONLY_ENC) {
      await q.query(`REVOKE UPDATE (${[...t.columns, ...(t.legacy ?? [])].join(', ')}) ON ${t.table} FROM ${appRole()}`);
      await q.query(`DROP TRIGGER ${t.table}_ciphertext_only ON ${t.table}`);
      await q.query(`DROP TRIGGER ${t.table}_append_only ON ${t.table}`);
      await q.query(`CREATE TRIGGER ${t.table}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ${t.table} FOR EACH STATEMENT EXECUTE FUNCTION forbid_change()`);
    }
    await q.query(`DROP FUNCTION allow_ciphertext_rewrite_only()`);
    await q.query(`DROP TABLE tenant_key_rotations, casework_tag_counts`);
    await q.query(`ALTER TABLE organisations DROP COLUMN bank_account_no_enc`);
    await q.query(`ALTER TABLE pii_access_log DROP COLUMN reason_enc`);
    await q.query(`ALTER TABLE referrals DROP COLUMN received_beneficiary_id, DROP COLUMN received_case_id, DROP COLUMN handover`);
    // Rows written since have no clear name: down() cannot restore them without the keys.
    await q.query(`DROP INDEX beneficiaries_name_hash_idx`);
    await q.query(`ALTER TABLE beneficiaries DROP COLUMN name_enc, DROP COLUMN name_hash`);
  }
}
