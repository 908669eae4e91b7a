import { Workbook } from 'exceljs';
import { TenantTransactionRunner } from '@sanshe/tenancy';
import { OrganisationEligibilityService } from '../../src/modules/organisations/organisation-eligibility.service';
import { District, PASSWORD, TestApp, acceptInvitation, addMember, login, openDistrict, ownerClient, startTestApp, uniquePhone } from '../support/test-app';
import { createVerifiedOrganisation, organisationForm, organisationMember, syntheticCreditCode, uploadDocument } from '../support/organisations';

async function countOrganisations(d: District): Promise<number> {
  const res = await d.admin.get('/api/v1/organisations').expect(200);
  return res.body.total;
}

describe('the social organisation registry', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('an organisation registers itself on the portal, completes its profile, is returned, resubmits and is verified', async () => {
    const d = await openDistrict(t);
    const street = await d.admin.post('/api/v1/places', { parentId: d.rootPlaceId, kind: 'street', name: '晋阳街道' }).expect(201);
    const community = await d.admin.post('/api/v1/places', { parentId: street.body.id, kind: 'community', name: '晋阳社区' }).expect(201);
    const phone = uniquePhone();
    const creditCode = syntheticCreditCode('social_service_agency');
    const reg = await t.http.post(`/api/v1/public/districts/${d.code}/organisation-registrations`).send({
      name: '武侯区晋阳社会工作服务中心', creditCode: creditCode.toLowerCase(), orgType: 'social_service_agency',
      registrationAuthority: '成都市武侯区民政局', registeredOn: '2019-03-15', legalRepresentative: '刘理事长',
      applicant: { name: '刘理事长', phone },
    }).expect(201);
    expect(reg.body).toMatchObject({ status: 'draft', name: '武侯区晋阳社会工作服务中心' });
    expect(reg.body.invitationSentTo).toMatch(/\*/);
    expect(JSON.stringify(reg.body)).not.toContain('token');

    // The applicant reads the invitation texted to their phone, activates it and signs in as the organisation's admin.
    expect((await acceptInvitation(t, phone)).status).toBe(200);
    const admin = await login(t, phone, PASSWORD, d.code);
    const mine = await admin.get('/api/v1/organisations/mine').expect(200);
    expect(mine.body).toMatchObject({ id: reg.body.registrationId, creditCode, status: 'draft', source: 'self_registration' });
    expect(mine.body.missingForSubmission.map((m: { item: string }) => m.item)).toEqual(
      ['address', 'serviceAreas', 'contactName', 'contactPhone', 'document:registration_certificate', 'document:charter']);

    const early = await admin.post(`/api/v1/organisations/${mine.body.id}/submit`, { version: mine.body.version }).expect(409);
    expect(early.body.code).toBe('ORGANISATION_INCOMPLETE');
    expect(early.body.message['zh-CN']).toContain('登记证书');

    const edited = await admin.patch(`/api/v1/organisations/${mine.body.id}`, {
      version: mine.body.version, address: '武侯区晋阳路 88 号', placeId: community.body.id, serviceAreas: ['elderly', 'youth'],
      contactName: '孙干事', contactPhone: '028 8500 1234', bankAccountNo: '6217-0000-1111-2222', bankName: '成都银行', bankAccountName: '武侯区晋阳社会工作服务中心',
      staffCount: 10, certifiedSocialWorkers: 4,
    }).expect(200);
    expect(edited.body.community).toEqual({ id: community.body.id, name: '晋阳社区' });
    expect(edited.body.bankAccount.accountNo).toBe('6217000011112222');
    await uploadDocument(t, admin, mine.body.id, 'registration_certificate').expect(201);
    await uploadDocument(t, admin, mine.body.id, 'charter').expect(201);
    const submitted = await admin.post(`/api/v1/organisations/${mine.body.id}/submit`, { version: edited.body.version }).expect(200);
    expect(submitted.body.status).toBe('submitted');

    const officer = await addMember(t, d, ['programme_officer']);
    const queue = await officer.get('/api/v1/organisations?status=submitted').expect(200);
    expect(queue.body.items.map((o: { id: string }) => o.id)).toEqual([mine.body.id]);
    const returned = await officer.post(`/api/v1/organisations/${mine.body.id}/return`, { version: submitted.body.version, reason: '章程扫描件缺少第3页，请重新上传' }).expect(200);
    expect(returned.body).toMatchObject({ status: 'returned', statusReason: '章程扫描件缺少第3页，请重新上传' });

    const seen = await admin.get(`/api/v1/organisations/${mine.body.id}`).expect(200);
    expect(seen.body.statusLabel.zh).toBe('已退回');
    const again = await admin.post(`/api/v1/organisations/${mine.body.id}/submit`, { version: seen.body.version }).expect(200);
    const verified = await officer.post(`/api/v1/organisations/${mine.body.id}/verify`, { version: again.body.version, note: '材料齐全' }).expect(200);
    expect(verified.body.status).toBe('verified');

    const history = await admin.get(`/api/v1/organisations/${mine.body.id}/history`).expect(200);
    expect(history.body.items.map((h: { action: string }) => h.action)).toEqual(['registered', 'submit', 'return', 'submit', 'verify']);
    expect(history.body.items[2]).toMatchObject({ fromStatus: 'submitted', toStatus: 'returned', reason: '章程扫描件缺少第3页，请重新上传' });
    expect(history.body.items[4].actorName).toBe('成员');

    // Every step is in the audit trail, which keeps no full bank account number.
    const db = await ownerClient();
    try {
      await db.query(`SELECT set_config('app.tenant_id', $1, false)`, [d.tenantId]);
      const { rows } = await db.query(`SELECT action, after::text AS after FROM audit_log WHERE entity_id = $1 ORDER BY occurred_at`, [mine.body.id]);
      expect(rows.map((r: { action: string }) => r.action)).toEqual(
        ['organisation.registered', 'organisation.updated', 'organisation.submitted', 'organisation.returned', 'organisation.submitted', 'organisation.verified']);
      expect(rows.some((r: { after: string }) => r.after.includes('6217000011112222'))).toBe(false);
      expect(rows[1].after).toContain('****2222');
    } finally {
      await db.end();
    }
  });

  it('a wrong credit code is refused with what is wrong, and nothing is created', async () => {
    const d = await openDistrict(t);
    const good = syntheticCreditCode('social_group');
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ creditCode: wrongCheck, orgType: 'social_group' }, 'CREDIT_CODE_CHECK', `第18位应为'${good[17]}'`],
      [{ creditCode: good.slice(0, 17), orgType: 'social_group' }, 'CREDIT_CODE_LENGTH', '您输入了17位'],
      [{ creditCode: good.slice(0, 9) + 'O' + good.slice(10), orgType: 'social_group' }, 'CREDIT_CODE_CHARSET', "第10位的'O'"],
      [{ creditCode: good, orgType: 'foundation' }, 'CREDIT_CODE_TYPE_MISMATCH', "第2位为'1'表示社会团体"],
      [{ creditCode: '914403001922038216', orgType: 'social_service_agency' }, 'CREDIT_CODE_TYPE_MISMATCH', '工商部门登记'],
    ];
    for (const [override, reason, zh] of cases) {
      const res = await d.admin.post('/api/v1/organisations', organisationForm(override)).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors[0]).toMatchObject({ field: 'creditCode', code: reason });
      expect(res.body.errors[0].zh).toContain(zh);
      expect(res.body.errors[0].en).toBeTruthy();
    }
    expect(await countOrganisations(d)).toBe(0);
  });

  it('a code already registered in the district is refused, and the same organisation may register in another district', async () => {
    const d = await openDistrict(t);
    const other = await openDistrict(t);
    const code = syntheticCreditCode('foundation');
    await d.admin.post('/api/v1/organisations', organisationForm({ creditCode: code, orgType: 'foundation' })).expect(201);
    const dup = await d.admin.post('/api/v1/organisations', organisationForm({ creditCode: code, orgType: 'foundation', name: '另一个名字基金会' })).expect(409);
    expect(dup.body.code).toBe('CREDIT_CODE_TAKEN');
    expect(dup.body.message['zh-CN']).toContain('统一社会信用代码');
    const publicDup = await t.http.post(`/api/v1/public/districts/${d.code}/organisation-registrations`)
      .send({ ...organisationForm({ creditCode: code, orgType: 'foundation' }), applicant: { name: '某人', phone: uniquePhone() } }).expect(409);
    expect(publicDup.body.code).toBe('CREDIT_CODE_TAKEN');
    expect(await countOrganisations(d)).toBe(1);
    const there = await other.admin.post('/api/v1/organisations', organisationForm({ creditCode: code, orgType: 'foundation' })).expect(201);
    expect(there.body.organisation.creditCode).toBe(code);
  });

  it('public registration accepts only the form: no status, no unknown fields, a real applicant phone', async () => {
    const d = await openDistrict(t);
    const base = { ...organisationForm(), applicant: { name: '申请人', phone: uniquePhone() } };
    const sneaky = await t.http.post(`/api/v1/public/districts/${d.code}/organisation-registrations`).send({ ...base, status: 'verified' }).expect(400);
    expect(sneaky.body.errors.map((e: { field: string }) => e.field)).toContain('status');
    const badPhone = await t.http.post(`/api/v1/public/districts/${d.code}/organisation-registrations`)
      .send({ ...base, applicant: { name: '申请人', phone: '12345' } }).expect(400);
    expect(badPhone.body.errors[0].field).toBe('applicant.phone');
    const future = await t.http.post(`/api/v1/public/districts/${d.code}/organisation-registrations`)
      .send({ ...base, registeredOn: '2099-01-01' }).expect(400);
    expect(future.body.errors[0]).toMatchObject({ field: 'registeredOn', code: 'DATE_IN_FUTURE' });
    await t.http.post('/api/v1/public/districts/999999/organisation-registrations').send(base).expect(404);
    // A phone already belonging to a member of the district: refused without saying whose it is, and nothing is kept.
    const taken = await t.http.post(`/api/v1/public/districts/${d.code}/organisation-registrations`)
      .send({ ...base, applicant: { name: '申请人', phone: d.adminPhone } }).expect(409);
    expect(taken.body.code).toBe('APPLICANT_ALREADY_MEMBER');
    expect(taken.body.detail).toBeUndefined();
    expect(await countOrganisations(d)).toBe(0);
  });

  it('illegal moves of the registration and the standing are 409 INVALID_STATE_TRANSITION naming the state', async () => {
    const d = await openDistrict(t);
    const draft = await d.admin.post('/api/v1/organisations', organisationForm()).expect(201);
    const id = draft.body.organisation.id;
    const early = await d.admin.post(`/api/v1/organisations/${id}/verify`, { version: 1 }).expect(409);
    expect(early.body).toMatchObject({ code: 'INVALID_STATE_TRANSITION', detail: { entity: 'organisation', action: 'verify', from: 'draft', allowedFrom: ['submitted'] } });
    expect(early.body.message['zh-CN']).toBe('当前状态为「草稿」，不能核验通过');
    await d.admin.post(`/api/v1/organisations/${id}/return`, { version: 1, reason: '资料不全' }).expect(409);
    await d.admin.post(`/api/v1/organisations/${id}/delist`, { version: 1, reason: '误操作' }).expect(409);

    const org = await createVerifiedOrganisation(t, d);
    const again = await d.admin.post(`/api/v1/organisations/${org.id}/submit`, { version: org.version }).expect(409);
    expect(again.body.detail).toMatchObject({ from: 'verified', action: 'submit' });
    const suspended = await d.admin.post(`/api/v1/organisations/${org.id}/suspend`, { version: org.version, reason: '年检未通过' }).expect(200);
    const blacklisted = await d.admin.post(`/api/v1/organisations/${org.id}/blacklist`, { version: suspended.body.version, reason: '虚假申报项目资金' }).expect(200);
    const wrongLift = await d.admin.post(`/api/v1/organisations/${org.id}/reinstate`, { version: blacklisted.body.version, reason: '整改完成' }).expect(409);
    expect(wrongLift.body.detail).toMatchObject({ entity: 'organisation standing', from: 'blacklisted', allowedFrom: ['suspended'] });
    const delisted = await d.admin.post(`/api/v1/organisations/${org.id}/delist`, { version: blacklisted.body.version, reason: '信用修复完成' }).expect(200);
    expect(delisted.body).toMatchObject({ standing: 'good', standingReason: null });
    const closed = await d.admin.post(`/api/v1/organisations/${org.id}/close`, { version: delisted.body.version, reason: '已注销登记' }).expect(200);
    const edit = await d.admin.patch(`/api/v1/organisations/${org.id}`, { version: closed.body.version, address: '新地址' }).expect(409);
    expect(edit.body.code).toBe('ORGANISATION_CLOSED');
    await d.admin.post(`/api/v1/organisations/${org.id}/close`, { version: closed.body.version, reason: '再次注销' }).expect(409);
    // Closing freed the code: the organisation can be registered again.
    await d.admin.post('/api/v1/organisations', organisationForm({ creditCode: org.creditCode })).expect(201);
    const history = await d.admin.get(`/api/v1/organisations/${org.id}/history`).expect(200);
    expect(history.body.items.slice(-4).map((h: { action: string }) => h.action)).toEqual(['suspend', 'blacklist', 'delist', 'close']);
  });

  it('two officials verifying the same record at once: one wins, the other gets 409 STALE_VERSION', async () => {
    const d = await openDistrict(t);
    const officerA = await addMember(t, d, ['programme_officer']);
    const officerB = await addMember(t, d, ['programme_officer']);
    const created = await d.admin.post('/api/v1/organisations', organisationForm()).expect(201);
    const id = created.body.organisation.id;
    await uploadDocument(t, d.admin, id, 'registration_certificate').expect(201);
    await uploadDocument(t, d.admin, id, 'charter').expect(201);
    const submitted = await d.admin.post(`/api/v1/organisations/${id}/submit`, { version: created.body.organisation.version }).expect(200);
    const [a, b] = await Promise.all([
      officerA.post(`/api/v1/organisations/${id}/verify`, { version: submitted.body.version, note: 'A 核验' }),
      officerB.post(`/api/v1/organisations/${id}/return`, { version: submitted.body.version, reason: 'B 认为材料不全' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.code).toBe('STALE_VERSION');
    const winner = a.status === 200 ? a : b;
    const now = await d.admin.get(`/api/v1/organisations/${id}`).expect(200);
    expect(now.body.status).toBe(winner.body.status);
    expect(now.body.version).toBe(submitted.body.version + 1);
    const history = await d.admin.get(`/api/v1/organisations/${id}/history`).expect(200);
    expect(history.body.items.filter((h: { action: string }) => h.action === 'verify' || h.action === 'return')).toHaveLength(1);
  });

  it("an organisation's people cannot see or change another organisation's record, in this district or another", async () => {
    const d = await openDistrict(t);
    const other = await openDistrict(t);
    const mineOrg = await createVerifiedOrganisation(t, d);
    const theirs = await createVerifiedOrganisation(t, d);
    const elsewhere = await createVerifiedOrganisation(t, other);
    const admin = await organisationMember(t, d, mineOrg.id);
    const staff = await organisationMember(t, d, mineOrg.id, ['org_staff']);
    const theirDocs = await d.admin.get(`/api/v1/attachments?ownerType=organisation&ownerId=${theirs.id}`).expect(200);

    for (const target of [theirs.id, elsewhere.id]) {
      for (const path of ['', '/history', '/qualifications', '/members', '/eligibility']) {
        const res = await admin.get(`/api/v1/organisations/${target}${path}`).expect(404);
        expect(res.body.code).toBe('ORGANISATION_NOT_FOUND');
      }
      await admin.patch(`/api/v1/organisations/${target}`, { version: 3, bankAccountNo: '6222000000000000' }).expect(404);
      await admin.post(`/api/v1/organisations/${target}/submit`, { version: 3 }).expect(404);
      await admin.post(`/api/v1/organisations/${target}/qualifications`, { serviceAreas: ['elderly'] }).expect(404);
      await admin.post(`/api/v1/organisations/${target}/members`, { name: '混进来', phone: uniquePhone(), roles: ['org_staff'] }).expect(404);
      await admin.get(`/api/v1/attachments?ownerType=organisation&ownerId=${target}`).expect(404);
      await uploadDocument(t, admin, target, 'other').expect(404);
    }
    await admin.get(`/api/v1/attachments/${theirDocs.body.items[0].id}/content`).expect(404);
    await admin.get('/api/v1/organisations').expect(403);
    await admin.get('/api/v1/organisations/export').expect(403);

    // Their own record is theirs to see, private fields included; staff see it but only admins change it.
    const own = await staff.get(`/api/v1/organisations/${mineOrg.id}`).expect(200);
    expect(own.body.bankAccount.accountNo).toBe('6217000012345678');
    const refused = await staff.patch(`/api/v1/organisations/${mineOrg.id}`, { version: own.body.version, contactName: '改名' }).expect(403);
    expect(refused.body.code).toBe('NOT_YOUR_ORGANISATION');
    // Other district roles do not read the registry at all.
    const reviewer = await addMember(t, d, ['reviewer']);
    await reviewer.get(`/api/v1/organisations/${mineOrg.id}`).expect(403);
    // The database agrees: nothing of the other record changed.
    const theirsNow = await d.admin.get(`/api/v1/organisations/${theirs.id}`).expect(200);
    expect(theirsNow.body.bankAccount.accountNo).toBe('6217000012345678');
    expect(theirsNow.body.version).toBe(theirs.version);
  });

  it('an organisation admin invites staff and social workers into their own organisation', async () => {
    const d = await openDistrict(t);
    const org = await createVerifiedOrganisation(t, d);
    const admin = await organisationMember(t, d, org.id);
    const phone = uniquePhone();
    const inv = await admin.post(`/api/v1/organisations/${org.id}/members`, { name: '吴社工', phone, roles: ['social_worker'], title: '一线社工' }).expect(201);
    expect(inv.body.member).toMatchObject({ organisationId: org.id, status: 'invited' });
    // The inviting organisation admin learns that an invitation went out, never its link.
    expect(inv.body.invitation).toEqual({ id: expect.any(String), expiresAt: expect.any(String), state: 'pending' });
    expect(JSON.stringify(inv.body)).not.toMatch(/token|accept#|[0-9a-f-]{36}\.[0-9a-f-]{36}\./);
    expect((await acceptInvitation(t, phone)).status).toBe(200);
    const worker = await login(t, phone, PASSWORD, d.code);
    const seen = await worker.get('/api/v1/organisations/mine').expect(200);
    expect(seen.body.id).toBe(org.id);
    await worker.post(`/api/v1/organisations/${org.id}/members`, { name: '某人', phone: uniquePhone(), roles: ['org_staff'] }).expect(403);
    const bad = await admin.post(`/api/v1/organisations/${org.id}/members`, { name: '某人', phone: uniquePhone(), roles: ['district_admin'] }).expect(400);
    expect(bad.body.errors[0].field).toBe('roles');
    const people = await admin.get(`/api/v1/organisations/${org.id}/members`).expect(200);
    expect(people.body.items.map((m: { name: string }) => m.name).sort()).toEqual(['吴社工', '成员']);
    // Searched on the server by name, so a picker finds a colleague in an organisation of any size.
    const found = await admin.get(`/api/v1/organisations/${org.id}/members?q=${encodeURIComponent('吴社')}&limit=5`).expect(200);
    expect(found.body.items.map((m: { name: string }) => m.name)).toEqual(['吴社工']);
    expect(found.body.total).toBe(1);
    expect((await admin.get(`/api/v1/organisations/${org.id}/members?q=`).expect(400)).body.errors[0].field).toBe('q');
    // The same person is already in the district: the foundation's one-membership rule applies.
    const dup = await admin.post(`/api/v1/organisations/${org.id}/members`, { name: '吴社工', phone, roles: ['org_staff'] }).expect(409);
    expect(dup.body.code).toBe('MEMBER_EXISTS');
  });

  it('an organisation admin re-sends invitations to their own staff, and to nobody else', async () => {
    const d = await openDistrict(t);
    const org = await createVerifiedOrganisation(t, d);
    const other = await createVerifiedOrganisation(t, d);
    const admin = await organisationMember(t, d, org.id);
    const otherAdmin = await organisationMember(t, d, other.id);
    const inv = await admin.post(`/api/v1/organisations/${org.id}/members`, { name: '待激活', phone: uniquePhone(), roles: ['org_staff'] }).expect(201);
    const memberId = inv.body.member.id;
    const resent = await admin.post(`/api/v1/members/${memberId}/invitations`).expect(201);
    expect(JSON.stringify(resent.body)).not.toMatch(/constraint/i);
    // Another organisation's admin, and any district person who is not the organisation's: as if the id did not exist.
    const foreign = await otherAdmin.post(`/api/v1/members/${memberId}/invitations`).expect(404);
    const reviewerInvite = await d.admin.post('/api/v1/members/invitations', { name: '评审', phone: uniquePhone(), roles: ['reviewer'] }).expect(201);
    const notStaff = await admin.post(`/api/v1/members/${reviewerInvite.body.member.id}/invitations`).expect(404);
    expect(notStaff.body.code).toBe(foreign.body.code);
    await d.admin.post(`/api/v1/members/${memberId}/invitations`).expect(201);
  });

  it('changes to verified core facts wait for the district; other profile changes apply at once', async () => {
    const d = await openDistrict(t);
    const org = await createVerifiedOrganisation(t, d, { name: '武侯区老名字服务中心' });
    const admin = await organisationMember(t, d, org.id);
    const contact = await admin.patch(`/api/v1/organisations/${org.id}`, { version: org.version, contactName: '新联系人' }).expect(200);
    expect(contact.body.contactName ?? contact.body.contact.name).toBe('新联系人');
    const asked = await admin.patch(`/api/v1/organisations/${org.id}`, { version: contact.body.version, name: '武侯区新名字服务中心', legalRepresentative: '李新' }).expect(200);
    expect(asked.body).toMatchObject({ name: '武侯区老名字服务中心', status: 'verified', pendingChange: { name: '武侯区新名字服务中心', legalRepresentative: '李新' } });
    const listed = await d.admin.get('/api/v1/organisations?q=老名字').expect(200);
    expect(listed.body.items[0].hasPendingChange).toBe(true);
    const approved = await d.admin.post(`/api/v1/organisations/${org.id}/changes/approve`, { version: asked.body.version }).expect(200);
    expect(approved.body).toMatchObject({ name: '武侯区新名字服务中心', legalRepresentative: '李新', pendingChange: null, status: 'verified' });
    await d.admin.post(`/api/v1/organisations/${org.id}/changes/approve`, { version: approved.body.version }).expect(409);
    const history = await admin.get(`/api/v1/organisations/${org.id}/history`).expect(200);
    expect(history.body.items.slice(-2).map((h: { action: string }) => h.action)).toEqual(['change_requested', 'change_approved']);
    // A code change is checked like a new registration.
    const wrong = await admin.patch(`/api/v1/organisations/${org.id}`, { version: approved.body.version, creditCode: syntheticCreditCode('foundation') }).expect(400);
    expect(wrong.body.errors[0].code).toBe('CREDIT_CODE_TYPE_MISMATCH');
  });

  it('grades, standing and qualifications decide eligibility, with the reasons, and a blacklisting counts at once', async () => {
    const d = await openDistrict(t);
    const org = await createVerifiedOrganisation(t, d, { overrides: { registeredOn: '2020-05-01', serviceAreas: ['elderly', 'youth'] } });
    const admin = await organisationMember(t, d, org.id);
    const graded = await d.admin.post(`/api/v1/organisations/${org.id}/grade`, { version: org.version, grade: 4, validFrom: '2024-01-01', validUntil: '2099-12-31' }).expect(200);
    expect(graded.body.grade).toMatchObject({ grade: 4, label: '4A', current: true });
    const badRange = await d.admin.post(`/api/v1/organisations/${org.id}/grade`, { version: graded.body.version, grade: 6, validFrom: '2024-01-01', validUntil: '2023-01-01' }).expect(400);
    expect(badRange.body.errors[0].field).toBe('grade');

    const applied = await admin.post(`/api/v1/organisations/${org.id}/qualifications`, { serviceAreas: ['elderly', 'youth'], statement: '已承接养老项目三年' }).expect(201);
    const twice = await admin.post(`/api/v1/organisations/${org.id}/qualifications`, { serviceAreas: ['youth'] }).expect(409);
    expect(twice.body.code).toBe('QUALIFICATION_PENDING');
    await admin.post(`/api/v1/organisation-qualifications/${applied.body.id}/approve`, { version: applied.body.version }).expect(403);
    const approved = await d.admin.post(`/api/v1/organisation-qualifications/${applied.body.id}/approve`,
      { version: applied.body.version, serviceAreas: ['elderly'], validFrom: '2025-01-01', validUntil: '2099-12-31' }).expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', inForce: true, effectiveStatus: 'in_force' });

    const ask = (qs: string) => admin.get(`/api/v1/organisations/${org.id}/eligibility?${qs}`).expect(200);
    expect((await ask('minGrade=3&minYearsRegistered=3&serviceArea=elderly&requireQualification=true')).body).toMatchObject({ eligible: true, reasons: [] });
    const no = await ask('minGrade=5&minYearsRegistered=10&serviceArea=youth&requireQualification=true');
    expect(no.body.eligible).toBe(false);
    expect(no.body.reasons.map((r: { code: string }) => r.code)).toEqual(['GRADE_TOO_LOW', 'REGISTERED_TOO_RECENTLY', 'NOT_QUALIFIED_FOR_AREA']);
    expect(no.body.reasons[1].zh).toBe('成立登记于2020-05-01，未满10年（2030-05-01满）');
    expect((await ask('serviceArea=assistance')).body.reasons[0].code).toBe('SERVICE_AREA_NOT_DECLARED');
    expect((await ask('minGrade=3&at=2100-01-01')).body.reasons[0].code).toBe('GRADE_EXPIRED');

    // Other modules call the service directly, inside their own transaction in the district.
    const runner = t.app.get(TenantTransactionRunner);
    const eligibility = t.app.get(OrganisationEligibilityService);
    const direct = () => runner.run({ tenantId: d.tenantId }, () => eligibility.check(org.id, { minGrade: 3, serviceArea: 'elderly', requireQualification: true }));
    expect((await direct()).eligible).toBe(true);
    const current = await d.admin.get(`/api/v1/organisations/${org.id}`).expect(200);
    await d.admin.post(`/api/v1/organisations/${org.id}/blacklist`, { version: current.body.version, reason: '骗取财政资金' }).expect(200);
    const after = await direct();
    expect(after).toMatchObject({ eligible: false, organisation: { standing: 'blacklisted' } });
    expect(after.reasons[0]).toEqual({ code: 'BLACKLISTED', zh: '已被列入严重违法失信名单', en: 'On the list of seriously untrustworthy organisations' });
    const seen = await admin.get(`/api/v1/organisations/${org.id}`).expect(200);
    expect(seen.body).toMatchObject({ standing: 'blacklisted', standingReason: '骗取财政资金' });
    const blocked = await admin.post(`/api/v1/organisations/${org.id}/qualifications`, { serviceAreas: ['youth'] }).expect(409);
    expect(blocked.body.code).toBe('ORGANISATION_NOT_IN_GOOD_STANDING');
  });

  it('the public directory lists only approved, in-force qualifications of organisations in good standing, without private fields', async () => {
    const d = await openDistrict(t);
    const other = await openDistrict(t);
    const approve = async (orgId: string, body: Record<string, unknown> = {}) => {
      const a = await d.admin.post(`/api/v1/organisations/${orgId}/qualifications`, { serviceAreas: ['elderly', 'disability'] }).expect(201);
      return d.admin.post(`/api/v1/organisation-qualifications/${a.body.id}/approve`, { version: a.body.version, validFrom: '2025-01-01', ...body }).expect(200);
    };
    const shown = await createVerifiedOrganisation(t, d, { name: '甲 合格社工中心' });
    const graded = await d.admin.post(`/api/v1/organisations/${shown.id}/grade`, { version: shown.version, grade: 5, validFrom: '2025-01-01', validUntil: '2099-12-31' }).expect(200);
    await approve(shown.id, { validUntil: '2099-12-31' });
    const expired = await createVerifiedOrganisation(t, d, { name: '乙 已过期中心' });
    const q = await approve(expired.id);
    await d.admin.post(`/api/v1/organisation-qualifications/${q.body.id}/expire`, { version: q.body.version, on: '2025-06-30', reason: '服务期满' }).expect(200);
    const blacklisted = await createVerifiedOrganisation(t, d, { name: '丙 失信中心' });
    await approve(blacklisted.id);
    await d.admin.post(`/api/v1/organisations/${blacklisted.id}/blacklist`, { version: blacklisted.version, reason: '严重违法失信' }).expect(200);
    const pending = await createVerifiedOrganisation(t, d, { name: '丁 待审核中心' });
    await d.admin.post(`/api/v1/organisations/${pending.id}/qualifications`, { serviceAreas: ['elderly'] }).expect(201);
    const rejected = await createVerifiedOrganisation(t, d, { name: '戊 未通过中心' });
    const r = await d.admin.post(`/api/v1/organisations/${rejected.id}/qualifications`, { serviceAreas: ['elderly'] }).expect(201);
    await d.admin.post(`/api/v1/organisation-qualifications/${r.body.id}/reject`, { version: r.body.version, reason: '无相关服务经验' }).expect(200);
    const future = await createVerifiedOrganisation(t, d, { name: '己 未生效中心' });
    await approve(future.id, { validFrom: '2099-01-01' });
    const suspended = await createVerifiedOrganisation(t, d, { name: '庚 暂停中心' });
    await approve(suspended.id);
    await d.admin.post(`/api/v1/organisations/${suspended.id}/suspend`, { version: suspended.version, reason: '配合调查' }).expect(200);
    const elsewhere = await createVerifiedOrganisation(t, other, { name: '辛 外区中心' });
    const oq = await other.admin.post(`/api/v1/organisations/${elsewhere.id}/qualifications`, { serviceAreas: ['elderly'] }).expect(201);
    await other.admin.post(`/api/v1/organisation-qualifications/${oq.body.id}/approve`, { version: oq.body.version }).expect(200);

    const dir = await t.http.get(`/api/v1/public/districts/${d.code}/qualified-organisations`).expect(200);
    expect(dir.body.total).toBe(1);
    expect(dir.body.district).toEqual({ code: d.code, name: d.name });
    expect(dir.body.items).toEqual([{
      name: '甲 合格社工中心',
      creditCode: shown.creditCode,
      orgType: 'social_service_agency',
      orgTypeLabel: { zh: '社会服务机构', en: 'Social service agency' },
      grade: { grade: 5, label: '5A', validUntil: '2099-12-31' },
      qualifiedAreas: [{ code: 'disability', zh: '助残服务', en: 'Disability support' }, { code: 'elderly', zh: '养老服务', en: 'Elderly care' }],
      qualifications: [{
        serviceAreas: [{ code: 'elderly', zh: '养老服务', en: 'Elderly care' }, { code: 'disability', zh: '助残服务', en: 'Disability support' }],
        validFrom: '2025-01-01', validUntil: '2099-12-31',
      }],
    }]);
    const text = JSON.stringify(dir.body);
    for (const secret of ['6217000012345678', '028-85001234', 'contact@example.org', '测试路', '张法人', shown.id, graded.body.id]) expect(text).not.toContain(secret);
    const filtered = await t.http.get(`/api/v1/public/districts/${d.code}/qualified-organisations?serviceArea=youth`).expect(200);
    expect(filtered.body.total).toBe(0);
    const otherDir = await t.http.get(`/api/v1/public/districts/${other.code}/qualified-organisations`).expect(200);
    expect(otherDir.body.items.map((o: { name: string }) => o.name)).toEqual(['辛 外区中心']);
  });

  it('officials search and filter the registry with paging, and export the filtered rows to Excel', async () => {
    const d = await openDistrict(t);
    const street = await d.admin.post('/api/v1/places', { parentId: d.rootPlaceId, kind: 'street', name: '玉林街道' }).expect(201);
    const community = await d.admin.post('/api/v1/places', { parentId: street.body.id, kind: 'community', name: '玉林北路社区' }).expect(201);
    const a = await createVerifiedOrganisation(t, d, { name: '玉林A养老服务中心', overrides: { serviceAreas: ['elderly'], placeId: community.body.id } });
    await createVerifiedOrganisation(t, d, { name: '玉林B青少年服务中心', overrides: { serviceAreas: ['youth'], placeId: community.body.id } });
    await createVerifiedOrganisation(t, d, { name: '玉林C慈善基金会', orgType: 'foundation', overrides: { serviceAreas: ['elderly', 'assistance'] } });
    await d.admin.post('/api/v1/organisations', organisationForm({ name: '玉林D草稿协会', orgType: 'social_group', serviceAreas: ['elderly'] })).expect(201);
    await d.admin.post(`/api/v1/organisations/${a.id}/grade`, { version: a.version, grade: 3, validFrom: '2025-01-01', validUntil: '2099-12-31' }).expect(200);

    const all = await d.admin.get('/api/v1/organisations?limit=2').expect(200);
    expect(all.body.total).toBe(4);
    expect(all.body.counts).toMatchObject({ draft: 1, verified: 3, submitted: 0 });
    const page2 = await d.admin.get(`/api/v1/organisations?limit=2&cursor=${all.body.nextCursor}`).expect(200);
    expect([...all.body.items, ...page2.body.items].map((o: { name: string }) => o.name)).toEqual(
      ['玉林A养老服务中心', '玉林B青少年服务中心', '玉林C慈善基金会', '玉林D草稿协会']);
    expect(page2.body.nextCursor).toBeNull();

    const names = async (qs: string) => (await d.admin.get(`/api/v1/organisations?${qs}`).expect(200)).body.items.map((o: { name: string }) => o.name);
    expect(await names('serviceArea=elderly&status=verified')).toEqual(['玉林A养老服务中心', '玉林C慈善基金会']);
    expect(await names('orgType=foundation')).toEqual(['玉林C慈善基金会']);
    expect(await names('grade=3')).toEqual(['玉林A养老服务中心']);
    expect(await names(`placeId=${street.body.id}`)).toEqual(['玉林A养老服务中心', '玉林B青少年服务中心']);
    expect(await names(`q=${encodeURIComponent(a.creditCode.slice(4, 14).toLowerCase())}`)).toEqual(['玉林A养老服务中心']);
    expect(await names('q=' + encodeURIComponent('青少年'))).toEqual(['玉林B青少年服务中心']);
    expect(await names('standing=blacklisted')).toEqual([]);
    await d.admin.get('/api/v1/organisations?grade=7').expect(400);

    const officer = await addMember(t, d, ['finance_officer']);
    const res = await officer.get('/api/v1/organisations/export?serviceArea=elderly&status=verified').buffer(true)
      .parse((r, cb) => { const chunks: Buffer[] = []; r.on('data', (c: Buffer) => chunks.push(c)); r.on('end', () => cb(null, Buffer.concat(chunks))); })
      .expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(res.headers['content-disposition'])).toContain('社会组织名录');
    const wb = new Workbook();
    // Read back as a spreadsheet program would: from the bytes alone.
    await wb.xlsx.load(Uint8Array.from(res.body as Buffer).buffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('社会组织名录');
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 5)).toEqual(['序号', '组织名称', '统一社会信用代码', '组织类型', '登记管理机关']);
    expect(header).not.toContain('银行账号');
    expect(ws.rowCount).toBe(3);
    const row2 = (ws.getRow(2).values as unknown[]).slice(1);
    expect(row2.slice(0, 4)).toEqual([1, '玉林A养老服务中心', a.creditCode, '社会服务机构']);
    expect(row2).toContain('3A');
    expect(row2).toContain('玉林北路社区');
    expect((ws.getRow(3).values as unknown[])[2]).toBe('玉林C慈善基金会');
  });
});
