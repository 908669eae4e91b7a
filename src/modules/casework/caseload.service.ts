import { Injectable } from '@nestjs/common';
import { Actor, shanghaiDay, addDays } from '@sanshe/common';
import { Clock } from '@sanshe/common/clock';
import { FieldCipher } from '@sanshe/crypto';
import { TenantContext } from '@sanshe/tenancy';
import { CaseworkAccess, CaseworkScope } from './casework-access.service';
import { CaseworkSettings, CaseworkSettingsService } from './casework-settings.service';
import { CaseworkErrorCode, caseworkError } from './casework.errors';
import { F, shanghaiMonth } from './casework-fields';
import { ACTIVE_STATUSES, CASE_STATUS_LABELS, CaseStatus } from './case.transitions';
import { WAITING_LIMIT, WaitingList, toWaitingList } from '../workbench/waiting-item';

/** The stage gates a supervisor decides. */
const REVIEW_STATUSES: CaseStatus[] = ['assessment_review', 'plan_review', 'closure_review'];

interface DueItem { kind: 'assessment' | 'plan' | 'evaluation' | 'follow_up' | 'intake'; dueOn: string; overdue: boolean }

/** What is due on a case, as the workbench names it beside the person's name. */
const DUE_LABELS: Record<DueItem['kind'], { zh: string; en: string }> = {
  intake: { zh: '接案决定', en: 'Intake decision' },
  assessment: { zh: '完成预估', en: 'Assessment' },
  plan: { zh: '制定服务计划', en: 'Service plan' },
  evaluation: { zh: '结案评估', en: 'Evaluation' },
  follow_up: { zh: '回访', en: 'Follow-up' },
};

/** The instant a Beijing calendar day begins: something due on day D is late from the start of D + 1. */
const beijingDayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);

/**
 * Caseload views: "my cases" with what is due next and whether it is overdue, the supervisor's team view, and hours
 * this month (service records + group sessions led + community events, on the Beijing calendar). Names only: the
 * views show no identifiers or narrative.
 */
@Injectable()
export class CaseloadService {
  constructor(
    private readonly clock: Clock,
    private readonly ctx: TenantContext,
    private readonly access: CaseworkAccess,
    private readonly settings: CaseworkSettingsService,
    private readonly cipher: FieldCipher,
  ) {}

  async mine(actor: Actor) {
    const scope = await this.access.scope(actor);
    const items = await this.myCases(scope);
    return {
      openCases: items.filter((i) => i.status !== 'closed').length,
      overdue: items.filter((i) => i.due?.overdue).length,
      hoursThisMonth: await this.hoursThisMonth([scope.membershipId]).then((h) => h[scope.membershipId] ?? 0),
      items,
    };
  }

  /** The cases this person works (as worker or assistant), active or closed awaiting follow-up, soonest due first. */
  private async myCases(scope: CaseworkScope) {
    const settings = await this.settings.forOrganisation(scope.organisationId);
    const rows: Array<Record<string, any>> = await this.ctx.manager().query(
      `SELECT c.id, c.case_no, c.status, c.risk_level, c.status_changed_at, c.created_at, c.plan_end_on::text AS plan_end_on,
              c.follow_up_due_on::text AS follow_up_due_on, b.name_enc
         FROM cases c JOIN beneficiaries b ON b.id = c.beneficiary_id
        WHERE (c.worker_membership_id = $1 OR EXISTS (SELECT 1 FROM case_assistants a WHERE a.case_id = c.id AND a.membership_id = $1))
          AND (c.status = ANY($2::text[]) OR c.status = 'closed')
        ORDER BY c.status_changed_at`, [scope.membershipId, ACTIVE_STATUSES]);
    const today = this.clock.today();
    for (const r of rows) r.beneficiary_name = await this.cipher.decrypt(F.name, r.name_enc);
    const items = rows.map((r) => {
      const due = this.due(r, settings, today);
      return {
        id: r.id, caseNo: r.case_no, status: r.status, statusLabel: CASE_STATUS_LABELS[r.status as CaseStatus], riskLevel: r.risk_level,
        beneficiary: { name: r.beneficiary_name }, due, awaitingApproval: r.status.endsWith('_review'),
      };
    });
    items.sort((a, b) => (a.due?.dueOn ?? '9999').localeCompare(b.due?.dueOn ?? '9999'));
    return items;
  }

  /** Workbench: the worker's cases with something due, soonest first (overdue ones are past), each opening the case. */
  async waitingForWorker(actor: Actor): Promise<WaitingList> {
    const due = (await this.myCases(await this.access.scope(actor))).filter((i) => i.due);
    return {
      total: due.length,
      items: due.slice(0, WAITING_LIMIT).map((i) => ({
        id: i.id, title: i.beneficiary.name, reference: i.caseNo, dueAt: beijingDayStart(addDays(i.due!.dueOn, 1)),
        path: `/casework/cases/${i.id}`, detail: DUE_LABELS[i.due!.kind],
      })),
    };
  }

  /** Workbench: the stage gates waiting for this supervisor (their supervisees' cases in review), oldest first. */
  async waitingForApproval(actor: Actor): Promise<WaitingList> {
    const scope = await this.access.scope(actor);
    const workers = await this.access.supervisees(scope.membershipId);
    const rows: Array<{ id: string; case_no: string; status: CaseStatus; name_enc: Buffer; name?: string; total: string }> = await this.ctx.manager().query(
      `SELECT c.id, c.case_no, c.status, b.name_enc, count(*) OVER () AS total
         FROM cases c JOIN beneficiaries b ON b.id = c.beneficiary_id
        WHERE c.worker_membership_id = ANY($1::uuid[]) AND c.status = ANY($2::text[])
        ORDER BY c.status_changed_at ASC, c.id ASC LIMIT ${WAITING_LIMIT}`, [workers, REVIEW_STATUSES]);
    for (const r of rows) r.name = await this.cipher.decrypt(F.name, r.name_enc);
    return toWaitingList(rows, (r) => ({
      id: r.id, title: r.name!, reference: r.case_no, dueAt: null, path: `/casework/cases/${r.id}`, detail: CASE_STATUS_LABELS[r.status],
    }));
  }

  /** The supervisor's team: each supervised worker's open cases, overdue items, pending approvals and hours. */
  async team(actor: Actor) {
    const scope = await this.access.scope(actor);
    if (!scope.isSupervisor) throw caseworkError(CaseworkErrorCode.NOT_YOUR_SUPERVISEE);
    const workers = await this.access.supervisees(scope.membershipId);
    const settings = await this.settings.forOrganisation(scope.organisationId);
    const today = this.clock.today();
    const m = this.ctx.manager();
    const names: Array<{ id: string; name: string }> = await m.query(
      `SELECT m.id, u.name FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.id = ANY($1::uuid[]) ORDER BY u.name`, [workers]);
    const cases: Array<Record<string, any>> = await m.query(
      `SELECT c.id, c.case_no, c.status, c.worker_membership_id, c.status_changed_at, c.created_at, c.plan_end_on::text AS plan_end_on,
              c.follow_up_due_on::text AS follow_up_due_on, b.name_enc
         FROM cases c JOIN beneficiaries b ON b.id = c.beneficiary_id
        WHERE c.worker_membership_id = ANY($1::uuid[]) AND (c.status = ANY($2::text[]) OR c.status = 'closed')`, [workers, ACTIVE_STATUSES]);
    for (const c of cases) if (c.status.endsWith('_review')) c.beneficiary_name = await this.cipher.decrypt(F.name, c.name_enc);
    const hours = await this.hoursThisMonth(workers);
    return {
      workers: names.map((w) => {
        const mine = cases.filter((c) => c.worker_membership_id === w.id);
        return {
          membershipId: w.id, name: w.name,
          openCases: mine.filter((c) => c.status !== 'closed').length,
          overdue: mine.filter((c) => this.due(c, settings, today)?.overdue).length,
          awaitingApproval: mine.filter((c) => c.status.endsWith('_review')).length,
          hoursThisMonth: hours[w.id] ?? 0,
        };
      }),
      pendingApprovals: cases.filter((c) => c.status.endsWith('_review')).map((c) => ({
        caseId: c.id, caseNo: c.case_no, status: c.status, statusLabel: CASE_STATUS_LABELS[c.status as CaseStatus],
        workerMembershipId: c.worker_membership_id, beneficiary: { name: c.beneficiary_name }, since: c.status_changed_at,
      })),
    };
  }

  private due(r: Record<string, any>, s: CaseworkSettings, today: string): DueItem | null {
    // Due dates count from the Beijing calendar day the case entered its state.
    const since = shanghaiDay(new Date(r.status_changed_at));
    let item: Omit<DueItem, 'overdue'> | null = null;
    switch (r.status as CaseStatus) {
      case 'intake': item = { kind: 'intake', dueOn: addDays(shanghaiDay(new Date(r.created_at)), 3) }; break;
      case 'assessment': item = { kind: 'assessment', dueOn: addDays(since, s.assessmentDueDays) }; break;
      case 'planning': item = { kind: 'plan', dueOn: addDays(since, s.planDueDays) }; break;
      case 'intervention': item = r.plan_end_on ? { kind: 'evaluation', dueOn: r.plan_end_on } : null; break;
      case 'closed': item = r.follow_up_due_on ? { kind: 'follow_up', dueOn: r.follow_up_due_on } : null; break;
      default: item = null;
    }
    return item ? { ...item, overdue: item.dueOn < today } : null;
  }

  /** Hours per worker this month: case service records, group sessions they led, community events they ran. */
  private async hoursThisMonth(workers: string[]): Promise<Record<string, number>> {
    if (!workers.length) return {};
    const { from, to } = shanghaiMonth(this.clock.now());
    const rows: Array<{ worker: string; minutes: number }> = await this.ctx.manager().query(
      `SELECT worker, sum(minutes)::int AS minutes FROM (
         SELECT worker_membership_id AS worker, duration_minutes AS minutes FROM service_records
          WHERE worker_membership_id = ANY($1::uuid[]) AND service_date >= $2 AND service_date < $3
         UNION ALL
         SELECT g.leader_membership_id, s.duration_minutes FROM group_sessions s JOIN casework_groups g ON g.id = s.group_id
          WHERE g.leader_membership_id = ANY($1::uuid[]) AND s.held_on >= $2 AND s.held_on < $3
         UNION ALL
         SELECT worker_membership_id, duration_minutes FROM community_events
          WHERE worker_membership_id = ANY($1::uuid[]) AND held_on >= $2 AND held_on < $3) t
       GROUP BY worker`, [workers, from, to]);
    return Object.fromEntries(rows.map((r) => [r.worker, Math.round((r.minutes / 60) * 100) / 100]));
  }
}
