import { Injectable } from '@nestjs/common';
import { Actor, Page, checkMobilePhone, checkResidentId, fieldRefusal, maskPhone, maskResidentId } from '@sanshe/common';
import { Clock } from '@sanshe/common/clock';
import { AuditService } from '@sanshe/audit';
import { FieldCipher } from '@sanshe/crypto';
import { assertVersion, keysetPage } from '@sanshe/database';
import { TenantContext } from '@sanshe/tenancy';
import { PlacesService } from '../places/places.service';
import { CaseworkAccess, CaseworkScope } from './casework-access.service';
import { CaseworkErrorCode, caseworkError } from './casework.errors';
import { F, IDX, RevealableField, VULNERABILITY_TAGS, VulnerabilityTag, ageOn } from './casework-fields';
import { GuardianDto, ListBeneficiariesQuery, RegisterBeneficiaryDto, UpdateBeneficiaryDto } from './dto/beneficiary.dto';
import { PiiAccessLogService } from './pii-access-log.service';
import { CaseworkTagCounts } from './casework-tag-counts.service';

export interface BeneficiaryRow {
  id: string;
  organisation_id: string;
  name_enc: Buffer;
  id_number_enc: Buffer;
  phone_enc: Buffer | null;
  address_enc: Buffer | null;
  community_id: string | null;
  community_name?: string | null;
  household_enc: Buffer | null;
  vulnerability_enc: Buffer | null;
  guardian_enc: Buffer | null;
  notes_enc: Buffer | null;
  status: string;
  created_by_membership_id: string;
  version: number;
  created_at: Date;
  updated_at: Date;
}

interface Vulnerability { tags: VulnerabilityTag[]; notes: string | null }

/** What a referral hands over: identity always (from the referral or the receiver's intake), the rest only if consented. */
export interface ReferredPerson {
  name: string;
  idNumber: string;
  phone?: string | null;
  address?: string | null;
  communityId?: string | null;
  tags?: VulnerabilityTag[];
}
interface Guardian { name: string; relation: string; phone: string | null }

const SELECT = `SELECT b.*, p.name AS community_name FROM beneficiaries b LEFT JOIN places p ON p.id = b.community_id`;

/** The form of a name its blind index is computed on: full-width folded, no spaces, case-insensitive. */
export function normaliseName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/**
 * People served (服务对象). Identifiers, contact details, household, vulnerability and notes are encrypted per field;
 * the ID number is found through its keyed hash, so registering a person the organisation already knows returns the
 * existing record. Default views are masked; the clear value of a field is opened only by `reveal`, with a reason,
 * written to the access log.
 *
 * A dump of the table says nothing about who is helped: the name is ciphertext too (with a blind index of the
 * normalised full name for exact search), gender, birth year and the masks shown in lists are derived from the
 * decrypted ID number and phone when displayed, and vulnerability tags exist only inside the encrypted record —
 * the district's counts per community and tag are kept in `casework_tag_counts`, in the same transaction.
 */
@Injectable()
export class BeneficiariesService {
  constructor(
    private readonly clock: Clock,
    private readonly ctx: TenantContext,
    private readonly cipher: FieldCipher,
    private readonly access: CaseworkAccess,
    private readonly accessLog: PiiAccessLogService,
    private readonly audit: AuditService,
    private readonly places: PlacesService,
    private readonly tagCounts: CaseworkTagCounts,
  ) {}

  async register(dto: RegisterBeneficiaryDto, actor: Actor): Promise<{ existing: boolean; beneficiary: unknown }> {
    const scope = await this.access.scope(actor);
    const checked = checkResidentId(dto.idNumber, { now: this.clock.now() });
    if (!checked.ok) throw fieldRefusal('idNumber', checked);
    if ((dto.gender && dto.gender !== checked.gender) || (dto.birthDate && dto.birthDate !== checked.birthDate)) {
      throw caseworkError(CaseworkErrorCode.ID_NUMBER_MISMATCH, {
        fields: [dto.gender && dto.gender !== checked.gender ? 'gender' : null, dto.birthDate && dto.birthDate !== checked.birthDate ? 'birthDate' : null].filter(Boolean),
      });
    }
    const hash = await this.cipher.blindIndex(IDX.idNumber, checked.id);
    const known = await this.findByHash(scope, hash);
    if (known) return { existing: true, beneficiary: await this.summary(known) };

    if (ageOn(checked.birthDate, this.clock.today()) < 18 && !dto.guardian) throw caseworkError(CaseworkErrorCode.GUARDIAN_REQUIRED);
    if (dto.communityId) await this.places.requireActive(dto.communityId, 'community');
    const phone = dto.phone ? this.normalisePhone('phone', dto.phone) : null;
    const guardian = dto.guardian ? this.guardianValue(dto.guardian) : null;
    const tags = (dto.vulnerabilityTags ?? []) as VulnerabilityTag[];
    const rows: Array<{ id: string }> = await this.ctx.manager().query(
      `INSERT INTO beneficiaries (tenant_id, organisation_id, name_enc, name_hash, id_number_enc, id_number_hash,
                                  phone_enc, address_enc, community_id, household_enc, vulnerability_enc,
                                  guardian_enc, notes_enc, created_by_membership_id)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)
       ON CONFLICT (tenant_id, organisation_id, id_number_hash) DO NOTHING RETURNING id`,
      [this.ctx.tenantId(), scope.organisationId, await this.cipher.encrypt(F.name, dto.name.trim()), await this.nameHash(dto.name),
        await this.cipher.encrypt(F.idNumber, checked.id), hash,
        phone ? await this.cipher.encrypt(F.phone, phone) : null,
        await this.cipher.encryptOptional(F.address, dto.address?.trim()), dto.communityId ?? null,
        await this.cipher.encryptOptional(F.household, dto.household?.trim()),
        await this.cipher.encryptJson(F.vulnerability, { tags, notes: dto.vulnerabilityNotes?.trim() || null } satisfies Vulnerability),
        await this.cipher.encryptJson(F.guardian, guardian),
        await this.cipher.encryptOptional(F.notes, dto.notes?.trim()), scope.membershipId]);
    if (!rows[0]) {
      // Registered by a colleague a moment ago: the same answer as if it had been there before.
      return { existing: true, beneficiary: await this.summary((await this.findByHash(scope, hash))!) };
    }
    await this.tagCounts.add(dto.communityId ?? null, tags, 1);
    await this.audit.record({
      action: 'beneficiary.registered', entityType: 'beneficiary', entityId: rows[0].id,
      // No fragment of the ID number: the audit trail is as readable in a dump as any other table.
      after: { organisationId: scope.organisationId, fieldsRecorded: this.recordedFields(dto) },
    });
    return { existing: false, beneficiary: await this.view(scope, rows[0].id, false) };
  }

  /** Does the organisation already know this ID number? Answers with the masked summary only. */
  async lookup(idNumber: string, actor: Actor) {
    const scope = await this.access.scope(actor);
    const checked = checkResidentId(idNumber, { now: this.clock.now() });
    if (!checked.ok) throw fieldRefusal('idNumber', checked);
    const known = await this.findByHash(scope, await this.cipher.blindIndex(IDX.idNumber, checked.id));
    return { found: !!known, beneficiary: known ? await this.summary(known) : null };
  }

  async list(query: ListBeneficiariesQuery, actor: Actor): Promise<Page<unknown>> {
    const scope = await this.access.scope(actor);
    const params: unknown[] = [];
    const where = [this.access.beneficiaryFilter(scope, 'b', params), `b.status = 'active'`];
    if (query.communityId) { params.push(query.communityId); where.push(`b.community_id = $${params.length}`); }
    // Names are ciphertext: a full name is found by its blind index; a part of one by decrypting the visible set.
    if (query.name) { params.push(await this.nameHash(query.name)); where.push(`b.name_hash = $${params.length}`); }
    if (query.q) { params.push(await this.idsWithNameContaining(where, [...params], query.q)); where.push(`b.id = ANY($${params.length}::uuid[])`); }
    const page = await keysetPage<BeneficiaryRow>(this.ctx.manager(), {
      select: SELECT, countFrom: 'FROM beneficiaries b', where, params,
      order: { key: 'b.created_at', type: 'timestamptz', id: 'b.id', direction: 'desc' }, limit: query.limit, cursor: query.cursor,
    });
    return { ...page, items: await Promise.all(page.items.map((r) => this.summary(r))) };
  }

  async get(id: string, actor: Actor) {
    const scope = await this.access.scope(actor);
    return this.view(scope, id, true);
  }

  async update(id: string, dto: UpdateBeneficiaryDto, actor: Actor) {
    const scope = await this.access.scope(actor);
    const row = await this.requireVisible(scope, id, true);
    assertVersion(row, dto.version);
    const sets: string[] = [];
    const params: unknown[] = [];
    const set = (col: string, value: unknown) => { params.push(value); sets.push(`${col} = $${params.length}`); };
    if (dto.name !== undefined) {
      set('name_enc', await this.cipher.encrypt(F.name, dto.name.trim()));
      set('name_hash', await this.nameHash(dto.name));
    }
    if (dto.phone !== undefined) {
      const phone = dto.phone ? this.normalisePhone('phone', dto.phone) : null;
      set('phone_enc', phone ? await this.cipher.encrypt(F.phone, phone) : null);
    }
    if (dto.address !== undefined) set('address_enc', await this.cipher.encryptOptional(F.address, dto.address.trim()));
    if (dto.communityId !== undefined) {
      await this.places.requireActive(dto.communityId, 'community');
      set('community_id', dto.communityId);
    }
    if (dto.household !== undefined) set('household_enc', await this.cipher.encryptOptional(F.household, dto.household.trim()));
    const current = (await this.cipher.decryptJson<Vulnerability>(F.vulnerability, row.vulnerability_enc)) ?? { tags: [], notes: null };
    const nextTags = (dto.vulnerabilityTags as VulnerabilityTag[] | undefined) ?? current.tags;
    if (dto.vulnerabilityTags !== undefined || dto.vulnerabilityNotes !== undefined) {
      const next: Vulnerability = {
        tags: nextTags,
        notes: dto.vulnerabilityNotes !== undefined ? dto.vulnerabilityNotes.trim() || null : current.notes,
      };
      set('vulnerability_enc', await this.cipher.encryptJson(F.vulnerability, next));
    }
    const nextCommunity = dto.communityId !== undefined ? dto.communityId : row.community_id;
    if (row.status === 'active' && (nextCommunity !== row.community_id || dto.vulnerabilityTags !== undefined)) {
      await this.tagCounts.add(row.community_id, current.tags, -1);
      await this.tagCounts.add(nextCommunity, nextTags, 1);
    }
    if (dto.guardian !== undefined) set('guardian_enc', await this.cipher.encryptJson(F.guardian, this.guardianValue(dto.guardian)));
    if (dto.notes !== undefined) set('notes_enc', await this.cipher.encryptOptional(F.notes, dto.notes.trim()));
    if (sets.length) {
      params.push(id);
      await this.ctx.manager().query(
        `UPDATE beneficiaries SET ${sets.join(', ')}, version = version + 1, updated_at = now() WHERE id = $${params.length}`, params);
      await this.audit.record({
        action: 'beneficiary.updated', entityType: 'beneficiary', entityId: id,
        // Field names only: the values are personal data and never enter the audit trail.
        after: { changedFields: Object.keys(dto).filter((k) => k !== 'version') },
      });
    }
    return this.view(scope, id, false);
  }

  /** The clear value of one field, with a reason, written to the access log. */
  async reveal(id: string, field: RevealableField, reason: string, actor: Actor) {
    const scope = await this.access.scope(actor);
    const row = await this.requireVisible(scope, id);
    let value: unknown;
    switch (field) {
      case 'id_number': value = await this.cipher.decrypt(F.idNumber, row.id_number_enc); break;
      case 'phone': value = await this.cipher.decryptOptional(F.phone, row.phone_enc); break;
      case 'address': value = await this.cipher.decryptOptional(F.address, row.address_enc); break;
      case 'household': value = await this.cipher.decryptOptional(F.household, row.household_enc); break;
      case 'notes': value = await this.cipher.decryptOptional(F.notes, row.notes_enc); break;
      case 'vulnerability_notes': value = (await this.cipher.decryptJson<Vulnerability>(F.vulnerability, row.vulnerability_enc))?.notes ?? null; break;
      case 'guardian': value = await this.cipher.decryptJson<Guardian>(F.guardian, row.guardian_enc); break;
    }
    if (value === null || value === undefined) throw caseworkError(CaseworkErrorCode.FIELD_NOT_REVEALABLE, { field });
    await this.accessLog.record(scope, { action: 'reveal', subjectType: 'beneficiary', subjectId: id, beneficiaryId: id, field, reason });
    return { field, value };
  }

  // ---- for the other casework services ----

  /**
   * The receiving organisation's record of a referred person: the one it already has (same ID number, found by the
   * blind index) or a new one holding only what the referral carried. Returns whether it was linked.
   */
  async receiveReferred(scope: CaseworkScope, p: ReferredPerson): Promise<{ id: string; linked: boolean }> {
    const checked = checkResidentId(p.idNumber, { now: this.clock.now() });
    if (!checked.ok) throw fieldRefusal('idNumber', checked);
    const hash = await this.cipher.blindIndex(IDX.idNumber, checked.id);
    const known = await this.findByHash(scope, hash);
    if (known) return { id: known.id, linked: true };
    const tags = p.tags ?? [];
    const [row]: Array<{ id: string }> = await this.ctx.manager().query(
      `INSERT INTO beneficiaries (tenant_id, organisation_id, name_enc, name_hash, id_number_enc, id_number_hash, phone_enc, address_enc,
                                  community_id, vulnerability_enc, created_by_membership_id)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING id`,
      [this.ctx.tenantId(), scope.organisationId, await this.cipher.encrypt(F.name, p.name.trim()), await this.nameHash(p.name),
        await this.cipher.encrypt(F.idNumber, checked.id), hash, await this.cipher.encryptOptional(F.phone, p.phone),
        await this.cipher.encryptOptional(F.address, p.address), p.communityId ?? null,
        tags.length ? await this.cipher.encryptJson(F.vulnerability, { tags, notes: null } satisfies Vulnerability) : null, scope.membershipId]);
    await this.tagCounts.add(p.communityId ?? null, tags, 1);
    await this.audit.record({
      action: 'beneficiary.registered', entityType: 'beneficiary', entityId: row.id,
      after: { organisationId: scope.organisationId, source: 'referral', fieldsRecorded: Object.keys(p).filter((k) => p[k as keyof ReferredPerson] != null) },
    });
    return { id: row.id, linked: false };
  }

  /** A beneficiary visible to the actor, or 404. */
  async requireVisible(scope: CaseworkScope, id: string, lock = false): Promise<BeneficiaryRow> {
    const params: unknown[] = [id];
    const filter = this.access.beneficiaryFilter(scope, 'b', params);
    const [row]: BeneficiaryRow[] = await this.ctx.manager().query(
      `${SELECT} WHERE b.id = $1 AND ${filter}${lock ? ' FOR UPDATE OF b' : ''}`, params);
    if (!row) throw caseworkError(CaseworkErrorCode.BENEFICIARY_NOT_FOUND, { id });
    return row;
  }

  /** A beneficiary of the actor's organisation (e.g. a group leader recording attendance), or 404. */
  async requireInOrganisation(scope: CaseworkScope, id: string): Promise<BeneficiaryRow> {
    const [row]: BeneficiaryRow[] = await this.ctx.manager().query(`${SELECT} WHERE b.id = $1 AND b.organisation_id = $2`, [id, scope.organisationId]);
    if (!row) throw caseworkError(CaseworkErrorCode.BENEFICIARY_NOT_FOUND, { id });
    return row;
  }

  /** Birth date, from the encrypted ID number (a server-side check, not shown to anyone, so not a logged read). */
  async birthDate(row: BeneficiaryRow): Promise<string> {
    const id = await this.cipher.decrypt(F.idNumber, row.id_number_enc);
    return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  }

  async decryptForSharing(row: BeneficiaryRow) {
    const vulnerability = await this.cipher.decryptJson<Vulnerability>(F.vulnerability, row.vulnerability_enc);
    return {
      name: await this.cipher.decrypt(F.name, row.name_enc),
      idNumber: await this.cipher.decrypt(F.idNumber, row.id_number_enc),
      phone: await this.cipher.decryptOptional(F.phone, row.phone_enc),
      address: await this.cipher.decryptOptional(F.address, row.address_enc),
      tags: vulnerability?.tags ?? [],
    };
  }

  /** The list view. Gender, birth year and the masks come from the decrypted values; none of them is stored. */
  async summary(r: BeneficiaryRow) {
    const idNumber = await this.cipher.decrypt(F.idNumber, r.id_number_enc);
    const phone = await this.cipher.decryptOptional(F.phone, r.phone_enc);
    const checked = checkResidentId(idNumber, { now: this.clock.now() });
    return {
      id: r.id, name: await this.cipher.decrypt(F.name, r.name_enc),
      gender: checked.ok ? checked.gender : null, birthYear: checked.ok ? Number(checked.birthDate.slice(0, 4)) : null,
      idNumber: maskResidentId(idNumber), phone: phone ? maskPhone(phone) : null,
      community: r.community_id ? { id: r.community_id, name: r.community_name ?? null } : null,
      createdAt: r.created_at,
    };
  }

  private async view(scope: CaseworkScope, id: string, logView: boolean) {
    const r = await this.requireVisible(scope, id);
    const vulnerability = await this.cipher.decryptJson<Vulnerability>(F.vulnerability, r.vulnerability_enc);
    const guardian = await this.cipher.decryptJson<Guardian>(F.guardian, r.guardian_enc);
    const consents: Array<{ purpose: string }> = await this.ctx.manager().query(
      `SELECT purpose FROM beneficiary_consents WHERE beneficiary_id = $1 AND ended_at IS NULL`, [id]);
    if (logView) await this.accessLog.record(scope, { action: 'view', subjectType: 'beneficiary', subjectId: id, beneficiaryId: id });
    const birthDate = await this.birthDate(r);
    return {
      ...(await this.summary(r)),
      age: ageOn(birthDate, this.clock.today()),
      address: r.address_enc ? '已登记 / recorded (reveal to view)' : null,
      hasAddress: !!r.address_enc,
      hasHousehold: !!r.household_enc,
      hasVulnerabilityNotes: !!vulnerability?.notes,
      hasNotes: !!r.notes_enc,
      vulnerabilityTags: (vulnerability?.tags ?? []).map((code) => ({ code, label: VULNERABILITY_TAGS[code] })),
      guardian: guardian ? { name: guardian.name, relation: guardian.relation, phone: guardian.phone ? maskPhone(guardian.phone) : null } : null,
      activeConsents: consents.map((c) => c.purpose),
      version: r.version,
      updatedAt: r.updated_at,
    };
  }

  private async findByHash(scope: CaseworkScope, hash: Buffer): Promise<BeneficiaryRow | undefined> {
    const [row]: BeneficiaryRow[] = await this.ctx.manager().query(
      `${SELECT} WHERE b.organisation_id = $1 AND b.id_number_hash = $2`, [scope.organisationId, hash]);
    return row;
  }

  /** The clear name of a visible person, for other casework views (lists of cases, caseloads, attendance). */
  async displayName(nameEnc: Buffer): Promise<string> {
    return this.cipher.decrypt(F.name, nameEnc);
  }

  private async nameHash(name: string): Promise<Buffer> {
    return this.cipher.blindIndex(IDX.name, normaliseName(name));
  }

  /**
   * Ids of the people the list would show whose name contains `q`. The set a worker, supervisor or organisation
   * admin can see is their caseload or their organisation's people, small enough to decrypt per search.
   */
  private async idsWithNameContaining(where: string[], params: unknown[], q: string): Promise<string[]> {
    const needle = normaliseName(q);
    const rows: Array<{ id: string; name_enc: Buffer }> = await this.ctx.manager().query(
      `SELECT b.id, b.name_enc FROM beneficiaries b WHERE ${where.join(' AND ')}`, params);
    const ids: string[] = [];
    for (const r of rows) if (normaliseName(await this.cipher.decrypt(F.name, r.name_enc)).includes(needle)) ids.push(r.id);
    return ids;
  }

  private guardianValue(g: GuardianDto): Guardian {
    return { name: g.name.trim(), relation: g.relation.trim(), phone: g.phone ? this.normalisePhone('guardian.phone', g.phone) : null };
  }

  /** Mobile numbers are normalised; a landline (0XX-XXXXXXX) is accepted as typed, since older people often have one. */
  private normalisePhone(field: string, value: string): string {
    const mobile = checkMobilePhone(value);
    if (mobile.ok) return mobile.phone;
    const landline = value.normalize('NFKC').replace(/\s/g, '');
    if (/^0[0-9]{2,3}-?[0-9]{7,8}$/.test(landline)) return landline;
    throw fieldRefusal(field, mobile);
  }

  private recordedFields(dto: RegisterBeneficiaryDto): string[] {
    return Object.entries(dto).filter(([k, v]) => v !== undefined && k !== 'idNumber' && k !== 'name').map(([k]) => k);
  }
}
