import { Injectable } from '@nestjs/common';

/** One column of ciphertext: the field name bound into its values, and whether its table is append-only. */
export interface EncryptedColumn {
  table: string;
  column: string;
  field: string;
  appendOnly?: boolean;
}

/**
 * Every column of ciphertext, declared by the module that owns the table (at start-up), so key rotation can rewrite
 * values without the crypto library knowing any domain. A column missing here would keep values under a retired
 * key: `test/e2e/key-rotation.e2e-spec.ts` compares this list with every `bytea` column named `*_enc` in the schema.
 */
@Injectable()
export class EncryptedColumnRegistry {
  private readonly columns = new Map<string, EncryptedColumn>();

  register(columns: readonly EncryptedColumn[]): void {
    for (const c of columns) {
      if (!/^[a-z_]+$/.test(c.table) || !/^[a-z_]+_enc$/.test(c.column)) throw new Error(`Not a plain ciphertext column: ${c.table}.${c.column}`);
      this.columns.set(`${c.table}.${c.column}`, c);
    }
  }

  all(): EncryptedColumn[] {
    return [...this.columns.values()];
  }
}
