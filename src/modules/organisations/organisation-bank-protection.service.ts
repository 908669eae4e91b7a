import { Injectable } from '@nestjs/common';
import { FieldCipher } from '@sanshe/crypto';
import { TenantContext } from '@sanshe/tenancy';
import { BANK_ACCOUNT_FIELD } from './organisation.store';

/**
 * Encrypts bank account numbers stored in clear before migration 1763777900000 (and by the demo seed, which writes
 * plain SQL in the district's first transaction, before its keys can exist). Run per district by
 * `protect-personal-data`; idempotent.
 */
@Injectable()
export class OrganisationBankProtection {
  constructor(
    private readonly ctx: TenantContext,
    private readonly cipher: FieldCipher,
  ) {}

  async protect(): Promise<number> {
    const m = this.ctx.manager();
    const rows: Array<{ id: string; bank_account_no: string }> = await m.query(
      `SELECT id, bank_account_no FROM organisations WHERE bank_account_no IS NOT NULL FOR UPDATE`);
    for (const r of rows) {
      await m.query(`UPDATE organisations SET bank_account_no_enc = $2, bank_account_no = NULL WHERE id = $1`,
        [r.id, await this.cipher.encrypt(BANK_ACCOUNT_FIELD, r.bank_account_no)]);
    }
    return rows.length;
  }
}
