import { Client } from 'pg';

/** Every table that carries a tenant_id column, read from the catalog so a new table cannot be forgotten. */
export async function tenantTables(owner: Client): Promise<string[]> {
  const res = await owner.query(
    `SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE' ORDER BY 1`);
  return res.rows.map((r) => r.table_name);
}

