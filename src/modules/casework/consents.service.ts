import { Injectable } from '@nestjs/common';
import { Actor } from '@sanshe/common';
import { Clock } from '@sanshe/common/clock';
import { AuditService } from '@sanshe/audit';
import { FieldCipher } from '@sanshe/crypto';
import { TenantContext } from '@sanshe/tenancy';
import { BeneficiariesService } from './beneficiaries.service';
import { CaseworkAccess } from './casework-access.service';
import { CaseworkErrorCode, caseworkError } from './casework.errors';
import { F, ageOn } from './casework-fields';
import { ConsentPurpose, RecordConsentDto } from './dto/consent.dto';

export interface ConsentRow {
  id: string;
  beneficiary_id: string;
  purpose: ConsentPurpose;
  form_version: string;
  given_on: string;
  given_by: 'self' | 'guardian';
  giver_name_enc: Buffer | null;
  scope: string[];
  ended_at: Date | null;
  end_kind: string | null;
  end_reason: string | null;
  created_at: Date;
}

/** Children under this age cannot consent for themselves (PIPL art. 31: a guardian consents for under-14s). */
const GUARDIAN_CONSENT_AGE = 14;

/**
 * Informed consent per purpose (接受服务 / 向资助方提供汇总 / 转介) with form version, date and who gave it. A newer
 * consent for the same purpose supersedes the older; a withdrawal ends it, and actions needing it are refused from
 * then on. Withdrawing referral consent also cancels referrals still waiting for an answer.
 */
@Injectable()
export class ConsentsService {
  constructor(
    private readonly clock: Clock,
    private readonly ctx: TenantContext,
    private readonly cipher: FieldCipher,
    private readonly access: CaseworkAccess,
    private readonly beneficiaries: BeneficiariesService,
    private readonly audit: AuditService,
  ) {}

  async record(beneficiaryId: string, dto: RecordConsentDto, actor: Actor) {
    const scope = await this.access.scope(actor);
    const b = await this.beneficiaries.requireVisible(scope, beneficiaryId, true);
    const birthDate = await this.beneficiaries.birthDate(b);
    const today = this.clock.today();
    if (dto.givenOn > today) {
      throw caseworkError(CaseworkErrorCode.CONSENT_NOT_ACTIVE, undefined, { zh: '同意日期不能晚于今天', en: 'The consent date cannot be in the future' });
    }
    if (ageOn(birthDate, dto.givenOn) < GUARDIAN_CONSENT_AGE && dto.givenBy !== 'guardian') {
      throw caseworkError(CaseworkErrorCode.GUARDIAN_CONSENT_REQUIRED, { age: ageOn(birthDate, dto.givenOn) });
    }
    if (dto.givenBy === 'guardian') {
      if (!b.guardian_enc) throw caseworkError(CaseworkErrorCode.GUARDIAN_REQUIRED);
      if (!dto.giverName) throw caseworkError(CaseworkErrorCode.GUARDIAN_CONSENT_REQUIRED, { missing: 'giverName' });
    }
    if (dto.purpose === 'referral' && !dto.scope?.length) {
      throw caseworkError(CaseworkErrorCode.CONSENT_SCOPE, { missing: 'scope' }, { zh: '转介同意须列明同意共享的信息', en: 'A referral consent must list what may be shared' });
    }
    const m = this.ctx.manager();
    const superseded: Array<{ id: string }> = await m.query(
      `WITH u AS (UPDATE beneficiary_consents SET ended_at = $4, end_kind = 'superseded', ended_by_membership_id = $3
        WHERE beneficiary_id = $1 AND purpose = $2 AND ended_at IS NULL RETURNING id) SELECT id FROM u`, [beneficiaryId, dto.purpose, scope.membershipId, this.clock.now()]);
    const [row]: Array<{ id: string }> = await m.query(
      `INSERT INTO beneficiary_consents (tenant_id, beneficiary_id, purpose, form_version, given_on, given_by, giver_name_enc, scope, recorded_by_membership_id)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
      [this.ctx.tenantId(), beneficiaryId, dto.purpose, dto.formVersion, dto.givenOn, dto.givenBy,
        dto.givenBy === 'guardian' ? await this.cipher.encrypt(F.giverName, dto.giverName!.trim()) : null,
        dto.purpose === 'referral' ? dto.scope : [], scope.membershipId]);
    await this.audit.record({
      action: 'consent.recorded', entityType: 'beneficiary_consent', entityId: row.id,
      after: { beneficiaryId, purpose: dto.purpose, formVersion: dto.formVersion, givenOn: dto.givenOn, givenBy: dto.givenBy, scope: dto.scope ?? [], superseded: superseded.map((s) => s.id) },
    });
    return this.present((await this.find(row.id))!);
  }

  async list(beneficiaryId: string, actor: Actor) {
    const scope = await this.access.scope(actor);
    await this.beneficiaries.requireVisible(scope, beneficiaryId);
    const rows: ConsentRow[] = await this.ctx.manager().query(
      `SELECT *, given_on::text AS given_on FROM beneficiary_consents WHERE beneficiary_id = $1 ORDER BY created_at DESC`, [beneficiaryId]);
    return { items: rows.map((r) => this.present(r)) };
  }

  async withdraw(consentId: string, reason: string, actor: Actor) {
    const scope = await this.access.scope(actor);
    const consent = await this.find(consentId, true);
    if (!consent) throw caseworkError(CaseworkErrorCode.BENEFICIARY_NOT_FOUND, { consentId });
    await this.beneficiaries.requireVisible(scope, consent.beneficiary_id);
    if (consent.ended_at) throw caseworkError(CaseworkErrorCode.CONSENT_NOT_ACTIVE, { endKind: consent.end_kind });
    const m = this.ctx.manager();
    await m.query(
      `UPDATE beneficiary_consents SET ended_at = $4, end_kind = 'withdrawn', end_reason = $2, ended_by_membership_id = $3 WHERE id = $1`,
      [consentId, reason, scope.membershipId, this.clock.now()]);
    let cancelled: string[] = [];
    if (consent.purpose === 'referral') {
      const rows: Array<{ id: string }> = await m.query(
        `WITH u AS (UPDATE referrals SET status = 'cancelled', decided_at = $2, version = version + 1, updated_at = now()
          WHERE beneficiary_id = $1 AND status = 'pending' RETURNING id) SELECT id FROM u`, [consent.beneficiary_id, this.clock.now()]);
      cancelled = rows.map((r) => r.id);
    }
    await this.audit.record({
      action: 'consent.withdrawn', entityType: 'beneficiary_consent', entityId: consentId,
      after: { beneficiaryId: consent.beneficiary_id, purpose: consent.purpose, cancelledReferrals: cancelled },
    });
    return { ...this.present((await this.find(consentId))!), cancelledReferrals: cancelled };
  }

  /** The active consent for a purpose, or a 409 saying which consent is missing. */
  async requireActive(beneficiaryId: string, purpose: ConsentPurpose): Promise<ConsentRow> {
    const row = await this.active(beneficiaryId, purpose);
    if (!row) throw caseworkError(CaseworkErrorCode.CONSENT_REQUIRED, { purpose });
    return row;
  }

  /**
   * Whether the person's consent for a purpose was in force on a calendar day: given on or before it and not ended
   * before it. A superseded consent keeps covering the days before its successor, so a back-dated record after a
   * form update is still covered; days between a withdrawal and a new consent are not.
   */
  async coveredOn(beneficiaryId: string, purpose: ConsentPurpose, day: string): Promise<boolean> {
    const [row] = await this.ctx.manager().query(
      `SELECT 1 FROM beneficiary_consents WHERE beneficiary_id = $1 AND purpose = $2 AND given_on <= $3::date
          AND (ended_at IS NULL OR (ended_at AT TIME ZONE 'Asia/Shanghai')::date >= $3::date) LIMIT 1`, [beneficiaryId, purpose, day]);
    return !!row;
  }

  async active(beneficiaryId: string, purpose: ConsentPurpose): Promise<ConsentRow | undefined> {
    const [row]: ConsentRow[] = await this.ctx.manager().query(
      `SELECT *, given_on::text AS given_on FROM beneficiary_consents WHERE beneficiary_id = $1 AND purpose = $2 AND ended_at IS NULL FOR SHARE`, [beneficiaryId, purpose]);
    return row;
  }

  private async find(id: string, lock = false): Promise<ConsentRow | undefined> {
    const [row]: ConsentRow[] = await this.ctx.manager().query(
      `SELECT *, given_on::text AS given_on FROM beneficiary_consents WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return row;
  }

  private present(r: ConsentRow) {
    return {
      id: r.id, beneficiaryId: r.beneficiary_id, purpose: r.purpose, formVersion: r.form_version, givenOn: r.given_on, givenBy: r.given_by,
      scope: r.scope, active: !r.ended_at, endedAt: r.ended_at, endKind: r.end_kind, endReason: r.end_reason, createdAt: r.created_at,
    };
  }
}
