/**
 * SQL builders shared by migrations, so every tenant table gets exactly the same protection.
 * The application role's name comes from the environment because roles are cluster-wide and a deployment may
 * name them differently; it must never own a table nor bypass row-level security.
 */
export function appRole(): string {
  const role = process.env.DATABASE_APP_ROLE || 'sanshe_app';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role)) throw new Error(`DATABASE_APP_ROLE "${role}" is not a plain role name`);
  return role;
}

/** The policy predicate. The sub-select runs once per query, not per row; NULLIF keeps an unset tenant from erroring. */
export const CURRENT_TENANT = `(SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid)`;
export const CURRENT_USER_ID = `(SELECT NULLIF(current_setting('app.user_id', true), '')::uuid)`;

/** ENABLE + FORCE row-level security with the tenant policy on both reads and writes. */
export function tenantRls(table: string): string[] {
  return [
    `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`,
    `CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = ${CURRENT_TENANT}) WITH CHECK (tenant_id = ${CURRENT_TENANT})`,
  ];
}

/** A table the application may read and change (but not truncate or alter). */
export function grantReadWrite(table: string, { delete: canDelete = false } = {}): string {
  return `GRANT SELECT, INSERT, UPDATE${canDelete ? ', DELETE' : ''} ON ${table} TO ${appRole()}`;
}

/** Append-only: the application may only add rows, and a trigger refuses UPDATE/DELETE even from the owner. */
export function appendOnly(table: string): string[] {
  return [
    `GRANT SELECT, INSERT ON ${table} TO ${appRole()}`,
    `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION forbid_change()`,
  ];
}
