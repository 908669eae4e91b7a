import { Injectable } from '@nestjs/common';
import { Actor, fieldRefusal, isRealDay } from '@sanshe/common';
import { Clock } from '@sanshe/common/clock';
import { AuditService } from '@sanshe/audit';
import { assertVersion } from '@sanshe/database';
import { OutboxService } from '@sanshe/queue';
import { OrganisationEntity } from './organisation.entity';
import { OrganisationRegistryService } from './organisation-registry.service';
import { normaliseCreditCode } from './organisation-profile';
import { OrganisationStore, auditSafe } from './organisation.store';
import { STANDING_TRANSITIONS, STATUS_TRANSITIONS, StandingAction, nextState } from './organisation.transitions';
import { OrganisationsErrorCode, organisationsError } from './organisations.errors';

export const ORGANISATION_STANDING_CHANGED = 'organisation.standing_changed';

/**
 * The district's decisions on a registry record: verify or return a submission, close a record, record the
 * assessment grade, suspend / blacklist and lift, and approve or return a pending change of core facts. Every
 * decision takes the version the official read, so of two officials deciding at once one wins and the other gets
 * 409 STALE_VERSION; each is audited and written to the status history the organisation reads.
 */
@Injectable()
export class OrganisationReviewService {
  constructor(
    private readonly clock: Clock,
    private readonly store: OrganisationStore,
    private readonly registry: OrganisationRegistryService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async verify(id: string, version: number, note: string | undefined, actor: Actor) {
    return this.moveStatus(id, version, 'verify', note ?? null, (org) => {
      org.verifiedAt = this.clock.now();
      org.verifiedBy = actor.userId;
    });
  }

  async return(id: string, version: number, reason: string) {
    return this.moveStatus(id, version, 'return', reason);
  }

  /** 注销 / 撤销: the organisation deregistered, or the record was opened in error; its credit code becomes free. */
  async close(id: string, version: number, reason: string) {
    return this.moveStatus(id, version, 'close', reason, (org) => {
      org.pendingChange = null;
      org.pendingChangeAt = null;
    });
  }

  async recordGrade(id: string, dto: { version: number; grade: number; validFrom: string; validUntil: string; note?: string }) {
    for (const field of ['validFrom', 'validUntil'] as const) {
      if (!isRealDay(dto[field])) throw fieldRefusal(field, { reason: 'DATE_INVALID', messageZh: '不是有效的日期', messageEn: 'not a real date' });
    }
    if (dto.validUntil < dto.validFrom) throw organisationsError(OrganisationsErrorCode.DATE_RANGE_INVALID);
    const org = await this.store.find(id, { lock: true });
    assertVersion(org, dto.version);
    if (org.status !== 'verified') throw organisationsError(OrganisationsErrorCode.ORGANISATION_NOT_VERIFIED);
    const before = { ...org };
    Object.assign(org, { grade: dto.grade, gradeValidFrom: dto.validFrom, gradeValidUntil: dto.validUntil });
    const saved = await this.registry.save(org);
    await this.store.recordHistory(id, {
      action: 'grade_recorded',
      detail: { grade: dto.grade, validFrom: dto.validFrom, validUntil: dto.validUntil, previous: before.grade, note: dto.note ?? null },
    });
    await this.audit.record({ action: 'organisation.grade_recorded', entityType: 'organisation', entityId: id, before: auditSafe(before), after: auditSafe(saved) });
    await this.outbox.publish('organisation.grade_recorded', { organisationId: id, grade: dto.grade, validUntil: dto.validUntil });
    return this.store.view(saved);
  }

  /** Suspend, reinstate, blacklist (严重违法失信) or delist. Takes effect for every eligibility check at once. */
  async changeStanding(id: string, action: StandingAction, version: number, reason: string) {
    const org = await this.store.find(id, { lock: true });
    assertVersion(org, version);
    if (org.status === 'closed') throw organisationsError(OrganisationsErrorCode.ORGANISATION_CLOSED);
    const from = org.standing;
    const to = nextState('organisation standing', STANDING_TRANSITIONS, action, from);
    const before = { ...org };
    Object.assign(org, { standing: to, standingReason: to === 'good' ? null : reason, standingSince: this.clock.now() });
    const saved = await this.registry.save(org);
    await this.store.recordHistory(id, { action, fromStanding: from, toStanding: to, reason });
    await this.audit.record({ action: `organisation.${action}`, entityType: 'organisation', entityId: id, before: auditSafe(before), after: auditSafe(saved) });
    await this.outbox.publish(ORGANISATION_STANDING_CHANGED, { organisationId: id, from, to, reason });
    return this.store.view(saved);
  }

  /** Applies the organisation's requested change of core facts to its verified record. */
  async approveChange(id: string, version: number) {
    const org = await this.store.find(id, { lock: true });
    assertVersion(org, version);
    if (!org.pendingChange) throw organisationsError(OrganisationsErrorCode.NO_PENDING_CHANGE);
    const change = org.pendingChange;
    const before = { ...org };
    const next = { ...org, ...change };
    // The code and type must still agree, and the code still be free, at the moment of approval.
    org.creditCode = normaliseCreditCode(next.creditCode, next.orgType);
    if (change.creditCode) await this.registry.assertCodeFree(org.creditCode, id);
    Object.assign(org, change, { creditCode: org.creditCode, pendingChange: null, pendingChangeAt: null });
    const saved = await this.registry.save(org);
    await this.store.recordHistory(id, { action: 'change_approved', detail: { applied: change } });
    await this.audit.record({ action: 'organisation.change_approved', entityType: 'organisation', entityId: id, before: auditSafe(before), after: auditSafe(saved) });
    await this.outbox.publish('organisation.changed', { organisationId: id, fields: Object.keys(change) });
    return this.store.view(saved);
  }

  async returnChange(id: string, version: number, reason: string) {
    const org = await this.store.find(id, { lock: true });
    assertVersion(org, version);
    if (!org.pendingChange) throw organisationsError(OrganisationsErrorCode.NO_PENDING_CHANGE);
    const before = { ...org };
    const change = org.pendingChange;
    Object.assign(org, { pendingChange: null, pendingChangeAt: null });
    const saved = await this.registry.save(org);
    await this.store.recordHistory(id, { action: 'change_returned', reason, detail: { requested: change } });
    await this.audit.record({ action: 'organisation.change_returned', entityType: 'organisation', entityId: id, before: auditSafe(before), after: auditSafe(saved) });
    return this.store.view(saved);
  }

  private async moveStatus(
    id: string,
    version: number,
    action: 'verify' | 'return' | 'close',
    reason: string | null,
    also?: (org: OrganisationEntity) => void,
  ) {
    const org = await this.store.find(id, { lock: true });
    assertVersion(org, version);
    const from = org.status;
    const to = nextState('organisation', STATUS_TRANSITIONS, action, from);
    const before = { ...org };
    org.status = to;
    org.statusReason = reason;
    also?.(org);
    const saved = await this.registry.save(org);
    await this.store.recordHistory(id, { action, fromStatus: from, toStatus: to, reason });
    const event = `organisation.${PAST[action]}` as const;
    await this.audit.record({ action: event, entityType: 'organisation', entityId: id, before: auditSafe(before), after: auditSafe(saved) });
    await this.outbox.publish(event, { organisationId: id, reason });
    return this.store.view(saved);
  }
}

const PAST = { verify: 'verified', return: 'returned', close: 'closed' } as const;
