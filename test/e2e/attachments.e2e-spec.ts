import { createHash } from 'node:crypto';
import request from 'supertest';
import { TestApp, openDistrict, startTestApp } from '../support/test-app';
import { TINY_PDF, createVerifiedOrganisation, organisationMember, uploadDocument } from '../support/organisations';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const binary = (r: request.Test) => r.buffer(true).parse((res, cb) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
});

describe('attachments: documents checked by content, stored with a checksum, served only to those allowed', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('an organisation uploads its registration certificate and gets back exactly the same bytes', async () => {
    const d = await openDistrict(t);
    const org = await createVerifiedOrganisation(t, d);
    const admin = await organisationMember(t, d, org.id);
    const content = Buffer.concat([TINY_PDF, Buffer.from('年检报告 2025')]);
    const up = await uploadDocument(t, admin, org.id, 'audit_report', content, '2025年度审计报告.pdf').expect(201);
    expect(up.body).toMatchObject({
      filename: '2025年度审计报告.pdf', mime: 'application/pdf', size: content.length, kind: 'audit_report',
      kindLabel: { zh: '审计报告', en: 'audit report' }, sha256: createHash('sha256').update(content).digest('hex'),
    });
    const down = await binary(admin.get(up.body.downloadUrl)).expect(200);
    expect(Buffer.compare(down.body as Buffer, content)).toBe(0);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.headers['x-content-type-options']).toBe('nosniff');
    expect(down.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('2025年度审计报告.pdf')}`);
    expect(down.headers.etag).toBe(`"${up.body.sha256}"`);
    const list = await admin.get(`/api/v1/attachments?ownerType=organisation&ownerId=${org.id}`).expect(200);
    expect(list.body.items.map((a: { kind: string }) => a.kind)).toEqual(['registration_certificate', 'charter', 'audit_report']);
    // District officials read it too.
    await binary(d.admin.get(up.body.downloadUrl)).expect(200);
  });

  it('refuses files that are not what they claim, too large, empty or missing, each with its own code', async () => {
    const d = await openDistrict(t);
    const org = await createVerifiedOrganisation(t, d);
    const exe = Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1');
    const cases: Array<[Buffer, string, string, number, string]> = [
      [exe, 'charter.pdf', 'application/pdf', 415, 'ATTACHMENT_TYPE_NOT_ALLOWED'],
      [Buffer.from('<html><script>alert(1)</script></html>'), 'charter.html', 'text/html', 415, 'ATTACHMENT_TYPE_NOT_ALLOWED'],
      [PNG, 'charter.pdf', 'application/pdf', 415, 'ATTACHMENT_TYPE_MISMATCH'],
      [TINY_PDF, 'charter.pdf', 'image/png', 415, 'ATTACHMENT_TYPE_MISMATCH'],
      [Buffer.alloc(0), 'charter.pdf', 'application/pdf', 400, 'ATTACHMENT_EMPTY'],
    ];
    for (const [file, name, type, status, code] of cases) {
      const res = await uploadDocument(t, d.admin, org.id, 'charter', file, name, type).expect(status);
      expect(res.body.code).toBe(code);
      expect(res.body.message['zh-CN']).toBeTruthy();
    }
    const big = Buffer.concat([TINY_PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await uploadDocument(t, d.admin, org.id, 'charter', big).expect(413);
    expect(tooBig.body.code).toBe('ATTACHMENT_TOO_LARGE');
    expect(tooBig.body.message['zh-CN']).toContain('10 MB');
    const noFile = await t.http.post('/api/v1/attachments').set('Authorization', `Bearer ${d.admin.accessToken}`)
      .field('ownerType', 'organisation').field('ownerId', org.id).field('kind', 'charter').expect(400);
    expect(noFile.body.code).toBe('ATTACHMENT_FILE_REQUIRED');
    expect((await uploadDocument(t, d.admin, org.id, 'selfie').expect(400)).body.code).toBe('ATTACHMENT_KIND_UNKNOWN');
    const unknownOwner = await t.http.post('/api/v1/attachments').set('Authorization', `Bearer ${d.admin.accessToken}`)
      .field('ownerType', 'spaceship').field('ownerId', org.id).field('kind', 'charter').attach('file', TINY_PDF, 'x.pdf').expect(400);
    expect(unknownOwner.body.code).toBe('ATTACHMENT_OWNER_TYPE_UNKNOWN');
    const list = await d.admin.get(`/api/v1/attachments?ownerType=organisation&ownerId=${org.id}`).expect(200);
    expect(list.body.total).toBe(2);
  });

  it("another organisation's people, another district and the public cannot read or remove a document", async () => {
    const d = await openDistrict(t);
    const other = await openDistrict(t);
    const org = await createVerifiedOrganisation(t, d);
    const rival = await createVerifiedOrganisation(t, d);
    const rivalAdmin = await organisationMember(t, d, rival.id);
    const docs = await d.admin.get(`/api/v1/attachments?ownerType=organisation&ownerId=${org.id}`).expect(200);
    const url = docs.body.items[0].downloadUrl;
    expect((await rivalAdmin.get(url).expect(404)).body.code).toBe('ATTACHMENT_NOT_FOUND');
    await rivalAdmin.get(`/api/v1/attachments?ownerType=organisation&ownerId=${org.id}`).expect(404);
    await t.http.delete(`/api/v1/attachments/${docs.body.items[0].id}`).set('Authorization', `Bearer ${rivalAdmin.accessToken}`).expect(404);
    await other.admin.get(url).expect(404);
    await t.http.get(url).expect(401);
    // Organisation staff may add documents but reviewers and others may not.
    const staff = await organisationMember(t, d, org.id, ['org_staff']);
    await uploadDocument(t, staff, org.id, 'other').expect(201);
    const worker = await organisationMember(t, d, org.id, ['social_worker']);
    await uploadDocument(t, worker, org.id, 'other').expect(404);
    await binary(worker.get(url)).expect(200);
    // The owner removes one; it is gone for everyone and the list no longer shows it.
    await t.http.delete(`/api/v1/attachments/${docs.body.items[0].id}`).set('Authorization', `Bearer ${d.admin.accessToken}`).expect(204);
    await d.admin.get(url).expect(404);
    const after = await d.admin.get(`/api/v1/attachments?ownerType=organisation&ownerId=${org.id}`).expect(200);
    expect(after.body.items.map((a: { kind: string }) => a.kind)).toEqual(['charter', 'other']);
  });
});
