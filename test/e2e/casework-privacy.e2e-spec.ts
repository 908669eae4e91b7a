import { execFile } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Client } from 'pg';
import { shanghaiDay } from '@sanshe/common';
import { Session, TestApp, addMember, eventually, ownerClient, startTestApp, testConfig } from '../support/test-app';
import { ProjectWorld, projectWorld } from '../support/projects';
import { residentId } from '../support/casework';

/** Service records must fall within the case, which the tests open today; read per call so a run over midnight still agrees. */
const today = () => shanghaiDay(new Date());

/**
 * Issue 11's casework gaps: a dump says nothing about who is helped, a referral hands the person over with only what
 * was consented, a field-key rotation leaves nothing under the old key, and the master key can be replaced.
 */
type Member = Session & { memberId: string; phone: string };

async function ownerIn(tenantId: string): Promise<Client> {
  const owner = await ownerClient();
  await owner.query(`SELECT set_config('app.tenant_id', $1, false)`, [tenantId]);
  return owner;
}

/**
 * Every row of every table of the district, read by the schema owner: `text` whole rows (bytea as hex), `words` only
 * the text, json and array columns with random identifiers blanked — where short digit fragments can be looked for
 * without matching random hex, uuids or microseconds by chance.
 */
async function dumpDistrict(tenantId: string): Promise<{ text: string; words: string; rows: number }> {
  const owner = await ownerIn(tenantId);
  try {
    const tables = await owner.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
    let rows = 0;
    const parts: string[] = [];
    const words: string[] = [];
    for (const { table_name } of tables.rows) {
      const dump = await owner.query(`SELECT t::text AS row FROM ${table_name} t`);
      rows += dump.rowCount ?? 0;
      parts.push(...dump.rows.map((r: { row: string }) => `${table_name}: ${r.row}`));
      const cols = await owner.query(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1
            AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')`, [table_name]);
      if (!cols.rowCount) continue;
      const w = await owner.query(`SELECT concat_ws(' | ', ${cols.rows.map((c: { column_name: string }) => `"${c.column_name}"::text`).join(', ')}) AS row FROM ${table_name}`);
      words.push(...w.rows.map((r: { row: string }) => `${table_name}: ${r.row}`));
    }
    // Random identifiers inside json (ids in audit and outbox payloads, key ids, hashes) hold five-digit runs by chance
    // (a uuid has ~2.7 all-digit windows of five), so they are blanked before fragments are looked for; they cannot
    // carry a person's data.
    const random = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\b[0-9a-f]{16,}\b|[A-Za-z0-9_-]{32,}/gi;
    return { text: parts.join('\n'), words: words.join('\n').replace(random, '·'), rows };
  } finally {
    await owner.end();
  }
}

/** Every ciphertext column in the schema, with the key id of each stored value. */
async function ciphertextKeyIds(tenantId: string): Promise<Array<{ col: string; key: string }>> {
  const owner = await ownerIn(tenantId);
  try {
    const cols = await owner.query(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND data_type = 'bytea' AND column_name LIKE '%\\_enc'`);
    const out: Array<{ col: string; key: string }> = [];
    for (const { table_name, column_name } of cols.rows) {
      const r = await owner.query(`SELECT encode(substring(${column_name} from 2 for 16), 'hex') AS key FROM ${table_name} WHERE ${column_name} IS NOT NULL`);
      out.push(...r.rows.map((x: { key: string }) => ({ col: `${table_name}.${column_name}`, key: x.key })));
    }
    return out;
  } finally {
    await owner.end();
  }
}

interface World {
  pw: ProjectWorld;
  workerA: Member;
  adminA: Member;
  adminB: Member;
}

/** The pieces of a person's ID number and phone the dump test looks for: any of them in a dump is a leak. */
function identityFragments(idNumber: string, phone: string): string[] {
  const fragments = [phone.slice(3), phone.slice(0, 7)];
  // Every 5-character piece that reaches past the division code (the birth date, sequence and check character).
  for (let i = 2; i + 5 <= idNumber.length; i += 1) fragments.push(idNumber.slice(i, i + 5));
  return fragments;
}

/**
 * Registers a person. With `unlike` (a dump taken before), their ID number and phone are drawn again until none of
 * their pieces already stands in it: five random digits occur by chance among the worker database's other phone
 * numbers and counters (a loaded run found '42371' there), which says nothing about this person's data.
 */
async function register(w: World, extra: Record<string, unknown> = {}, unlike?: string) {
  let idNumber: string;
  let phone: string;
  do {
    // Born in a division whose province code no test district uses, so the code itself cannot match a district's.
    idNumber = residentId({ division: '130102' });
    phone = `139${String(randomInt(0, 1e8)).padStart(8, '0')}`;
  } while (unlike !== undefined && identityFragments(idNumber, phone).some((f) => unlike.includes(f)));
  const name = `欧阳${String.fromCharCode(0x4e00 + randomInt(0, 2000))}${String.fromCharCode(0x4e00 + randomInt(0, 2000))}`;
  const res = await w.workerA.post('/api/v1/casework/beneficiaries', {
    name, idNumber, phone, address: '玉林北路17号附5号', communityId: w.pw.communityId, household: '与孙子同住的家庭情况',
    vulnerabilityTags: ['domestic_violence', 'serious_illness'], vulnerabilityNotes: '慢阻肺病史说明', notes: '备注喜欢川剧',
    ...extra,
  }).expect(201);
  return { id: res.body.beneficiary.id as string, idNumber, phone, name };
}

async function consent(s: Session, beneficiaryId: string, purpose: string, extra: Record<string, unknown> = {}) {
  await s.post(`/api/v1/casework/beneficiaries/${beneficiaryId}/consents`, { purpose, formVersion: '2026版', givenOn: '2026-01-05', givenBy: 'self', ...extra }).expect(201);
}

async function openAcceptedCase(w: World, beneficiaryId: string, problem: string) {
  await consent(w.workerA, beneficiaryId, 'service');
  const c = await w.workerA.post('/api/v1/casework/cases', { beneficiaryId, source: 'outreach', presentingProblem: problem }).expect(201);
  await w.workerA.post(`/api/v1/casework/cases/${c.body.id}/intake/accept`, { version: c.body.version }).expect(200);
  return c.body.id as string;
}

describe('casework privacy, referral hand-over and key rotation', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp();
    const pw = await projectWorld(t);
    w = {
      pw,
      workerA: await addMember(t, pw.d, ['social_worker'], { organisationId: pw.orgA, name: '甲社工' }),
      adminA: await addMember(t, pw.d, ['org_admin'], { organisationId: pw.orgA, name: '甲管理员' }),
      adminB: await addMember(t, pw.d, ['org_admin'], { organisationId: pw.orgB, name: '乙管理员' }),
    };
  }, 180_000);
  afterAll(async () => { await t.close(); });

  describe('referral hand-over', () => {
    it('accepting a referral opens a case on the receiving side holding only the consented fields, and notifies its admin', async () => {
      const b = await register(w);
      const caseId = await openAcceptedCase(w, b.id, '转出方的问题描述：需要康复');
      await consent(w.workerA, b.id, 'referral', { scope: ['name', 'id_number', 'community', 'presenting_problem'] });
      const ref = await w.workerA.post(`/api/v1/casework/cases/${caseId}/referrals`, {
        toOrganisationId: w.pw.orgB, reason: '需要专业康复服务', sharedFields: ['name', 'id_number', 'community', 'presenting_problem'],
      }).expect(201);

      const note = await eventually(async () => {
        const n = await w.adminB.get('/api/v1/notifications').expect(200);
        return n.body.items.find((x: { data: { referralId?: string } }) => x.data.referralId === ref.body.id);
      }, 60_000, 'the referral notification');
      expect(note.kind).toBe('casework.referral.created');
      expect(JSON.stringify(note)).not.toContain(b.name);

      const accepted = await w.adminB.post(`/api/v1/casework/referrals/${ref.body.id}/decision`, { decision: 'accept' }).expect(200);
      expect(accepted.body).toMatchObject({ status: 'accepted', handover: 'opened', receivedCaseId: expect.any(String) });
      const received = await w.adminB.get(`/api/v1/casework/cases/${accepted.body.receivedCaseId}`).expect(200);
      expect(received.body).toMatchObject({ status: 'intake', source: 'referral' });
      expect(received.body.beneficiary).toMatchObject({ name: b.name, community: { id: w.pw.communityId } });
      const person = await w.adminB.get(`/api/v1/casework/beneficiaries/${received.body.beneficiary.id}`).expect(200);
      // Phone, address, household, tags and notes were not consented: the receiving record has none of them.
      expect(person.body).toMatchObject({ phone: null, hasAddress: false, hasHousehold: false, hasNotes: false, vulnerabilityTags: [] });
      const revealed = await w.adminB.post(`/api/v1/casework/beneficiaries/${person.body.id}/reveal`, { field: 'id_number', reason: '接收转介核对身份' }).expect(200);
      expect(revealed.body.value).toBe(b.idNumber);

      // The sender sees the outcome, not the receiver's case.
      const seen = await w.workerA.get(`/api/v1/casework/referrals/${ref.body.id}`).expect(200);
      expect(seen.body).toMatchObject({ status: 'accepted', handover: 'opened' });
      expect(seen.body.receivedCaseId).toBeUndefined();
      await eventually(async () => {
        const n = await w.workerA.get('/api/v1/notifications').expect(200);
        return n.body.items.find((x: { kind: string; data: { referralId?: string } }) => x.kind === 'casework.referral.decided' && x.data.referralId === ref.body.id);
      }, 60_000, 'the decision notification');
    }, 120_000);

    it('a person the receiver already serves is linked, not duplicated; without the ID number shared, the receiver must enter it', async () => {
      const b = await register(w);
      const known = await w.adminB.post('/api/v1/casework/beneficiaries', { name: b.name, idNumber: b.idNumber }).expect(201);
      const caseId = await openAcceptedCase(w, b.id, '需要转介的问题');
      await consent(w.workerA, b.id, 'referral', { scope: ['name'] });
      const ref = await w.workerA.post(`/api/v1/casework/cases/${caseId}/referrals`, { toOrganisationId: w.pw.orgB, reason: '就近服务', sharedFields: ['name'] }).expect(201);
      const refused = await w.adminB.post(`/api/v1/casework/referrals/${ref.body.id}/decision`, { decision: 'accept' }).expect(400);
      expect(refused.body).toMatchObject({ code: 'REFERRAL_IDENTITY_REQUIRED', detail: { missing: ['idNumber'] } });
      expect((await w.adminB.get(`/api/v1/casework/referrals/${ref.body.id}`).expect(200)).body.status).toBe('pending');
      const accepted = await w.adminB.post(`/api/v1/casework/referrals/${ref.body.id}/decision`, { decision: 'accept', idNumber: b.idNumber }).expect(200);
      const received = await w.adminB.get(`/api/v1/casework/cases/${accepted.body.receivedCaseId}`).expect(200);
      expect(received.body.beneficiary.id).toBe(known.body.beneficiary.id);
    }, 120_000);

    it('a referral is refused without the referral consent, and beyond its scope', async () => {
      const b = await register(w);
      const caseId = await openAcceptedCase(w, b.id, '问题');
      const none = await w.workerA.post(`/api/v1/casework/cases/${caseId}/referrals`, { toOrganisationId: w.pw.orgB, reason: '转介', sharedFields: ['name'] }).expect(409);
      expect(none.body).toMatchObject({ code: 'CONSENT_REQUIRED', detail: { purpose: 'referral' } });
      await consent(w.workerA, b.id, 'referral', { scope: ['name'] });
      const beyond = await w.workerA.post(`/api/v1/casework/cases/${caseId}/referrals`, { toOrganisationId: w.pw.orgB, reason: '转介', sharedFields: ['name', 'phone'] }).expect(409);
      expect(beyond.body).toMatchObject({ code: 'CONSENT_SCOPE', detail: { notConsented: ['phone'] } });
    }, 60_000);
  });

  describe('what a dump shows', () => {
    it('after a casework journey over HTTP, no table holds the name, any 5+ character piece of the ID number, phone, address, notes, tags, reveal reasons or the bank account', async () => {
      const b = await register(w, {}, (await dumpDistrict(w.pw.d.tenantId)).words);
      const caseId = await openAcceptedCase(w, b.id, '问题描述秘密甲乙丙');
      await w.workerA.post(`/api/v1/casework/cases/${caseId}/service-records`, {
        serviceDate: today(), durationMinutes: 45, mode: 'home_visit', content: '服务记录内容丁戊己', place: '服务对象家中客厅',
      }).expect(201);
      const reason = '需要电话联系安排复诊庚辛';
      await w.workerA.post(`/api/v1/casework/beneficiaries/${b.id}/reveal`, { field: 'phone', reason }).expect(200);
      await consent(w.workerA, b.id, 'referral', { scope: ['name', 'phone', 'id_number', 'address', 'vulnerability_tags'] });
      const ref = await w.workerA.post(`/api/v1/casework/cases/${caseId}/referrals`, {
        toOrganisationId: w.pw.orgB, reason: '转介理由壬癸', sharedFields: ['name', 'phone', 'id_number', 'address', 'vulnerability_tags'],
      }).expect(201);
      await w.adminB.post(`/api/v1/casework/referrals/${ref.body.id}/decision`, { decision: 'accept' }).expect(200);

      // Lists and search still work: masks at display, names by exact blind index and by part.
      const byPart = await w.workerA.get(`/api/v1/casework/beneficiaries?q=${encodeURIComponent(b.name.slice(1))}`).expect(200);
      expect(byPart.body.items).toEqual([expect.objectContaining({
        id: b.id, name: b.name, gender: 'male', birthYear: Number(b.idNumber.slice(6, 10)),
        idNumber: `${b.idNumber.slice(0, 4)}**********${b.idNumber.slice(-4)}`, phone: `${b.phone.slice(0, 3)}****${b.phone.slice(7)}`,
      })]);
      const exact = await w.workerA.get(`/api/v1/casework/beneficiaries?name=${encodeURIComponent(` ${b.name} `)}`).expect(200);
      expect(exact.body.items.map((i: { id: string }) => i.id)).toEqual([b.id]);
      const log = await w.adminA.get(`/api/v1/casework/access-log?beneficiaryId=${b.id}&action=reveal`).expect(200);
      expect(log.body.items[0]).toMatchObject({ reason, beneficiary: { name: b.name } });
      // Officials' counts still see the tags.
      const agg = await w.pw.d.admin.get('/api/v1/casework/aggregates').expect(200);
      expect(agg.body.district.vulnerabilityTags.domestic_violence.people).toBeDefined();

      const { text, words, rows } = await dumpDistrict(w.pw.d.tenantId);
      expect(rows).toBeGreaterThan(50);
      expect(text).toMatch(/beneficiaries: .*\\x01/); // the ciphertext rows are there
      const whole = [b.name, b.name.slice(1), b.phone, b.idNumber, '玉林北路17号', '与孙子同住', '慢阻肺', '喜欢川剧',
        '秘密甲乙丙', '内容丁戊己', '复诊庚辛', '理由壬癸', '6217000012345678'];
      const fragments = [...identityFragments(b.idNumber, b.phone), '000012345678'];
      const leaks = [
        ...whole.filter((s) => text.includes(s) || text.includes(Buffer.from(s).toString('hex'))),
        ...fragments.filter((s) => words.includes(s)),
      ];
      // Tags appear only as per-community counts (casework_tag_counts), never next to a person.
      const tagLeaks = words.split('\n').filter((l) => !l.startsWith('casework_tag_counts:') && /domestic_violence|serious_illness/.test(l));
      expect({ leaks, tagLeaks }).toEqual({ leaks: [], tagLeaks: [] });
      const owner = await ownerIn(w.pw.d.tenantId);
      try {
        const legacy = await owner.query(
          `SELECT name, gender, birth_year, id_number_masked, phone_masked, cardinality(vulnerability_tag_hashes) AS tags FROM beneficiaries WHERE id = $1`, [b.id]);
        expect(legacy.rows[0]).toEqual({ name: null, gender: null, birth_year: null, id_number_masked: null, phone_masked: null, tags: 0 });
      } finally {
        await owner.end();
      }
    }, 180_000);
  });

  describe('values stored in clear by older versions', () => {
    it('protect-personal-data (run by npm start) encrypts them with the district keys, rebuilds the tag counts and is idempotent', async () => {
      const b = await register(w);
      const cli = path.join(__dirname, '..', '..', 'dist', 'src', 'cli.js');
      const protect = () => promisify(execFile)('node', [cli, 'protect-personal-data'], {
        env: { ...process.env, NODE_ENV: 'test', JWT_SECRET: 'test-secret-that-is-long-enough-0123456789', MASTER_KEY: testConfig().masterKey, LOG_LEVEL: 'warn' },
        timeout: 120_000,
      });
      const owner = await ownerIn(w.pw.d.tenantId);
      try {
        // Make the rows look as the previous version left them: clear name, masks, per-person tag indexes, clear
        // reveal reason and bank account, and no tag counts.
        await owner.query(
          `UPDATE beneficiaries SET name = $2, name_enc = NULL, name_hash = NULL, gender = 'male', birth_year = 1950,
                  id_number_masked = '1301**********0000', phone_masked = '139****0000', vulnerability_tag_hashes = ARRAY[decode(repeat('ab', 32), 'hex')]
            WHERE id = $1`, [b.id, '旧版明文姓名']);
        await owner.query(`DELETE FROM casework_tag_counts`);
        const [{ membership_id: mid, user_id: uid }] = (await owner.query(
          `SELECT id AS membership_id, user_id FROM memberships WHERE organisation_id = $1 LIMIT 1`, [w.pw.orgA])).rows;
        await owner.query(
          `INSERT INTO pii_access_log (tenant_id, organisation_id, actor_user_id, actor_membership_id, action, subject_type, subject_id, beneficiary_id, field, reason)
           VALUES ($1, $2, $3, $4, 'reveal', 'beneficiary', $5, $5, 'phone', '旧版明文理由')`, [w.pw.d.tenantId, w.pw.orgA, uid, mid, b.id]);
        await owner.query(`UPDATE organisations SET bank_account_no = '6217000099998888', bank_account_no_enc = NULL WHERE id = $1`, [w.pw.orgA]);

        await protect();
        await protect();

        const row = (await owner.query(
          `SELECT name, gender, birth_year, id_number_masked, phone_masked, cardinality(vulnerability_tag_hashes) AS tags, name_enc IS NOT NULL AS enc
             FROM beneficiaries WHERE id = $1`, [b.id])).rows[0];
        expect(row).toEqual({ name: null, gender: null, birth_year: null, id_number_masked: null, phone_masked: null, tags: 0, enc: true });
        const clear = await owner.query(
          `SELECT (SELECT count(*) FROM pii_access_log WHERE reason IS NOT NULL)::int AS reasons,
                  (SELECT count(*) FROM organisations WHERE bank_account_no IS NOT NULL)::int AS accounts`);
        expect(clear.rows[0]).toEqual({ reasons: 0, accounts: 0 });
      } finally {
        await owner.end();
      }
      const found = await w.workerA.get(`/api/v1/casework/beneficiaries?name=${encodeURIComponent('旧版明文姓名')}`).expect(200);
      expect(found.body.items.map((i: { id: string }) => i.id)).toEqual([b.id]);
      const log = await w.adminA.get(`/api/v1/casework/access-log?beneficiaryId=${b.id}&action=reveal`).expect(200);
      expect(log.body.items.map((i: { reason: string }) => i.reason)).toContain('旧版明文理由');
      const org = await w.pw.d.admin.get(`/api/v1/organisations/${w.pw.orgA}`).expect(200);
      expect(org.body.bankAccount.accountNo).toBe('6217000099998888');
      const agg = await w.pw.d.admin.get('/api/v1/casework/aggregates').expect(200);
      expect(agg.body.district.vulnerabilityTags.domestic_violence.people).not.toBe(0);
      await w.pw.d.admin.patch(`/api/v1/organisations/${w.pw.orgA}`, { bankAccountNo: '6217000012345678', version: org.body.version }).expect(200);
    }, 240_000);
  });

  describe('key rotation', () => {
    it('after a district field-key rotation the job leaves no value under the old key and every value stays readable', async () => {
      const people = [await register(w), await register(w)];
      const caseId = await openAcceptedCase(w, people[0].id, '轮换前写入的问题');
      await w.workerA.post(`/api/v1/casework/beneficiaries/${people[1].id}/reveal`, { field: 'address', reason: '轮换前的查看理由' }).expect(200);
      const before = await ciphertextKeyIds(w.pw.d.tenantId);
      const oldKeys = new Set(before.map((x) => x.key));
      expect(before.length).toBeGreaterThan(20);

      const started = await w.pw.d.admin.post('/api/v1/data-keys/field/rotate').expect(202);
      expect(started.body).toMatchObject({ status: 'running', total: before.length });
      const done = await eventually(async () => {
        const p = await w.pw.d.admin.get(`/api/v1/data-keys/rotations/${started.body.id}`).expect(200);
        return p.body.status === 'done' ? p.body : undefined;
      }, 120_000, 'the re-encryption job');
      expect(done.done).toBe(before.length);

      const after = await ciphertextKeyIds(w.pw.d.tenantId);
      const target = started.body.targetKeyId.replace(/-/g, '');
      expect(after.length).toBe(before.length);
      expect(after.filter((x) => x.key !== target)).toEqual([]);
      expect(oldKeys.has(target)).toBe(false);

      // Every kind of value still decrypts: lists, case file, access log, organisation bank account.
      const list = await w.workerA.get('/api/v1/casework/beneficiaries?limit=100').expect(200);
      expect(list.body.items.map((i: { name: string }) => i.name)).toEqual(expect.arrayContaining(people.map((p) => p.name)));
      for (const p of people) {
        const r = await w.workerA.post(`/api/v1/casework/beneficiaries/${p.id}/reveal`, { field: 'id_number', reason: '轮换后核对' }).expect(200);
        expect(r.body.value).toBe(p.idNumber);
      }
      const file = await w.workerA.get(`/api/v1/casework/cases/${caseId}`).expect(200);
      expect(file.body.presentingProblem).toBe('轮换前写入的问题');
      const log = await w.adminA.get(`/api/v1/casework/access-log?beneficiaryId=${people[1].id}&action=reveal`).expect(200);
      expect(log.body.items.map((i: { reason: string }) => i.reason)).toContain('轮换前的查看理由');
      const org = await w.pw.d.admin.get(`/api/v1/organisations/${w.pw.orgA}`).expect(200);
      expect(org.body.bankAccount.accountNo).toBe('6217000012345678');
    }, 240_000);

    it('the master key is replaced by the CLI: data keys are re-wrapped, the data stays readable under the new key only', async () => {
      const b = await register(w);
      const oldKey = testConfig().masterKey!;
      const newKey = randomBytes(32).toString('base64');
      const cli = path.join(__dirname, '..', '..', 'dist', 'src', 'cli.js');
      const run = (from: string, to: string) => promisify(execFile)('node', [cli, 'rotate-master-key'], {
        env: { ...process.env, NODE_ENV: 'test', JWT_SECRET: 'test-secret-that-is-long-enough-0123456789', OLD_MASTER_KEY: from, NEW_MASTER_KEY: to, LOG_LEVEL: 'warn' },
        timeout: 120_000,
      });
      await run(oldKey, newKey);
      try {
        const underNew = await startTestApp({ masterKey: newKey });
        try {
          const fresh = await underNew.http.post(`/api/v1/casework/beneficiaries/${b.id}/reveal`)
            .set('Authorization', `Bearer ${w.workerA.accessToken}`).send({ field: 'phone', reason: '换主密钥后核对' });
          expect(fresh.status).toBe(200);
          expect(fresh.body.value).toBe(b.phone);
        } finally {
          await underNew.close();
        }
        // The old master key no longer opens anything (the running app has the keys cached, so ask a fresh one).
        const underOld = await startTestApp({ masterKey: oldKey });
        try {
          const stale = await underOld.http.post(`/api/v1/casework/beneficiaries/${b.id}/reveal`)
            .set('Authorization', `Bearer ${w.workerA.accessToken}`).send({ field: 'phone', reason: '旧主密钥尝试' });
          expect(stale.status).toBe(503);
          expect(stale.body.code).toBe('CRYPTO_KEY_UNAVAILABLE');
        } finally {
          await underOld.close();
        }
      } finally {
        // Put the test key back for the other files sharing this database; a second run of the same direction is a no-op.
        await run(newKey, oldKey);
        await run(newKey, oldKey);
      }
    }, 300_000);
  });
});
