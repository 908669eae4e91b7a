import { Injectable } from '@nestjs/common';
import { Actor, Page, fieldRefusal, isRealDay } from '@sanshe/common';
import { Clock } from '@sanshe/common/clock';
import { AuditService } from '@sanshe/audit';
import { assertVersion, keysetPage } from '@sanshe/database';
import { OutboxService } from '@sanshe/queue';
import { TenantContext } from '@sanshe/tenancy';
import { ApplyQualificationDto, ApproveQualificationDto, ExpireQualificationDto, ListQualificationsQuery } from './dto/qualification.dto';
import { canManageOrganisation } from './organisation-access';
import { OrganisationQualificationEntity } from './organisation-qualification.entity';
import { OrganisationStore } from './organisation.store';
import { QUALIFICATION_TRANSITIONS, QualificationAction, STATE_LABELS, nextState } from './organisation.transitions';
import { OrganisationsErrorCode, organisationsError } from './organisations.errors';
import { serviceAreaLabels } from './service-areas';
import { WAITING_ORDER, WaitingList, toWaitingList } from '../workbench/waiting-item';

/**
 * Qualification to undertake government purchases of services (承接资质): a verified organisation in good standing
 * applies for chosen service areas; the district approves (all or some areas, from a date, optionally until a
 * date), rejects with reasons, later sets an expiry date or revokes. Approved and in-force qualifications make up
 * the public directory of qualified organisations.
 */
@Injectable()
export class OrganisationQualificationsService {
  constructor(
    private readonly clock: Clock,
    private readonly ctx: TenantContext,
    private readonly store: OrganisationStore,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  private get repo() {
    return this.ctx.repo(OrganisationQualificationEntity);
  }

  async apply(organisationId: string, dto: ApplyQualificationDto, actor: Actor) {
    // Locking the organisation serialises this with a concurrent blacklisting or a second application.
    const org = await this.store.findVisible(organisationId, actor, { lock: true });
    if (!canManageOrganisation(actor, organisationId)) throw organisationsError(OrganisationsErrorCode.NOT_YOUR_ORGANISATION);
    if (org.status !== 'verified') throw organisationsError(OrganisationsErrorCode.ORGANISATION_NOT_VERIFIED, { status: org.status });
    if (org.standing !== 'good') throw organisationsError(OrganisationsErrorCode.ORGANISATION_NOT_IN_GOOD_STANDING, { standing: org.standing });
    if (await this.repo.exists({ where: { organisationId, status: 'applied' } })) throw organisationsError(OrganisationsErrorCode.QUALIFICATION_PENDING);
    const q = await this.repo.save(this.repo.create({
      tenantId: this.ctx.tenantId(), organisationId, serviceAreas: dto.serviceAreas, statement: dto.statement?.trim() || null,
      status: 'applied', appliedBy: actor.userId,
    }));
    await this.store.recordHistory(organisationId, { action: 'qualification_applied', detail: { qualificationId: q.id, serviceAreas: q.serviceAreas } });
    await this.audit.record({ action: 'qualification.applied', entityType: 'organisation_qualification', entityId: q.id, after: q });
    await this.outbox.publish('organisation.qualification_applied', { organisationId, qualificationId: q.id });
    return present(q, this.clock.today());
  }

  async listForOrganisation(organisationId: string, actor: Actor) {
    await this.store.findVisible(organisationId, actor);
    const rows = await this.repo.find({ where: { organisationId }, order: { createdAt: 'DESC' } });
    return { items: rows.map((r) => present(r, this.clock.today())), total: rows.length };
  }

  /** The district's review queue and register of qualifications, newest first. */
  async list(query: ListQualificationsQuery): Promise<Page<ReturnType<typeof present> & { organisation: { id: string; name: string; creditCode: string } }>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.status) { params.push(query.status); where.push(`q.status = $${params.length}`); }
    if (query.serviceArea) { params.push(query.serviceArea); where.push(`q.service_areas @> ARRAY[$${params.length}]::text[]`); }
    const page = await keysetPage<{ id: string; org_name: string; credit_code: string }>(this.ctx.manager(), {
      select: 'SELECT q.id, o.name AS org_name, o.credit_code FROM organisation_qualifications q JOIN organisations o ON o.id = q.organisation_id',
      countFrom: 'FROM organisation_qualifications q', where, params,
      order: { key: 'q.created_at', type: 'timestamptz', id: 'q.id', direction: 'desc' }, limit: query.limit, cursor: query.cursor,
    });
    const ids = page.items;
    const rows = ids.length ? await this.repo.createQueryBuilder('q').whereInIds(ids.map((r) => r.id)).getMany() : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const items = ids.map((r) => ({ ...present(byId.get(r.id)!, this.clock.today()), organisation: { id: byId.get(r.id)!.organisationId, name: r.org_name, creditCode: r.credit_code } }));
    return { ...page, items };
  }

  async approve(id: string, dto: ApproveQualificationDto, actor: Actor) {
    const validFrom = dto.validFrom ?? this.clock.today();
    checkDate('validFrom', validFrom);
    if (dto.validUntil) {
      checkDate('validUntil', dto.validUntil);
      if (dto.validUntil < validFrom) throw organisationsError(OrganisationsErrorCode.DATE_RANGE_INVALID);
    }
    return this.decide(id, dto.version, 'approve', dto.note ?? null, actor, async (q) => {
      const org = await this.store.find(q.organisationId, { lock: true });
      if (org.status !== 'verified') throw organisationsError(OrganisationsErrorCode.ORGANISATION_NOT_VERIFIED, { status: org.status });
      if (org.standing !== 'good') throw organisationsError(OrganisationsErrorCode.ORGANISATION_NOT_IN_GOOD_STANDING, { standing: org.standing });
      if (dto.serviceAreas) {
        if (!dto.serviceAreas.every((a) => q.serviceAreas.includes(a))) {
          throw organisationsError(OrganisationsErrorCode.QUALIFICATION_AREAS_INVALID, { applied: q.serviceAreas });
        }
        q.serviceAreas = dto.serviceAreas;
      }
      q.validFrom = validFrom;
      q.validUntil = dto.validUntil ?? null;
    });
  }

  async reject(id: string, version: number, reason: string, actor: Actor) {
    return this.decide(id, version, 'reject', reason, actor);
  }

  /** The organisation takes its application back before a decision. */
  async withdraw(id: string, version: number, actor: Actor) {
    return this.decide(id, version, 'withdraw', null, actor);
  }

  /** An approved qualification ends on the given day (inclusive); a day in the past ends it at once. */
  async expire(id: string, dto: ExpireQualificationDto, actor: Actor) {
    checkDate('on', dto.on);
    return this.decide(id, dto.version, 'expire', dto.reason ?? null, actor, async (q) => {
      if (dto.on < q.validFrom!) throw organisationsError(OrganisationsErrorCode.DATE_RANGE_INVALID, { validFrom: q.validFrom });
      q.validUntil = dto.on;
    });
  }

  async revoke(id: string, version: number, reason: string, actor: Actor) {
    return this.decide(id, version, 'revoke', reason, actor);
  }

  private async decide(
    id: string,
    version: number,
    action: QualificationAction,
    reason: string | null,
    actor: Actor,
    also?: (q: OrganisationQualificationEntity) => Promise<void>,
  ) {
    const q = await this.repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!q) throw organisationsError(OrganisationsErrorCode.QUALIFICATION_NOT_FOUND, { id });
    // The organisation withdraws its own application; every other decision is the district's (checked by route).
    if (action === 'withdraw') {
      await this.store.findVisible(q.organisationId, actor);
      if (!canManageOrganisation(actor, q.organisationId)) throw organisationsError(OrganisationsErrorCode.NOT_YOUR_ORGANISATION);
    }
    assertVersion(q, version);
    const from = q.status;
    const to = nextState('qualification', QUALIFICATION_TRANSITIONS, action, from);
    const before = { ...q };
    await also?.(q);
    q.status = to;
    if (action !== 'withdraw') {
      q.decisionReason = reason ?? q.decisionReason;
      q.decidedBy = actor.userId;
      q.decidedAt = this.clock.now();
    }
    const saved = await this.repo.save(q);
    const historyAction = action === 'expire' ? 'qualification_expiry_set' : `qualification_${PAST[action]}`;
    await this.store.recordHistory(q.organisationId, {
      action: historyAction, reason, detail: { qualificationId: id, serviceAreas: saved.serviceAreas, validFrom: saved.validFrom, validUntil: saved.validUntil },
    });
    await this.audit.record({ action: `qualification.${PAST[action]}`, entityType: 'organisation_qualification', entityId: id, before, after: saved });
    await this.outbox.publish(`organisation.qualification_${PAST[action]}`, { organisationId: q.organisationId, qualificationId: id });
    return present(saved, this.clock.today());
  }

  /** Workbench: qualification applications waiting for the district's decision, oldest first. */
  async awaitingReview(): Promise<WaitingList> {
    const rows = await this.ctx.manager().query(
      `SELECT q.id, q.organisation_id, o.name, o.credit_code, NULL::timestamptz AS due_at, q.created_at AS sort_key, count(*) OVER () AS total
         FROM organisation_qualifications q JOIN organisations o ON o.id = q.organisation_id
        WHERE q.status = 'applied' ${WAITING_ORDER}`);
    return toWaitingList(rows, (r: Record<string, any>) => ({
      id: r.id, title: r.name, reference: r.credit_code, dueAt: null, path: `/organisations/${r.organisation_id}`,
    }));
  }
}

const PAST = { approve: 'approved', reject: 'rejected', withdraw: 'withdrawn', expire: 'expiry_set', revoke: 'revoked' } as const satisfies Record<QualificationAction, string>;

function checkDate(field: string, value: string): void {
  if (!isRealDay(value)) throw fieldRefusal(field, { reason: 'DATE_INVALID', messageZh: `'${value}'不是有效的日期`, messageEn: `'${value}' is not a real date` });
}

/** `inForce` answers "does it count today?" (approved, started, not past its end date). */
export function present(q: OrganisationQualificationEntity, today: string) {
  const inForce = q.status === 'approved' && !!q.validFrom && q.validFrom <= today && (!q.validUntil || q.validUntil >= today);
  const expired = q.status === 'approved' && !!q.validUntil && q.validUntil < today;
  return {
    id: q.id,
    organisationId: q.organisationId,
    serviceAreas: serviceAreaLabels(q.serviceAreas),
    statement: q.statement,
    status: q.status,
    statusLabel: STATE_LABELS[q.status],
    effectiveStatus: expired ? 'expired' : inForce ? 'in_force' : q.status === 'approved' ? 'not_yet_in_force' : q.status,
    inForce,
    decisionReason: q.decisionReason,
    validFrom: q.validFrom,
    validUntil: q.validUntil,
    decidedAt: q.decidedAt,
    version: q.version,
    createdAt: q.createdAt,
  };
}
