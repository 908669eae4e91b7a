import { Injectable } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { Actor, DomainException, Role, maskPhone } from '@sanshe/common';
import { Clock } from '@sanshe/common/clock';
import { AuditService } from '@sanshe/audit';
import { assertVersion } from '@sanshe/database';
import { OutboxService } from '@sanshe/queue';
import { TenantContext } from '@sanshe/tenancy';
import { AttachmentsService } from '../attachments/attachments.service';
import { MembersService } from '../members/members.service';
import { PlacesService } from '../places/places.service';
import { CreateOrganisationDto, PublicRegistrationDto, RegisterOrganisationDto, UpdateOrganisationDto } from './dto/organisation.dto';
import { canManageOrganisation, isRegistryDecider } from './organisation-access';
import { ORGANISATION_OWNER_TYPE, REQUIRED_DOCUMENTS, ORGANISATION_DOCUMENT_KINDS } from './organisation-documents';
import {
  checkRegisteredOn, checkStaffNumbers, normaliseApplicantPhone, normaliseBankAccount, normaliseContactPhone, normaliseCreditCode,
} from './organisation-profile';
import { CORE_FACTS, CoreFacts, OrganisationEntity } from './organisation.entity';
import { OrganisationStore, auditSafe } from './organisation.store';
import { STATUS_TRANSITIONS, nextState } from './organisation.transitions';
import { OrganisationsErrorCode, organisationsError } from './organisations.errors';
import { WAITING_ORDER, WaitingList, toWaitingList } from '../workbench/waiting-item';

/** Members may call `invite` for the public applicant; this stands for "the platform itself" (no person). */
export const SYSTEM_ACTOR: Actor = { userId: '00000000-0000-0000-0000-000000000000', isPlatformOperator: false, roles: [] };

type Values = Partial<Omit<OrganisationEntity, 'id' | 'tenantId' | 'version' | 'createdAt' | 'updatedAt'>>;

/**
 * Which fields must be filled, and which documents uploaded, before a registration can be submitted. The community
 * is not required: a district-wide foundation sits in no single community.
 */
const REQUIRED_FIELDS: Array<{ field: keyof OrganisationEntity; zh: string; en: string }> = [
  { field: 'address', zh: '住所地址', en: 'address' },
  { field: 'serviceAreas', zh: '服务领域', en: 'service areas' },
  { field: 'contactName', zh: '联系人', en: 'contact person' },
  { field: 'contactPhone', zh: '联系电话', en: 'contact phone' },
];

/**
 * Registering organisations and keeping their profiles: public self-registration, registration by a district
 * official, profile edits (with verified core facts routed to the district as a pending change), submission for
 * verification and withdrawal.
 */
@Injectable()
export class OrganisationRegistryService {
  constructor(
    private readonly clock: Clock,
    private readonly ctx: TenantContext,
    private readonly store: OrganisationStore,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly members: MembersService,
    private readonly places: PlacesService,
    private readonly attachments: AttachmentsService,
  ) {}

  /**
   * Self-registration on the public portal: the record starts as a draft and the applicant is invited (by SMS/e-mail,
   * never in this response) as its admin. Nothing is written unless all of it is.
   */
  async registerPublic(dto: PublicRegistrationDto) {
    const phone = normaliseApplicantPhone(dto.applicant.phone);
    const { applicant, ...facts } = dto;
    const org = await this.insert(await this.checkedValues(facts), 'self_registration', null);
    try {
      await this.members.invite(
        { name: applicant.name, phone, email: applicant.email, roles: [Role.OrgAdmin], organisationId: org.id, title: '社会组织管理员' },
        SYSTEM_ACTOR,
      );
    } catch (err) {
      // The members module's refusal names the existing membership; an anonymous caller gets none of that.
      if (err instanceof DomainException && (err.code === 'MEMBER_EXISTS' || err.code === 'CONTACT_BELONGS_TO_TWO_PEOPLE')) {
        throw organisationsError(OrganisationsErrorCode.APPLICANT_ALREADY_MEMBER);
      }
      throw err;
    }
    await this.store.recordHistory(org.id, { action: 'registered', toStatus: 'draft', detail: { applicant: applicant.name } });
    await this.audit.record({ action: 'organisation.registered', entityType: 'organisation', entityId: org.id, after: { ...auditSafe(org), applicant: { name: applicant.name, phone } } });
    await this.outbox.publish('organisation.registered', { organisationId: org.id, source: 'self_registration' });
    return {
      registrationId: org.id,
      name: org.name,
      status: org.status,
      invitationSentTo: maskPhone(phone),
      message: {
        'zh-CN': `登记申请已保存。激活邀请已发送至 ${maskPhone(phone)}，请激活账号后登录，补全资料、上传登记证书和章程并提交核验。`,
        en: `Saved. An invitation was sent to ${maskPhone(phone)}: activate your account, complete the profile, upload the certificate and charter, and submit for verification.`,
      },
    };
  }

  /** A district official registers an organisation on its behalf, optionally inviting its admin at once. */
  async create(dto: CreateOrganisationDto, actor: Actor) {
    const { admin, ...facts } = dto;
    const org = await this.insert(await this.checkedValues(facts), 'district', actor.userId);
    await this.store.recordHistory(org.id, { action: 'created_by_district', toStatus: 'draft' });
    const adminInvitation = admin
      ? await this.members.invite({ name: admin.name, phone: admin.phone, email: admin.email, roles: [Role.OrgAdmin], organisationId: org.id }, actor)
      : null;
    await this.audit.record({ action: 'organisation.created', entityType: 'organisation', entityId: org.id, after: auditSafe(org) });
    await this.outbox.publish('organisation.registered', { organisationId: org.id, source: 'district' });
    return { organisation: await this.store.view(org), adminInvitation };
  }

  async get(id: string, actor: Actor) {
    const org = await this.store.findVisible(id, actor);
    const documents = await this.attachments.listFor(ORGANISATION_OWNER_TYPE, id);
    return { ...(await this.store.view(org)), documents, missingForSubmission: await this.missing(org) };
  }

  /** The record of the organisation the signed-in person acts for. */
  async mine(actor: Actor) {
    if (!actor.organisationId) throw organisationsError(OrganisationsErrorCode.ORGANISATION_NOT_FOUND);
    return this.get(actor.organisationId, actor);
  }

  async history(id: string, actor: Actor) {
    await this.store.findVisible(id, actor);
    const items = await this.store.history(id);
    return { items, total: items.length };
  }

  /**
   * Profile edits. Contact, address, areas, bank and staff numbers change at once. Certificate facts change at once
   * on a draft or returned record, are frozen while verification is pending, and on a verified record become a
   * pending change for the district (a district decider's own correction applies at once and is recorded).
   */
  async update(id: string, dto: UpdateOrganisationDto, actor: Actor) {
    const org = await this.requireManageable(id, actor);
    assertVersion(org, dto.version);
    const { version: _version, ...input } = dto;
    const before = { ...org };
    const pending = org.pendingChange ?? {};
    const effectiveType = input.orgType ?? pending.orgType ?? org.orgType;
    const effectiveCode = input.creditCode ?? pending.creditCode ?? org.creditCode;
    if (input.creditCode !== undefined || input.orgType !== undefined) {
      input.creditCode = normaliseCreditCode(effectiveCode, effectiveType);
      await this.assertCodeFree(input.creditCode, org.id);
    }
    const values = await this.checkedValues(input, { partial: true });
    const core: CoreFacts = {};
    for (const key of CORE_FACTS) {
      if (values[key] !== undefined && values[key] !== org[key]) (core as Record<string, unknown>)[key] = values[key];
      delete values[key];
    }
    Object.assign(org, values);
    checkStaffNumbers(org.staffCount, org.certifiedSocialWorkers);
    if (Object.keys(core).length) {
      if (org.status === 'draft' || org.status === 'returned') {
        Object.assign(org, core);
      } else if (org.status === 'submitted') {
        throw organisationsError(OrganisationsErrorCode.CORE_FACTS_UNDER_REVIEW, { fields: Object.keys(core) });
      } else if (isRegistryDecider(actor)) {
        Object.assign(org, core);
        await this.store.recordHistory(org.id, { action: 'corrected_by_district', detail: { before: pick(before, Object.keys(core)), after: core } });
      } else {
        org.pendingChange = { ...pending, ...core };
        org.pendingChangeAt = this.clock.now();
        await this.store.recordHistory(org.id, { action: 'change_requested', detail: { before: pick(before, Object.keys(core)), requested: core } });
      }
    }
    const saved = await this.save(org);
    await this.audit.record({ action: 'organisation.updated', entityType: 'organisation', entityId: id, before: auditSafe(before), after: auditSafe(saved) });
    return this.store.view(saved);
  }

  async submit(id: string, version: number, actor: Actor) {
    const org = await this.requireManageable(id, actor);
    assertVersion(org, version);
    const from = org.status;
    const to = nextState('organisation', STATUS_TRANSITIONS, 'submit', from);
    const missing = await this.missing(org);
    if (missing.length) {
      throw organisationsError(OrganisationsErrorCode.ORGANISATION_INCOMPLETE, { missing }, {
        zh: `资料尚不完整，请补全：${missing.map((m) => m.zh).join('、')}`,
        en: `The registration is incomplete: ${missing.map((m) => m.en).join(', ')}`,
      });
    }
    const before = { ...org };
    Object.assign(org, { status: to, statusReason: null, submittedAt: this.clock.now() });
    const saved = await this.save(org);
    await this.store.recordHistory(id, { action: 'submit', fromStatus: from, toStatus: to });
    await this.audit.record({ action: 'organisation.submitted', entityType: 'organisation', entityId: id, before: auditSafe(before), after: auditSafe(saved) });
    await this.outbox.publish('organisation.submitted', { organisationId: id });
    return this.store.view(saved);
  }

  /** The organisation takes a submission back to change it before anyone has decided. */
  async withdraw(id: string, version: number, actor: Actor) {
    const org = await this.requireManageable(id, actor);
    assertVersion(org, version);
    const from = org.status;
    const before = { ...org };
    org.status = nextState('organisation', STATUS_TRANSITIONS, 'withdraw', from);
    const saved = await this.save(org);
    await this.store.recordHistory(id, { action: 'withdraw', fromStatus: from, toStatus: org.status });
    await this.audit.record({ action: 'organisation.withdrawn', entityType: 'organisation', entityId: id, before: auditSafe(before), after: auditSafe(saved) });
    return this.store.view(saved);
  }

  /** What still blocks submission: empty required fields and missing documents, with labels. */
  private async missing(org: OrganisationEntity): Promise<Array<{ item: string; zh: string; en: string }>> {
    const out: Array<{ item: string; zh: string; en: string }> = [];
    for (const r of REQUIRED_FIELDS) {
      const v = org[r.field];
      if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) out.push({ item: r.field, zh: r.zh, en: r.en });
    }
    const present = await this.attachments.kindsPresent(ORGANISATION_OWNER_TYPE, org.id);
    for (const kind of REQUIRED_DOCUMENTS) {
      if (!present.includes(kind)) out.push({ item: `document:${kind}`, ...ORGANISATION_DOCUMENT_KINDS[kind] });
    }
    return out;
  }

  /** 404 for records the actor cannot see; 403 for its own organisation's staff who may not change it. */
  private async requireManageable(id: string, actor: Actor): Promise<OrganisationEntity> {
    const org = await this.store.findVisible(id, actor, { lock: true });
    if (!canManageOrganisation(actor, id)) throw organisationsError(OrganisationsErrorCode.NOT_YOUR_ORGANISATION);
    if (org.status === 'closed') throw organisationsError(OrganisationsErrorCode.ORGANISATION_CLOSED);
    return org;
  }

  private async insert(values: Values, source: OrganisationEntity['source'], createdBy: string | null): Promise<OrganisationEntity> {
    await this.assertCodeFree(values.creditCode!);
    const org = this.store.repo.create({
      ...values, tenantId: this.ctx.tenantId(), status: 'draft', standing: 'good', source, createdBy, serviceAreas: values.serviceAreas ?? [],
    });
    // Not a column (only its ciphertext is), so create() does not copy it; save() encrypts it.
    org.bankAccountNo = values.bankAccountNo ?? null;
    return this.save(org);
  }

  /** Saves, turning the credit-code unique index's refusal (a concurrent registration) into the domain error. */
  async save(org: OrganisationEntity): Promise<OrganisationEntity> {
    await this.store.sealBankAccount(org);
    try {
      return await this.store.repo.save(org);
    } catch (err) {
      const pg = (err as QueryFailedError & { driverError?: { code?: string; constraint?: string } }).driverError;
      if (err instanceof QueryFailedError && pg?.code === '23505' && pg.constraint === 'organisations_credit_code_key') {
        throw organisationsError(OrganisationsErrorCode.CREDIT_CODE_TAKEN, { creditCode: org.creditCode });
      }
      throw err;
    }
  }

  async assertCodeFree(creditCode: string, exceptId?: string): Promise<void> {
    const [clash]: Array<{ id: string }> = await this.ctx.manager().query(
      `SELECT id FROM organisations WHERE credit_code = $1 AND status <> 'closed' AND id IS DISTINCT FROM $2::uuid
       UNION ALL
       SELECT id FROM organisations WHERE pending_change->>'creditCode' = $1 AND status <> 'closed' AND id IS DISTINCT FROM $2::uuid
       LIMIT 1`,
      [creditCode, exceptId ?? null],
    );
    if (clash) throw organisationsError(OrganisationsErrorCode.CREDIT_CODE_TAKEN, { creditCode });
  }

  /** Validates and normalises the form; with `partial`, only the fields given. */
  private async checkedValues(dto: Partial<RegisterOrganisationDto>, opts: { partial?: boolean } = {}): Promise<Values> {
    const v: Values = {};
    if (dto.name !== undefined) v.name = dto.name.trim();
    if (dto.orgType !== undefined) v.orgType = dto.orgType;
    if (dto.creditCode !== undefined) v.creditCode = opts.partial ? dto.creditCode : normaliseCreditCode(dto.creditCode, dto.orgType!);
    if (dto.registrationAuthority !== undefined) v.registrationAuthority = dto.registrationAuthority.trim();
    if (dto.registeredOn !== undefined) v.registeredOn = checkRegisteredOn(dto.registeredOn, this.clock.today());
    if (dto.legalRepresentative !== undefined) v.legalRepresentative = dto.legalRepresentative.trim();
    if (dto.address !== undefined) v.address = dto.address.trim() || null;
    if (dto.placeId !== undefined) v.placeId = (await this.places.requireActive(dto.placeId, 'community')).id;
    if (dto.serviceAreas !== undefined) v.serviceAreas = dto.serviceAreas;
    if (dto.introduction !== undefined) v.introduction = dto.introduction.trim() || null;
    if (dto.contactName !== undefined) v.contactName = dto.contactName.trim();
    if (dto.contactPhone !== undefined) v.contactPhone = normaliseContactPhone(dto.contactPhone);
    if (dto.contactEmail !== undefined) v.contactEmail = dto.contactEmail.trim().toLowerCase();
    if (dto.bankAccountName !== undefined) v.bankAccountName = dto.bankAccountName.trim();
    if (dto.bankName !== undefined) v.bankName = dto.bankName.trim();
    if (dto.bankAccountNo !== undefined) v.bankAccountNo = normaliseBankAccount(dto.bankAccountNo);
    if (dto.staffCount !== undefined) v.staffCount = dto.staffCount;
    if (dto.certifiedSocialWorkers !== undefined) v.certifiedSocialWorkers = dto.certifiedSocialWorkers;
    if (!opts.partial) checkStaffNumbers(v.staffCount, v.certifiedSocialWorkers);
    return v;
  }

  /**
   * Workbench: records an official has to decide on — submitted for verification, or a verified record's pending
   * change of core facts — oldest first.
   */
  async awaitingDecision(): Promise<WaitingList> {
    const rows = await this.ctx.manager().query(
      `SELECT id, name, credit_code, status, NULL::timestamptz AS due_at, COALESCE(pending_change_at, submitted_at, created_at) AS sort_key,
              count(*) OVER () AS total
         FROM organisations WHERE status = 'submitted' OR (status = 'verified' AND pending_change IS NOT NULL) ${WAITING_ORDER}`);
    return toWaitingList(rows, (r: Record<string, any>) => ({
      id: r.id, title: r.name, reference: r.credit_code, dueAt: null, path: `/organisations/${r.id}`,
      detail: r.status === 'submitted' ? { zh: '待核实登记', en: 'Registration to verify' } : { zh: '待审批信息变更', en: 'Change of details to approve' },
    }));
  }
}

function pick(o: object, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, (o as Record<string, unknown>)[k]]));
}
