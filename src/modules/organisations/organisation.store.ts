import { Injectable } from '@nestjs/common';
import type { Actor } from '@sanshe/common';
import { Clock } from '@sanshe/common/clock';
import { FieldCipher } from '@sanshe/crypto';
import { TenantContext } from '@sanshe/tenancy';
import { canSeeOrganisation } from './organisation-access';
import { OrganisationEntity, OrganisationStanding, OrganisationStatus } from './organisation.entity';
import { OrganisationsErrorCode, organisationsError } from './organisations.errors';
import { ACTION_LABELS, STATE_LABELS } from './organisation.transitions';
import { ORGANISATION_TYPES, gradeLabel, serviceAreaLabels } from './service-areas';

/** Bound into the ciphertext: renaming it makes stored account numbers unreadable. */
export const BANK_ACCOUNT_FIELD = 'organisation.bank_account_no';

export interface HistoryEntry {
  action: string;
  fromStatus?: OrganisationStatus | null;
  toStatus?: OrganisationStatus | null;
  fromStanding?: OrganisationStanding | null;
  toStanding?: OrganisationStanding | null;
  reason?: string | null;
  detail?: Record<string, unknown> | null;
}

/**
 * Loading registry records under the access policy, writing their status history, and shaping them for people.
 * Shared by the registry's services; other modules use OrganisationEligibilityService instead.
 */
@Injectable()
export class OrganisationStore {
  constructor(
    private readonly clock: Clock,
    private readonly ctx: TenantContext,
    private readonly cipher: FieldCipher,
  ) {}

  get repo() {
    return this.ctx.repo(OrganisationEntity);
  }

  async find(id: string, opts: { lock?: boolean } = {}): Promise<OrganisationEntity> {
    const org = await this.repo.findOne({ where: { id }, lock: opts.lock ? { mode: 'pessimistic_write' } : undefined });
    if (!org) throw organisationsError(OrganisationsErrorCode.ORGANISATION_NOT_FOUND, { id });
    org.bankAccountNo = await this.cipher.decryptOptional(BANK_ACCOUNT_FIELD, org.bankAccountNoEnc);
    return org;
  }

  /** Encrypts the in-memory account number into its column before a save (a record loaded elsewhere keeps its value). */
  async sealBankAccount(org: OrganisationEntity): Promise<void> {
    if (org.bankAccountNo !== undefined) org.bankAccountNoEnc = await this.cipher.encryptOptional(BANK_ACCOUNT_FIELD, org.bankAccountNo);
  }

  /** 404 both when the record does not exist and when the actor may not see it, so an id reveals nothing. */
  async findVisible(id: string, actor: Actor, opts: { lock?: boolean } = {}): Promise<OrganisationEntity> {
    if (!canSeeOrganisation(actor, id)) throw organisationsError(OrganisationsErrorCode.ORGANISATION_NOT_FOUND, { id });
    return this.find(id, opts);
  }

  async recordHistory(organisationId: string, e: HistoryEntry): Promise<void> {
    await this.ctx.manager().query(
      `INSERT INTO organisation_status_history
         (tenant_id, organisation_id, action, from_status, to_status, from_standing, to_standing, reason, detail, actor_user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        this.ctx.tenantId(), organisationId, e.action, e.fromStatus ?? null, e.toStatus ?? null, e.fromStanding ?? null,
        e.toStanding ?? null, e.reason ?? null, e.detail ? JSON.stringify(e.detail) : null, this.ctx.actorOrUndefined()?.userId ?? null,
      ],
    );
  }

  async history(organisationId: string) {
    const rows: Array<{
      id: string; action: string; from_status: string | null; to_status: string | null; from_standing: string | null;
      to_standing: string | null; reason: string | null; detail: Record<string, unknown> | null; actor_name: string | null; occurred_at: Date;
    }> = await this.ctx.manager().query(
      `SELECT h.id, h.action, h.from_status, h.to_status, h.from_standing, h.to_standing, h.reason, h.detail, u.name AS actor_name, h.occurred_at
         FROM organisation_status_history h LEFT JOIN users u ON u.id = h.actor_user_id
        WHERE h.organisation_id = $1 ORDER BY h.occurred_at, h.id`,
      [organisationId],
    );
    return rows.map((r) => ({
      id: r.id,
      action: r.action,
      actionLabel: HISTORY_LABELS[r.action] ?? ACTION_LABELS[r.action] ?? { zh: r.action, en: r.action },
      fromStatus: r.from_status,
      toStatus: r.to_status,
      fromStanding: r.from_standing,
      toStanding: r.to_standing,
      reason: r.reason,
      detail: r.detail,
      actorName: r.actor_name,
      occurredAt: r.occurred_at,
    }));
  }

  async placeName(placeId: string | null): Promise<string | null> {
    if (!placeId) return null;
    const [row]: Array<{ name: string }> = await this.ctx.manager().query(`SELECT name FROM places WHERE id = $1`, [placeId]);
    return row?.name ?? null;
  }

  /** The full record, private fields included: only ever shown to officials and the organisation's own people. */
  async view(org: OrganisationEntity) {
    return presentOrganisation(org, await this.placeName(org.placeId), this.clock.today());
  }
}

/** Labels for history actions that are not state moves. */
export const HISTORY_LABELS: Record<string, { zh: string; en: string }> = {
  registered: { zh: '提交登记申请', en: 'registered' },
  created_by_district: { zh: '区民政部门代为登记', en: 'registered by the district' },
  grade_recorded: { zh: '记录评估等级', en: 'assessment grade recorded' },
  change_requested: { zh: '申请变更核心信息', en: 'change of core facts requested' },
  change_approved: { zh: '核心信息变更通过', en: 'change of core facts approved' },
  change_returned: { zh: '核心信息变更退回', en: 'change of core facts returned' },
  corrected_by_district: { zh: '区民政部门更正核心信息', en: 'core facts corrected by the district' },
  qualification_applied: { zh: '申请承接资质', en: 'applied for qualification' },
  qualification_approved: { zh: '承接资质获批', en: 'qualification approved' },
  qualification_rejected: { zh: '承接资质未获批', en: 'qualification rejected' },
  qualification_withdrawn: { zh: '撤回承接资质申请', en: 'qualification application withdrawn' },
  qualification_expiry_set: { zh: '设定承接资质到期日', en: 'qualification expiry date set' },
  qualification_revoked: { zh: '撤销承接资质', en: 'qualification revoked' },
};

/**
 * A record as the audit trail keeps it: the bank account number reduced to its last four digits (the audit
 * redaction already masks phones, e-mails and addresses by key name).
 */
export function auditSafe(o: OrganisationEntity): Record<string, unknown> {
  const { bankAccountNoEnc: _ciphertext, ...rest } = o;
  return { ...rest, bankAccountNo: o.bankAccountNo ? `****${o.bankAccountNo.slice(-4)}` : null };
}

export function currentGrade(o: Pick<OrganisationEntity, 'grade' | 'gradeValidFrom' | 'gradeValidUntil'>, today: string): number | null {
  if (!o.grade || !o.gradeValidFrom || !o.gradeValidUntil) return null;
  return o.gradeValidFrom <= today && today <= o.gradeValidUntil ? o.grade : null;
}

export function presentOrganisation(o: OrganisationEntity, placeName: string | null, today: string) {
  return {
    id: o.id,
    name: o.name,
    creditCode: o.creditCode,
    orgType: o.orgType,
    orgTypeLabel: ORGANISATION_TYPES[o.orgType],
    registrationAuthority: o.registrationAuthority,
    registeredOn: o.registeredOn,
    legalRepresentative: o.legalRepresentative,
    address: o.address,
    community: o.placeId ? { id: o.placeId, name: placeName } : null,
    serviceAreas: serviceAreaLabels(o.serviceAreas),
    introduction: o.introduction,
    contact: { name: o.contactName, phone: o.contactPhone, email: o.contactEmail },
    bankAccount: { accountName: o.bankAccountName, bankName: o.bankName, accountNo: o.bankAccountNo ?? null },
    staffCount: o.staffCount,
    certifiedSocialWorkers: o.certifiedSocialWorkers,
    status: o.status,
    statusLabel: STATE_LABELS[o.status],
    statusReason: o.statusReason,
    standing: o.standing,
    standingLabel: STATE_LABELS[o.standing],
    standingReason: o.standingReason,
    standingSince: o.standingSince,
    grade: o.grade
      ? { grade: o.grade, label: gradeLabel(o.grade), validFrom: o.gradeValidFrom, validUntil: o.gradeValidUntil, current: currentGrade(o, today) !== null }
      : null,
    pendingChange: o.pendingChange,
    pendingChangeAt: o.pendingChangeAt,
    source: o.source,
    submittedAt: o.submittedAt,
    verifiedAt: o.verifiedAt,
    version: o.version,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
  };
}
