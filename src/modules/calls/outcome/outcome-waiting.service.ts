import { Injectable } from '@nestjs/common';
import { Actor, Role, shanghaiDay } from '@sanshe/common';
import { TenantContext } from '@sanshe/tenancy';
import { WAITING_ORDER, WaitingList, toWaitingList } from '../../workbench/waiting-item';
import { DistrictHolidaysService } from '../district-holidays.service';
import { addWorkingDays, endOfShanghaiDay } from '../working-days';

/** A notice counts as "ending" on the workbench from this many working days before its end. */
export const NOTICE_ENDING_WORKING_DAYS = 3;

/**
 * What the end of a call leaves waiting for someone (the workbench asks): notices about to end (and ended ones not
 * yet awarded), objections to answer, awards the organisation has not accepted. Each is one query.
 */
@Injectable()
export class OutcomeWaitingService {
  constructor(
    private readonly ctx: TenantContext,
    private readonly holidays: DistrictHolidaysService,
  ) {}

  /**
   * Public notices ending within the next working days on the district's calendar; an ended notice stays (overdue)
   * until the award is made, because that is the officer's next move.
   */
  async noticesEnding(now: Date): Promise<WaitingList> {
    const today = shanghaiDay(now);
    const calendar = await this.holidays.calendarFrom(today);
    const cutoff = endOfShanghaiDay(addWorkingDays(today, NOTICE_ENDING_WORKING_DAYS, calendar));
    const rows = await this.ctx.manager().query(
      `SELECT id, title, notice_ends_at AS due_at, id::text AS sort_key, count(*) OVER () AS total
         FROM calls WHERE status = 'notice' AND notice_ends_at <= $1 ${WAITING_ORDER}`, [cutoff]);
    return toWaitingList(rows, (r: Record<string, any>) => ({ id: r.id, title: r.title, reference: null, dueAt: r.due_at, path: `/calls/${r.id}` }));
  }

  /** Open objections: the award waits for every answer, so they are due by the call's award date. */
  async objectionsToAnswer(): Promise<WaitingList> {
    const rows = await this.ctx.manager().query(
      `SELECT o.id, c.id AS call_id, c.title, ((c.award_by + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') AS due_at,
              o.created_at AS sort_key, count(*) OVER () AS total
         FROM call_objections o JOIN calls c ON c.id = o.call_id
        WHERE o.status = 'open' ${WAITING_ORDER}`);
    return toWaitingList(rows, (r: Record<string, any>) => ({ id: r.id, title: r.title, reference: null, dueAt: r.due_at, path: `/calls/${r.call_id}` }));
  }

  /** Awards offered to the actor's organisation; only its admin accepts, so only its admin is asked. */
  async awardsToAccept(actor: Actor): Promise<WaitingList> {
    if (!actor.organisationId || !actor.roles.includes(Role.OrgAdmin)) return { total: 0, items: [] };
    const rows = await this.ctx.manager().query(
      `SELECT w.id, w.application_id, a.title, w.reference_no, NULL::timestamptz AS due_at, w.created_at AS sort_key, count(*) OVER () AS total
         FROM awards w JOIN applications a ON a.id = w.application_id
        WHERE w.organisation_id = $1 AND w.status = 'offered' ${WAITING_ORDER}`, [actor.organisationId]);
    return toWaitingList(rows, (r: Record<string, any>) => ({
      id: r.id, title: r.title, reference: r.reference_no, dueAt: null, path: `/applications/${r.application_id}`,
    }));
  }
}
