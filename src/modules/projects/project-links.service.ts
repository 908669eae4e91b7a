import { Injectable } from '@nestjs/common';
import { TenantContext } from '@sanshe/tenancy';

export interface ProjectLink { id: string; status: string }

/**
 * The project an award became, for the calls module: it shows the link on the award without reading this module's
 * tables. The project appears only after the worker handled calls.grant_awarded, so "no link" is normal for a while.
 */
@Injectable()
export class ProjectLinks {
  constructor(private readonly ctx: TenantContext) {}

  async byAwardIds(awardIds: string[]): Promise<Map<string, ProjectLink>> {
    if (!awardIds.length) return new Map();
    const rows: Array<{ award_id: string; id: string; status: string }> = await this.ctx.manager().query(
      `SELECT award_id, id, status FROM projects WHERE award_id = ANY($1::uuid[])`, [awardIds]);
    return new Map(rows.map((r) => [r.award_id, { id: r.id, status: r.status }]));
  }
}
