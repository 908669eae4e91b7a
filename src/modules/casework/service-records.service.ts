import { Injectable } from '@nestjs/common';
import { Actor, CommonErrorCode, commonError, shanghaiDay } from '@sanshe/common';
import { Clock } from '@sanshe/common/clock';
import { AuditService } from '@sanshe/audit';
import { FieldCipher } from '@sanshe/crypto';
import { assertVersion } from '@sanshe/database';
import { IdempotencyService, TenantContext } from '@sanshe/tenancy';
import { CaseworkAccess, CaseworkScope } from './casework-access.service';
import { CaseworkSettingsService } from './casework-settings.service';
import { CaseworkErrorCode, assertIndicatorHasProject, caseworkError, writeProjectLink } from './casework.errors';
import { F } from './casework-fields';
import { OPEN_STATUSES } from './case.transitions';
import { CaseLifecycleService } from './case-lifecycle.service';
import { CaseRow, CasesService } from './cases.service';
import { ConsentsService } from './consents.service';
import { CorrectServiceRecordDto, EditServiceRecordDto, FollowUpDto, ServiceRecordDto } from './dto/service-record.dto';
import { PiiAccessLogService } from './pii-access-log.service';

interface RecordRow {
  id: string;
  case_id: string;
  organisation_id: string;
  worker_membership_id: string;
  kind: 'service' | 'follow_up';
  service_date: string;
  start_time: string | null;
  duration_minutes: number;
  mode: string;
  place_enc: Buffer | null;
  content_enc: Buffer;
  response_enc: Buffer | null;
  next_step_enc: Buffer | null;
  project_id: string | null;
  indicator_id: string | null;
  correction_count: number;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const SELECT = `SELECT r.*, r.service_date::text AS service_date, to_char(r.start_time, 'HH24:MI') AS start_time FROM service_records r`;

/** Plain columns and encrypted columns a record edit may touch. */
const PLAIN: Record<string, string> = { serviceDate: 'service_date', startTime: 'start_time', durationMinutes: 'duration_minutes', mode: 'mode' };
const SEALED: Record<string, { col: string; field: string }> = {
  place: { col: 'place_enc', field: F.recordPlace },
  content: { col: 'content_enc', field: F.recordContent },
  response: { col: 'response_enc', field: F.recordResponse },
  nextStep: { col: 'next_step_enc', field: F.recordNextStep },
};

/**
 * Service records (服务记录) of a case: date, time and duration (工时), mode, place and the narrative (encrypted).
 * The author may edit a record for the organisation's `record_lock_days` after writing it; after that only a
 * correction with a reason changes it — by the author, their supervisor or the organisation admin — keeping the
 * previous values (encrypted) and an audit row naming the fields changed. Linking a record to a funded project is
 * sharing with the funder, so it needs the person's funder consent.
 */
@Injectable()
export class ServiceRecordsService {
  constructor(
    private readonly clock: Clock,
    private readonly ctx: TenantContext,
    private readonly cipher: FieldCipher,
    private readonly access: CaseworkAccess,
    private readonly cases: CasesService,
    private readonly lifecycle: CaseLifecycleService,
    private readonly consents: ConsentsService,
    private readonly settings: CaseworkSettingsService,
    private readonly accessLog: PiiAccessLogService,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
  ) {}

  /**
   * A record written on a phone may be sent again after a lost connection: with the same `Idempotency-Key` the retry
   * gets the first answer and no second record; the same key with a different record is refused (409).
   */
  async add(caseId: string, dto: ServiceRecordDto, key: string | undefined, actor: Actor) {
    return this.idempotency.run('service_record.create', key, { caseId, ...dto }, () => this.create(caseId, dto, actor));
  }

  private async create(caseId: string, dto: ServiceRecordDto, actor: Actor) {
    const scope = await this.access.scope(actor);
    const c = await this.cases.requireVisible(scope, caseId, true);
    await this.cases.requireWorker(scope, c);
    if (!OPEN_STATUSES.includes(c.status)) throw caseworkError(CaseworkErrorCode.CASE_NOT_OPEN, { status: c.status });
    this.assertNotFuture(dto.serviceDate);
    await this.consents.requireActive(c.beneficiary_id, 'service');
    await this.assertDateAllowed(c, 'service', dto.serviceDate);
    assertIndicatorHasProject(dto);
    if (dto.projectId) await this.consents.requireActive(c.beneficiary_id, 'funder_aggregate');
    const id = await this.insert(scope, c.id, c.organisation_id, 'service', dto);
    await this.audit.record({
      action: 'service_record.created', entityType: 'service_record', entityId: id,
      after: { caseId, serviceDate: dto.serviceDate, durationMinutes: dto.durationMinutes, mode: dto.mode, projectId: dto.projectId ?? null, indicatorId: dto.indicatorId ?? null },
    });
    return this.present(scope, await this.find(id));
  }

  /** 回访: a follow-up contact after closure, recorded as a service record; the first one completes the case. */
  async followUp(caseId: string, dto: FollowUpDto, actor: Actor) {
    const scope = await this.access.scope(actor);
    const c = await this.cases.requireVisible(scope, caseId, true);
    await this.cases.requireWorker(scope, c);
    this.lifecycle.check(c, 'follow_up', dto.version);
    this.assertNotFuture(dto.serviceDate);
    await this.assertDateAllowed(c, 'follow_up', dto.serviceDate);
    const id = await this.insert(scope, c.id, c.organisation_id, 'follow_up', { ...dto });
    await this.lifecycle.markFollowedUp(scope, c);
    return this.present(scope, await this.find(id));
  }

  async list(caseId: string, actor: Actor) {
    const scope = await this.access.scope(actor);
    const c = await this.cases.requireVisible(scope, caseId);
    const rows: RecordRow[] = await this.ctx.manager().query(`${SELECT} WHERE r.case_id = $1 ORDER BY r.service_date DESC, r.created_at DESC`, [caseId]);
    await this.accessLog.record(scope, { action: 'view', subjectType: 'case', subjectId: caseId, beneficiaryId: c.beneficiary_id, field: 'service_records' });
    const lockDays = (await this.settings.forOrganisation(c.organisation_id)).recordLockDays;
    return { items: await Promise.all(rows.map((r) => this.present(scope, r, lockDays))), total: rows.length };
  }

  /** Within the edit window, by the author only. */
  async edit(id: string, dto: EditServiceRecordDto, actor: Actor) {
    const scope = await this.access.scope(actor);
    const { row: r, case: c } = await this.requireVisible(scope, id);
    assertVersion(r, dto.version);
    if (r.worker_membership_id !== scope.membershipId) throw caseworkError(CaseworkErrorCode.NOT_AUTHOR);
    const lockDays = (await this.settings.forOrganisation(r.organisation_id)).recordLockDays;
    if (this.isLocked(r, lockDays)) throw caseworkError(CaseworkErrorCode.RECORD_LOCKED, { lockedSince: this.lockedAt(r, lockDays) });
    if (dto.serviceDate) await this.assertDateAllowed(c, r.kind, dto.serviceDate);
    const changed = await this.apply(r, { ...dto });
    await this.audit.record({ action: 'service_record.edited', entityType: 'service_record', entityId: id, after: { changedFields: changed } });
    return this.present(scope, await this.find(id));
  }

  /** After the edit window: a correction with a reason, keeping the previous values and an audit row. */
  async correct(id: string, dto: CorrectServiceRecordDto, actor: Actor) {
    const scope = await this.access.scope(actor);
    const { row: r, case: c } = await this.requireVisible(scope, id);
    assertVersion(r, dto.version);
    const supervises = (await this.access.supervisorsOf(r.worker_membership_id)).includes(scope.membershipId);
    if (r.worker_membership_id !== scope.membershipId && !supervises && !scope.isOrgAdmin) throw caseworkError(CaseworkErrorCode.NOT_AUTHOR);
    const lockDays = (await this.settings.forOrganisation(r.organisation_id)).recordLockDays;
    if (!this.isLocked(r, lockDays)) throw caseworkError(CaseworkErrorCode.NOT_RECORD_LOCKED);
    if (dto.serviceDate) await this.assertDateAllowed(c, r.kind, dto.serviceDate);
    const { reason, ...changes } = dto;
    const previous: Record<string, unknown> = {};
    for (const k of Object.keys(changes)) {
      if (k === 'version' || (changes as Record<string, unknown>)[k] === undefined) continue;
      if (PLAIN[k]) previous[k] = (r as unknown as Record<string, unknown>)[PLAIN[k]];
      if (SEALED[k]) previous[k] = await this.cipher.decryptOptional(SEALED[k].field, (r as unknown as Record<string, Buffer | null>)[SEALED[k].col]);
    }
    const changed = await this.apply(r, changes, true);
    const [row] = await this.ctx.manager().query(
      `INSERT INTO service_record_corrections (tenant_id, service_record_id, corrected_by_membership_id, reason, changed_fields, previous_enc)
       VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
      [this.ctx.tenantId(), id, scope.membershipId, reason.trim(), changed, await this.cipher.encryptJson(F.recordPrevious, previous)]);
    await this.audit.record({
      action: 'service_record.corrected', entityType: 'service_record', entityId: id,
      after: { correctionId: row.id, reason: reason.trim(), changedFields: changed },
    });
    return this.present(scope, await this.find(id));
  }

  /** The project link (if any) is checked by the database: a project of this organisation, an indicator of that project. */
  // created_at is stamped by the Clock here, not the database: the edit window (lockedAt) is business time counted from it.
  private async insert(scope: CaseworkScope, caseId: string, organisationId: string, kind: 'service' | 'follow_up', dto: Partial<ServiceRecordDto>): Promise<string> {
    const [row] = await writeProjectLink(dto, async () => this.ctx.manager().query(
      `INSERT INTO service_records (tenant_id, case_id, organisation_id, worker_membership_id, kind, service_date, start_time, duration_minutes, mode,
                                    place_enc, content_enc, response_enc, next_step_enc, project_id, indicator_id, created_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16) RETURNING id`,
      [this.ctx.tenantId(), caseId, organisationId, scope.membershipId, kind, dto.serviceDate, dto.startTime ?? null, dto.durationMinutes, dto.mode,
        await this.cipher.encryptOptional(F.recordPlace, dto.place?.trim()), await this.cipher.encrypt(F.recordContent, dto.content!.trim()),
        await this.cipher.encryptOptional(F.recordResponse, dto.response?.trim()), await this.cipher.encryptOptional(F.recordNextStep, dto.nextStep?.trim()),
        dto.projectId ?? null, dto.indicatorId ?? null, this.clock.now()]));
    return row.id;
  }

  private async apply(r: RecordRow, dto: Record<string, unknown>, correction = false): Promise<string[]> {
    if (dto.serviceDate) this.assertNotFuture(dto.serviceDate as string);
    const sets: string[] = [];
    const params: unknown[] = [r.id];
    const changed: string[] = [];
    for (const [k, v] of Object.entries(dto)) {
      if (v === undefined || k === 'version') continue;
      if (PLAIN[k]) { params.push(v); sets.push(`${PLAIN[k]} = $${params.length}`); changed.push(k); }
      if (SEALED[k]) {
        params.push(await this.cipher.encryptOptional(SEALED[k].field, (v as string).trim()));
        sets.push(`${SEALED[k].col} = $${params.length}`);
        changed.push(k);
      }
    }
    if (correction) sets.push('correction_count = correction_count + 1');
    await this.ctx.manager().query(`UPDATE service_records SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1`, params);
    return changed;
  }

  private async requireVisible(scope: CaseworkScope, id: string): Promise<{ row: RecordRow; case: CaseRow }> {
    const [row]: RecordRow[] = await this.ctx.manager().query(`${SELECT} WHERE r.id = $1 FOR UPDATE OF r`, [id]);
    if (!row) throw caseworkError(CaseworkErrorCode.RECORD_NOT_FOUND, { id });
    try {
      return { row, case: await this.cases.requireVisible(scope, row.case_id) };
    } catch {
      throw caseworkError(CaseworkErrorCode.RECORD_NOT_FOUND, { id });
    }
  }

  /**
   * A record tells of work done within the case: a service on or after the day the case was opened (and, once closed,
   * not after the closing day), a follow-up on or after the closing day; and a service only on a day the person's
   * consent to receive services was in force. Days are Shanghai calendar days, as `serviceDate` is.
   */
  private async assertDateAllowed(c: CaseRow, kind: RecordRow['kind'], day: string): Promise<void> {
    const openedOn = shanghaiDay(new Date(c.created_at));
    const closedOn = c.closed_at ? shanghaiDay(new Date(c.closed_at)) : null;
    const from = kind === 'follow_up' && closedOn ? closedOn : openedOn;
    const until = kind === 'service' ? closedOn : null;
    if (day < from || (until && day > until)) {
      throw caseworkError(CaseworkErrorCode.SERVICE_DATE_OUTSIDE_CASE, { serviceDate: day, kind, openedOn, closedOn }, {
        zh: kind === 'follow_up'
          ? `回访日期${day}早于结案日期${closedOn ?? openedOn}`
          : `服务日期${day}不在个案期间内（${openedOn}开案${closedOn ? `，${closedOn}结案` : ''}）`,
        en: kind === 'follow_up'
          ? `The follow-up date ${day} is before the case was closed on ${closedOn ?? openedOn}`
          : `The service date ${day} is outside the case (opened on ${openedOn}${closedOn ? `, closed on ${closedOn}` : ''})`,
      });
    }
    if (kind === 'service' && !(await this.consents.coveredOn(c.beneficiary_id, 'service', day))) {
      throw caseworkError(CaseworkErrorCode.SERVICE_DATE_BEFORE_CONSENT, { serviceDate: day }, {
        zh: `服务日期${day}时服务对象的接受服务同意尚未签署或已撤回`,
        en: `On ${day} the beneficiary's consent to receive services had not been given or had been withdrawn`,
      });
    }
  }

  private async find(id: string): Promise<RecordRow> {
    const [row]: RecordRow[] = await this.ctx.manager().query(`${SELECT} WHERE r.id = $1`, [id]);
    return row;
  }

  private lockedAt(r: RecordRow, lockDays: number): Date {
    return new Date(new Date(r.created_at).getTime() + lockDays * 86400_000);
  }

  private isLocked(r: RecordRow, lockDays: number): boolean {
    return this.lockedAt(r, lockDays).getTime() <= this.clock.now().getTime();
  }

  private assertNotFuture(date: string): void {
    if (date > this.clock.today()) {
      throw commonError(CommonErrorCode.VALIDATION_FAILED, undefined, undefined, [
        { field: 'serviceDate', code: 'notFuture', zh: 'serviceDate：服务日期不能晚于今天', en: 'serviceDate: cannot be in the future' }]);
    }
  }

  private async present(_scope: CaseworkScope, r: RecordRow, lockDays?: number) {
    const days = lockDays ?? (await this.settings.forOrganisation(r.organisation_id)).recordLockDays;
    return {
      id: r.id, caseId: r.case_id, kind: r.kind, workerMembershipId: r.worker_membership_id, serviceDate: r.service_date, startTime: r.start_time,
      durationMinutes: r.duration_minutes, mode: r.mode,
      place: await this.cipher.decryptOptional(F.recordPlace, r.place_enc),
      content: await this.cipher.decrypt(F.recordContent, r.content_enc),
      response: await this.cipher.decryptOptional(F.recordResponse, r.response_enc),
      nextStep: await this.cipher.decryptOptional(F.recordNextStep, r.next_step_enc),
      projectId: r.project_id, indicatorId: r.indicator_id,
      lockedAt: this.lockedAt(r, days), locked: this.isLocked(r, days), correctionCount: r.correction_count,
      version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
    };
  }
}
