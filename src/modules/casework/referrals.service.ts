import { Injectable } from '@nestjs/common';
import { Actor, CommonErrorCode, DomainException, Page, Role, commonError, decodeCursor } from '@sanshe/common';
import { Clock } from '@sanshe/common/clock';
import { AuditService } from '@sanshe/audit';
import { keysetPage } from '@sanshe/database';
import { FieldCipher } from '@sanshe/crypto';
import { OutboxService } from '@sanshe/queue';
import { TenantContext } from '@sanshe/tenancy';
import { OrganisationEligibilityService } from '../organisations/organisation-eligibility.service';
import { OrganisationsErrorCode } from '../organisations/organisations.errors';
import { BeneficiariesService } from './beneficiaries.service';
import { CaseworkAccess, CaseworkScope } from './casework-access.service';
import { CaseworkErrorCode, caseworkError } from './casework.errors';
import { F, VULNERABILITY_TAGS, ShareableField, VulnerabilityTag, ageOn } from './casework-fields';
import { CasesService } from './cases.service';
import { ConsentsService } from './consents.service';
import { CreateReferralDto, ListReferralsQuery, ReferralDecisionDto } from './dto/referral.dto';
import { PiiAccessLogService } from './pii-access-log.service';

export const REFERRAL_CREATED = 'casework.referral.created';
export const REFERRAL_DECIDED = 'casework.referral.decided';

/**
 * Referral (转介) of a case to another organisation of the district. It needs the person's active referral consent,
 * and carries only the fields that consent names — copied, encrypted, into the referral at the moment it is sent, so
 * the receiving organisation never reads the sender's records. The receiver accepts or declines; the sender sees the
 * outcome. Withdrawing the consent cancels a referral still waiting (see ConsentsService.withdraw).
 */
@Injectable()
export class ReferralsService {
  constructor(
    private readonly clock: Clock,
    private readonly ctx: TenantContext,
    private readonly cipher: FieldCipher,
    private readonly access: CaseworkAccess,
    private readonly cases: CasesService,
    private readonly beneficiaries: BeneficiariesService,
    private readonly consents: ConsentsService,
    private readonly accessLog: PiiAccessLogService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly eligibility: OrganisationEligibilityService,
  ) {}

  async create(caseId: string, dto: CreateReferralDto, actor: Actor) {
    const scope = await this.access.scope(actor);
    const c = await this.cases.requireVisible(scope, caseId, true);
    await this.cases.requireWorker(scope, c);
    if (['declined', 'followed_up'].includes(c.status)) {
      throw commonError(CommonErrorCode.INVALID_STATE_TRANSITION, { entity: 'case', action: 'refer', from: c.status });
    }
    if (dto.toOrganisationId === scope.organisationId) throw caseworkError(CaseworkErrorCode.REFERRAL_SAME_ORGANISATION);
    await this.requireReceivingOrganisation(dto.toOrganisationId);
    const consent = await this.consents.requireActive(c.beneficiary_id, 'referral');
    const outside = dto.sharedFields.filter((f) => !consent.scope.includes(f));
    if (outside.length) throw caseworkError(CaseworkErrorCode.CONSENT_SCOPE, { notConsented: outside });
    const shared = await this.snapshot(scope, c.beneficiary_id, c.presenting_problem_enc, c.assessment_enc, dto.sharedFields as ShareableField[]);
    const [row] = await this.ctx.manager().query(
      `INSERT INTO referrals (tenant_id, case_id, beneficiary_id, consent_id, from_organisation_id, to_organisation_id, reason_enc, shared_fields, shared_enc, created_by_membership_id)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id`,
      [this.ctx.tenantId(), c.id, c.beneficiary_id, consent.id, scope.organisationId, dto.toOrganisationId,
        await this.cipher.encrypt(F.referralReason, dto.reason.trim()), dto.sharedFields, await this.cipher.encryptJson(F.referralShared, shared), scope.membershipId]);
    await this.audit.record({
      action: 'referral.created', entityType: 'referral', entityId: row.id,
      after: { caseId, toOrganisationId: dto.toOrganisationId, sharedFields: dto.sharedFields, consentId: consent.id },
    });
    await this.outbox.publish(REFERRAL_CREATED, { referralId: row.id, fromOrganisationId: scope.organisationId, toOrganisationId: dto.toOrganisationId });
    return this.get(row.id, actor, false);
  }

  /**
   * Keyset page on `(tenant_id, to|from_organisation_id, [status,] created_at, id)`, newest first. Incoming referrals
   * are for the receiving admin and supervisors; a social worker's incoming list is empty, not refused, so one page
   * serves every casework role. Outgoing ones follow the case's visibility (a worker sees those of the cases they see).
   */
  async list(q: ListReferralsQuery, actor: Actor): Promise<Page<unknown>> {
    const scope = await this.access.scope(actor);
    const direction = q.direction ?? 'incoming';
    const params: unknown[] = [scope.organisationId];
    const where = [direction === 'incoming' ? 'r.to_organisation_id = $1' : 'r.from_organisation_id = $1'];
    if (direction === 'outgoing' && scope.workers) {
      params.push(scope.workers);
      where.push(`EXISTS (SELECT 1 FROM cases c WHERE c.id = r.case_id AND c.worker_membership_id = ANY($${params.length}::uuid[]))`);
    }
    if (direction === 'incoming' && !this.canReceive(actor)) {
      decodeCursor(q.cursor); // still refuse a malformed one, as every list does
      return { items: [], total: 0, totalKind: 'exact', nextCursor: null };
    }
    if (q.status) { params.push(q.status); where.push(`r.status = $${params.length}`); }
    const page = await keysetPage<Record<string, any> & { id: string }>(this.ctx.manager(), {
      select: `SELECT r.id, r.status, r.shared_fields, r.created_at, r.decided_at, r.from_organisation_id, r.to_organisation_id, r.case_id FROM referrals r`,
      countFrom: 'FROM referrals r', where, params,
      order: { key: 'r.created_at', type: 'timestamptz', id: 'r.id', direction: 'desc' }, limit: q.limit, cursor: q.cursor,
    });
    return {
      ...page,
      items: page.items.map((r) => ({ id: r.id, status: r.status, direction, sharedFields: r.shared_fields, fromOrganisationId: r.from_organisation_id,
        toOrganisationId: r.to_organisation_id, caseId: direction === 'outgoing' ? r.case_id : undefined, createdAt: r.created_at, decidedAt: r.decided_at })),
    };
  }

  /** The receiver sees what was shared (decrypted, logged); the sender sees the referral and its outcome. */
  async get(id: string, actor: Actor, logView = true) {
    const scope = await this.access.scope(actor);
    const r = await this.find(id);
    const receiving = r.to_organisation_id === scope.organisationId && this.canReceive(actor);
    if (!receiving) {
      if (r.from_organisation_id !== scope.organisationId) throw caseworkError(CaseworkErrorCode.REFERRAL_NOT_FOUND, { id });
      await this.cases.requireVisible(scope, r.case_id).catch(() => { throw caseworkError(CaseworkErrorCode.REFERRAL_NOT_FOUND, { id }); });
    }
    const out: Record<string, unknown> = {
      id: r.id, status: r.status, direction: receiving ? 'incoming' : 'outgoing', fromOrganisationId: r.from_organisation_id,
      toOrganisationId: r.to_organisation_id, sharedFields: r.shared_fields, reason: await this.cipher.decrypt(F.referralReason, r.reason_enc),
      decisionNote: await this.cipher.decryptOptional(F.referralDecision, r.decision_note_enc), decidedAt: r.decided_at, createdAt: r.created_at, version: r.version,
      // Both sides see whether the person was taken over; only the receiver learns its own case's id.
      handover: r.handover ?? null,
    };
    if (receiving && r.received_case_id) out.receivedCaseId = r.received_case_id;
    if (receiving) {
      // A cancelled referral (consent withdrawn) no longer shows what had been shared.
      out.shared = r.status === 'cancelled' ? null : await this.cipher.decryptJson(F.referralShared, r.shared_enc);
      if (logView && out.shared) await this.accessLog.record(scope, { action: 'view', subjectType: 'referral', subjectId: id });
    } else {
      out.caseId = r.case_id;
    }
    return out;
  }

  async decide(id: string, dto: ReferralDecisionDto, actor: Actor) {
    const scope = await this.access.scope(actor);
    const r = await this.find(id, true);
    if (r.to_organisation_id !== scope.organisationId) {
      if (r.from_organisation_id === scope.organisationId) throw caseworkError(CaseworkErrorCode.REFERRAL_NOT_YOURS);
      throw caseworkError(CaseworkErrorCode.REFERRAL_NOT_FOUND, { id });
    }
    if (!this.canReceive(actor)) throw caseworkError(CaseworkErrorCode.REFERRAL_NOT_YOURS);
    if (r.status !== 'pending') {
      throw commonError(CommonErrorCode.INVALID_STATE_TRANSITION, { entity: 'referral', action: dto.decision, from: r.status, allowedFrom: ['pending'] });
    }
    const status = dto.decision === 'accept' ? 'accepted' : 'declined';
    // Accepting and taking the person over are one step: a referral is never accepted without its case.
    const handover = status === 'accepted' ? await this.handOver(scope, r, dto) : null;
    await this.ctx.manager().query(
      `UPDATE referrals SET status = $2, decision_note_enc = $3, decided_by_membership_id = $4, decided_at = $8, version = version + 1, updated_at = now(),
                            received_beneficiary_id = $5, received_case_id = $6, handover = $7 WHERE id = $1`,
      [id, status, await this.cipher.encryptOptional(F.referralDecision, dto.note?.trim()), scope.membershipId,
        handover?.beneficiaryId ?? null, handover?.caseId ?? null, handover?.kind ?? null, this.clock.now()]);
    await this.audit.record({
      action: `referral.${status}`, entityType: 'referral', entityId: id, before: { status: r.status },
      after: { status, ...(handover ? { receivedCaseId: handover.caseId, handover: handover.kind } : {}) },
    });
    await this.outbox.publish(REFERRAL_DECIDED, { referralId: id, status, fromOrganisationId: r.from_organisation_id, toOrganisationId: r.to_organisation_id });
    return this.get(id, actor, false);
  }

  /**
   * Opens (or links) the case on the receiving side with only what the referral carried. The identity (name and ID
   * number) comes from the referral when the person consented to share it, otherwise from the receiver's own intake
   * with the person (`dto.name` / `dto.idNumber`); nothing is read from the sending organisation's records except the
   * community, and that only when it was consented.
   */
  private async handOver(scope: CaseworkScope, r: Record<string, any>, dto: ReferralDecisionDto) {
    const shared = (await this.cipher.decryptJson<Record<string, any>>(F.referralShared, r.shared_enc)) ?? {};
    const fields: string[] = r.shared_fields;
    const name: string | undefined = shared.name ?? dto.name;
    const idNumber: string | undefined = shared.idNumber ?? dto.idNumber;
    if (!name || !idNumber) {
      throw caseworkError(CaseworkErrorCode.REFERRAL_IDENTITY_REQUIRED, { missing: [!name ? 'name' : null, !idNumber ? 'idNumber' : null].filter(Boolean) });
    }
    let communityId: string | null = null;
    if (fields.includes('community')) {
      const [b] = await this.ctx.manager().query(`SELECT community_id FROM beneficiaries WHERE id = $1`, [r.beneficiary_id]);
      communityId = b?.community_id ?? null;
    }
    const person = await this.beneficiaries.receiveReferred(scope, {
      name, idNumber, phone: shared.phone ?? null, address: shared.address ?? null, communityId,
      tags: Array.isArray(shared.vulnerabilityTags) ? shared.vulnerabilityTags.map((t: { code: VulnerabilityTag }) => t.code) : [],
    });
    const reason = await this.cipher.decrypt(F.referralReason, r.reason_enc);
    const problem = shared.presentingProblem ? `${shared.presentingProblem}\n\n转介原因 / referral reason: ${reason}` : reason;
    const c = await this.cases.openForReferral(scope, person.id, problem);
    return { beneficiaryId: person.id, caseId: c.id, kind: c.linked ? 'linked' as const : 'opened' as const, personLinked: person.linked };
  }

  /** Incoming referrals are handled by the receiving organisation's admin or supervisors. */
  private canReceive(actor: Actor): boolean {
    return actor.roles.includes(Role.OrgAdmin) || actor.roles.includes(Role.Supervisor);
  }

  private async snapshot(scope: CaseworkScope, beneficiaryId: string, problem: Buffer, assessment: Buffer | null, fields: ShareableField[]) {
    const b = await this.beneficiaries.requireInOrganisation(scope, beneficiaryId);
    const clear = await this.beneficiaries.decryptForSharing(b);
    const out: Record<string, unknown> = {};
    for (const f of fields) {
      switch (f) {
        case 'name': out.name = clear.name; break;
        case 'gender': out.gender = Number(clear.idNumber[16]) % 2 === 1 ? 'male' : 'female'; break;
        case 'age': out.age = ageOn(await this.beneficiaries.birthDate(b), this.clock.today()); break;
        case 'phone': out.phone = clear.phone; break;
        case 'id_number': out.idNumber = clear.idNumber; break;
        case 'address': out.address = clear.address; break;
        case 'community': out.community = b.community_name ?? null; break;
        case 'vulnerability_tags': out.vulnerabilityTags = clear.tags.map((t) => ({ code: t, label: VULNERABILITY_TAGS[t] })); break;
        case 'presenting_problem': out.presentingProblem = await this.cipher.decrypt(F.presentingProblem, problem); break;
        case 'assessment_summary': {
          const a = await this.cipher.decryptJson<{ needs: string[]; summary: string | null }>(F.assessment, assessment);
          out.assessmentSummary = a ? { needs: a.needs, summary: a.summary } : null;
          break;
        }
      }
    }
    return out;
  }

  /**
   * The receiving organisation must exist in this district (another district's is invisible, so "not found") and be
   * eligible in the registry right now — verified, not blacklisted or suspended. The registry's check is the one rule
   * every module uses, and it reads in this transaction, so a blacklisting is honoured by the very next referral.
   */
  private async requireReceivingOrganisation(id: string): Promise<void> {
    const verdict = await this.eligibility.check(id).catch((e: unknown) => {
      if (e instanceof DomainException && e.code === OrganisationsErrorCode.ORGANISATION_NOT_FOUND) {
        throw caseworkError(CaseworkErrorCode.REFERRAL_TARGET_NOT_FOUND, { toOrganisationId: id });
      }
      throw e;
    });
    if (verdict.eligible) return;
    throw caseworkError(CaseworkErrorCode.REFERRAL_TARGET_NOT_ELIGIBLE, { toOrganisationId: id, reasons: verdict.reasons }, {
      zh: `接收机构当前不能接收转介：${verdict.reasons.map((r) => r.zh).join('；')}`,
      en: `The receiving organisation cannot take referrals at present: ${verdict.reasons.map((r) => r.en).join('; ')}`,
    });
  }

  private async find(id: string, lock = false): Promise<Record<string, any>> {
    const [r] = await this.ctx.manager().query(`SELECT * FROM referrals WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    if (!r) throw caseworkError(CaseworkErrorCode.REFERRAL_NOT_FOUND, { id });
    return r;
  }
}
