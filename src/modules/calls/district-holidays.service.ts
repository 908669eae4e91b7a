import { Injectable } from '@nestjs/common';
import { AuditService } from '@sanshe/audit';
import { isRealDay } from '@sanshe/common';
import { TenantContext } from '@sanshe/tenancy';
import { CallsErrorCode, callsError } from './calls.errors';
import { DayKind, HolidayCalendar } from './working-days';

/**
 * The district's working-day calendar (节假日与调休): public holidays and swapped weekend workdays, kept by the district
 * admin each year after the State Council publishes the arrangement. Notice periods count working days on it.
 */
@Injectable()
export class DistrictHolidaysService {
  constructor(
    private readonly ctx: TenantContext,
    private readonly audit: AuditService,
  ) {}

  async list(year: string) {
    const rows: Array<{ day: string; kind: DayKind; name: string }> = await this.ctx.manager().query(
      `SELECT day::text AS day, kind, name FROM district_holidays WHERE day BETWEEN $1::date AND $2::date ORDER BY day`,
      [`${year}-01-01`, `${year}-12-31`]);
    return { year: Number(year), items: rows };
  }

  async put(day: string, kind: DayKind, name: string) {
    if (!isRealDay(day)) throw callsError(CallsErrorCode.HOLIDAY_DATE_INVALID, { day });
    await this.ctx.manager().query(
      `INSERT INTO district_holidays (tenant_id, day, kind, name, created_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, day) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name`,
      [this.ctx.tenantId(), day, kind, name, this.ctx.actor().userId]);
    await this.audit.record({ action: 'district_holiday.set', entityType: 'district_holiday', after: { day, kind, name } });
    return { day, kind, name };
  }

  async remove(day: string): Promise<void> {
    if (!isRealDay(day)) throw callsError(CallsErrorCode.HOLIDAY_DATE_INVALID, { day });
    await this.ctx.manager().query(`DELETE FROM district_holidays WHERE day = $1`, [day]);
    await this.audit.record({ action: 'district_holiday.removed', entityType: 'district_holiday', before: { day } });
  }

  /** The calendar from `from` on (a notice period never needs more than a year). */
  async calendarFrom(from: string): Promise<HolidayCalendar> {
    const rows: Array<{ day: string; kind: DayKind }> = await this.ctx.manager().query(
      `SELECT day::text AS day, kind FROM district_holidays WHERE day >= $1::date AND day < $1::date + 400`, [from]);
    return new Map(rows.map((r) => [r.day, r.kind]));
  }
}
