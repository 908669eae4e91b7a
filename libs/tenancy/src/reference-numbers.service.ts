import { Injectable } from '@nestjs/common';
import { TenantContext } from './tenant-context';

/**
 * Human-readable numbers per district, series and year (`GY-2026-0001`). The counter row is locked until the caller's
 * transaction ends, so numbers are unique and gap-free among committed work (a rolled-back transaction gives its
 * number back). Concurrent callers queue on that one row: keep the call late in the transaction.
 */
@Injectable()
export class ReferenceNumberService {
  constructor(private readonly ctx: TenantContext) {}

  async next(series: string, year: number, width = 4): Promise<string> {
    const [row]: Array<{ last: number }> = await this.ctx.manager().query(
      `INSERT INTO reference_counters (tenant_id, series, year, last) VALUES ($1, $2, $3, 1)
       ON CONFLICT (tenant_id, series, year) DO UPDATE SET last = reference_counters.last + 1 RETURNING last`,
      [this.ctx.tenantId(), series, year],
    );
    return `${series}-${year}-${String(row.last).padStart(width, '0')}`;
  }
}
