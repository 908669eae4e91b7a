import { Injectable } from '@nestjs/common';
import { FieldCipher } from '@sanshe/crypto';
import { TenantContext } from '@sanshe/tenancy';
import { normaliseName } from './beneficiaries.service';
import { F, IDX, VulnerabilityTag } from './casework-fields';

/**
 * Converts casework rows written before names, masks, tag indexes and reveal reasons were protected (migration
 * 1763777900000): a migration cannot hold the district's keys, so `protect-personal-data` runs this in each
 * district after `migrate`. Idempotent: it only touches rows that still hold a clear value.
 */
@Injectable()
export class CaseworkLegacyProtection {
  constructor(
    private readonly ctx: TenantContext,
    private readonly cipher: FieldCipher,
  ) {}

  /** In the current district's transaction. Returns how many rows it changed. */
  async protect(): Promise<number> {
    const m = this.ctx.manager();
    const people: Array<{ id: string; name: string | null; name_enc: Buffer | null }> = await m.query(
      `SELECT id, name, name_enc FROM beneficiaries
        WHERE name IS NOT NULL OR gender IS NOT NULL OR birth_year IS NOT NULL OR id_number_masked IS NOT NULL
           OR phone_masked IS NOT NULL OR cardinality(vulnerability_tag_hashes) > 0 FOR UPDATE`);
    for (const p of people) {
      const nameEnc = p.name_enc ?? await this.cipher.encrypt(F.name, p.name!.trim());
      const clearName = p.name ?? await this.cipher.decrypt(F.name, nameEnc);
      await m.query(
        `UPDATE beneficiaries SET name_enc = $2, name_hash = $3, name = NULL, gender = NULL, birth_year = NULL, id_number_masked = NULL,
                phone_masked = NULL, vulnerability_tag_hashes = '{}' WHERE id = $1`,
        [p.id, nameEnc, await this.cipher.blindIndex(IDX.name, normaliseName(clearName))]);
    }
    if (people.length) await this.recountTags();
    const reasons: Array<{ id: string; reason: string }> = await m.query(`SELECT id, reason FROM pii_access_log WHERE reason IS NOT NULL`);
    if (reasons.length) {
      // The access log is append-only; this transaction declares itself a ciphertext rewrite (see the migration).
      await m.query(`SELECT set_config('app.reencrypt', 'on', true)`);
      for (const r of reasons) {
        await m.query(`UPDATE pii_access_log SET reason_enc = $2, reason = NULL WHERE id = $1`, [r.id, await this.cipher.encrypt(F.accessReason, r.reason)]);
      }
    }
    return people.length + reasons.length;
  }

  /** Rebuilds the district's tag counts from the encrypted records (the old per-person tag indexes are gone). */
  private async recountTags(): Promise<void> {
    const m = this.ctx.manager();
    const rows: Array<{ community_id: string | null; vulnerability_enc: Buffer | null }> = await m.query(
      `SELECT community_id, vulnerability_enc FROM beneficiaries WHERE status = 'active' AND vulnerability_enc IS NOT NULL`);
    const counts = new Map<string, { communityId: string | null; tag: string; n: number }>();
    for (const r of rows) {
      const v = await this.cipher.decryptJson<{ tags: VulnerabilityTag[] }>(F.vulnerability, r.vulnerability_enc);
      for (const tag of v?.tags ?? []) {
        const key = `${r.community_id}|${tag}`;
        const c = counts.get(key) ?? { communityId: r.community_id, tag, n: 0 };
        c.n += 1;
        counts.set(key, c);
      }
    }
    await m.query(`DELETE FROM casework_tag_counts`);
    for (const c of counts.values()) {
      await m.query(`INSERT INTO casework_tag_counts (tenant_id, community_id, tag, people) VALUES ($1, $2, $3, $4)`,
        [this.ctx.tenantId(), c.communityId, c.tag, c.n]);
    }
  }
}
