import { randomInt } from 'node:crypto';
import request from 'supertest';
import { creditCodeCheckChar, CREDIT_CODE_ALPHABET } from '@sanshe/common';
import { District, PASSWORD, Session, TestApp, addMember, login } from './test-app';

export type OrgType = 'social_group' | 'social_service_agency' | 'foundation';
const TYPE_DIGIT: Record<OrgType, string> = { social_group: '1', social_service_agency: '2', foundation: '3' };

/**
 * A synthetic unified social credit code (never issued to anyone) that passes GB 32100-2015 for a social organisation
 * of the given type registered by civil affairs in `division`.
 */
export function syntheticCreditCode(orgType: OrgType = 'social_service_agency', division = '510107'): string {
  let body = '';
  for (let i = 0; i < 9; i++) body += CREDIT_CODE_ALPHABET[randomInt(0, CREDIT_CODE_ALPHABET.length)];
  const first17 = `5${TYPE_DIGIT[orgType]}${division}${body}`;
  return first17 + creditCodeCheckChar(first17);
}

/** The smallest file every upload check accepts as a PDF. */
export const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

let seq = 0;
/** A complete registration form; override any field. */
export function organisationForm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  seq += 1;
  const orgType = (overrides.orgType as OrgType | undefined) ?? 'social_service_agency';
  return {
    name: `测试社会工作服务中心${seq}-${randomInt(0, 1e6)}`,
    creditCode: syntheticCreditCode(orgType),
    orgType,
    registrationAuthority: '成都市武侯区民政局',
    registeredOn: '2018-06-01',
    legalRepresentative: '张法人',
    address: '武侯区测试路 1 号',
    serviceAreas: ['elderly', 'community_governance'],
    contactName: '王联系',
    contactPhone: '028-85001234',
    contactEmail: 'contact@example.org',
    bankAccountName: '测试社会工作服务中心',
    bankName: '中国银行成都武侯支行',
    bankAccountNo: '6217 0000 1234 5678',
    staffCount: 12,
    certifiedSocialWorkers: 5,
    ...overrides,
  };
}

/** Uploads a document for an organisation as the given session. */
export function uploadDocument(t: TestApp, s: Session, organisationId: string, kind: string, file: Buffer = TINY_PDF, filename = `${kind}.pdf`, contentType = 'application/pdf'): request.Test {
  return t.http
    .post('/api/v1/attachments')
    .set('Authorization', `Bearer ${s.accessToken}`)
    .field('ownerType', 'organisation')
    .field('ownerId', organisationId)
    .field('kind', kind)
    .attach('file', file, { filename, contentType });
}

/** Registers (as the district admin), uploads the required documents, submits and verifies. */
export async function createVerifiedOrganisation(
  t: TestApp,
  d: District,
  opts: { name?: string; orgType?: OrgType; overrides?: Record<string, unknown> } = {},
): Promise<{ id: string; creditCode: string; version: number }> {
  const form = organisationForm({ ...(opts.name ? { name: opts.name } : {}), ...(opts.orgType ? { orgType: opts.orgType } : {}), ...opts.overrides });
  const created = await d.admin.post('/api/v1/organisations', form);
  if (created.status !== 201) throw new Error(`create organisation failed: ${created.status} ${JSON.stringify(created.body)}`);
  const id: string = created.body.organisation.id;
  for (const kind of ['registration_certificate', 'charter']) {
    const up = await uploadDocument(t, d.admin, id, kind);
    if (up.status !== 201) throw new Error(`upload failed: ${up.status} ${JSON.stringify(up.body)}`);
  }
  const submitted = await d.admin.post(`/api/v1/organisations/${id}/submit`, { version: created.body.organisation.version });
  if (submitted.status !== 200) throw new Error(`submit failed: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  const verified = await d.admin.post(`/api/v1/organisations/${id}/verify`, { version: submitted.body.version });
  if (verified.status !== 200) throw new Error(`verify failed: ${verified.status} ${JSON.stringify(verified.body)}`);
  return { id, creditCode: created.body.organisation.creditCode, version: verified.body.version };
}

/** A person acting for the organisation (org_admin by default), invited by the district admin and signed in. */
export async function organisationMember(
  t: TestApp,
  d: District,
  organisationId: string,
  roles: string[] = ['org_admin'],
  extra: { name?: string; phone?: string } = {},
): Promise<Session & { memberId: string; phone: string }> {
  return addMember(t, d, roles, { ...extra, organisationId });
}

/** Signs in again (e.g. after roles changed), in the district. */
export function relogin(t: TestApp, phone: string, d: District): Promise<Session> {
  return login(t, phone, PASSWORD, d.code);
}
