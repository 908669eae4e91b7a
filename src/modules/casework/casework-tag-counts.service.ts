import { Injectable } from '@nestjs/common';
import { TenantContext } from '@sanshe/tenancy';
import { VulnerabilityTag } from './casework-fields';

/**
 * How many active people of the district carry each vulnerability tag, per community. Which person has which tag
 * is only inside the encrypted record; this table holds counts, kept in the same transaction as the change, so
 * district aggregates need neither decryption nor per-person tag indexes (which a dump could count and link).
 */
@Injectable()
export class CaseworkTagCounts {
  constructor(private readonly ctx: TenantContext) {}

  async add(communityId: string | null, tags: readonly VulnerabilityTag[], delta: 1 | -1): Promise<void> {
    if (!tags.length) return;
    await this.ctx.manager().query(
      `INSERT INTO casework_tag_counts (tenant_id, community_id, tag, people)
       SELECT $1, $2, t, GREATEST($4::int, 0) FROM unnest($3::text[]) AS t
       ON CONFLICT (tenant_id, community_id, tag) DO UPDATE SET people = casework_tag_counts.people + $4::int`,
      [this.ctx.tenantId(), communityId, [...tags].sort(), delta]);
  }

  async all(): Promise<Array<{ community_id: string | null; tag: string; n: number }>> {
    return this.ctx.manager().query(`SELECT community_id, tag, people AS n FROM casework_tag_counts WHERE people > 0`);
  }
}
