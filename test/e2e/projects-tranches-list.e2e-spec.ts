import { randomUUID } from 'node:crypto';
import { ProjectWorld, fundedProject, projectWorld } from '../support/projects';
import { Session, TestApp, startTestApp } from '../support/test-app';

jest.setTimeout(180_000);

interface Check { type: string; met: boolean; zh: string; en: string }
interface Row {
  id: string; seq: number; name: string; percent: number; amountFen: string; status: string; releasedAt: string | null;
  checks: Check[]; ready: boolean;
  project: { id: string; referenceNo: string; title: string; status: string; callTitle: string };
  organisation: { id: string; name: string };
}
interface Page { items: Row[]; total: number; totalKind: string; nextCursor: string | null }

const LIST = '/api/v1/projects/tranches';

async function list(s: Session, query = ''): Promise<Page> {
  const res = await s.get(`${LIST}${query ? `?${query}` : ''}`);
  if (res.status !== 200) throw new Error(`${query}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Follows nextCursor to the end, checking each page's size and total. */
async function pageThrough(s: Session, query: string, limit: number): Promise<Row[]> {
  const rows: Row[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 100; i++) {
    const page = await list(s, `${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    rows.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) return rows;
  }
  throw new Error('more than 100 pages');
}

describe('the district\'s tranches in one list (GET /projects/tranches)', () => {
  let t: TestApp;
  let w: ProjectWorld;
  let signed: Awaited<ReturnType<typeof fundedProject>>;
  let unsigned: Awaited<ReturnType<typeof fundedProject>>;

  beforeAll(async () => {
    t = await startTestApp();
    w = await projectWorld(t);
    // The unsigned project starts earlier, so it comes first unless readiness puts the signed one ahead.
    signed = await fundedProject(t, w, { startsOn: '2027-01-01' });
    unsigned = await fundedProject(t, w, { organisationId: w.orgB, startsOn: '2026-12-01', projectTitle: '一老一小共融空间' });
    await w.officer.post(`/api/v1/projects/${signed.id}/agreement`, { signedOn: '2027-01-05', version: signed.detail.version }).expect(200);
  });
  afterAll(async () => { await t.close(); });

  it('ready-to-pay first, each row with its project, organisation, money and the conditions judged now', async () => {
    const page = await list(w.finance, 'status=open');
    expect({ total: page.total, totalKind: page.totalKind, nextCursor: page.nextCursor }).toEqual({ total: 6, totalKind: 'exact', nextCursor: null });
    const [first, ...rest] = page.items;
    expect(first).toMatchObject({
      seq: 1, status: 'pending', ready: true, amountFen: '5000000', percent: 50, releasedAt: null,
      project: { id: signed.id, referenceNo: signed.payload.referenceNo, title: '独居老人关爱行动', status: 'active', callTitle: '2026年度社区公益创投' },
      organisation: { id: w.orgA },
    });
    expect(typeof first.organisation.name).toBe('string');
    expect(first.checks.length).toBeGreaterThan(0);
    expect(first.checks.every((c) => c.met)).toBe(true);
    expect(rest.every((r) => !r.ready)).toBe(true);
    // After readiness: the project that started first, then each project's tranches in order.
    expect(rest.map((r) => [r.project.id, r.seq])).toEqual([
      [unsigned.id, 1], [unsigned.id, 2], [unsigned.id, 3], [signed.id, 2], [signed.id, 3],
    ]);
    // The unmet ones carry their reasons in both languages — the same words the release's 409 gives.
    const blocked = rest[0];
    expect(blocked.checks.filter((c) => !c.met).map((c) => [c.type, c.zh, c.en])).toEqual([['agreement_signed', '资助协议已签订', 'The grant agreement is signed']]);
    const later = rest.find((r) => r.project.id === signed.id && r.seq === 2)!;
    expect(later.checks.filter((c) => !c.met).map((c) => c.type)).toEqual(['earlier_tranches_paid', 'evaluation_passed', 'report_approved']);
    // Each row's judgement is the per-project read's.
    const own = (await w.finance.get(`/api/v1/projects/${unsigned.id}/tranches`).expect(200)).body.items;
    expect(rest.filter((r) => r.project.id === unsigned.id).map((r) => [r.id, r.ready, r.checks])).toEqual(own.map((r: Row) => [r.id, r.ready, r.checks]));
  });

  it('pages by cursor: every row once, in the one-page order, with the same total on each page', async () => {
    const whole = (await list(w.finance, 'status=open&limit=50')).items.map((r) => r.id);
    for (const limit of [1, 2, 4]) {
      const paged = await pageThrough(w.finance, 'status=open', limit);
      expect(paged.map((r) => r.id)).toEqual(whole);
    }
    const first = await list(w.finance, 'status=open&limit=4');
    expect(first.items).toHaveLength(4);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await list(w.finance, `status=open&limit=4&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect([first.total, second.total, second.items.length, second.nextCursor]).toEqual([6, 6, 2, null]);
  });

  it('filters by organisation, call, project, readiness and status, and the total follows the filter', async () => {
    const byOrg = await list(w.finance, `organisationId=${w.orgB}`);
    expect(byOrg.total).toBe(3);
    expect(byOrg.items.every((r) => r.organisation.id === w.orgB)).toBe(true);
    const byCall = await list(w.finance, `callId=${signed.payload.callId}`);
    expect(byCall.items.map((r) => r.project.id)).toEqual([signed.id, signed.id, signed.id]);
    expect((await list(w.finance, `projectId=${unsigned.id}`)).total).toBe(3);
    const ready = await list(w.finance, 'ready=true');
    expect(ready.items.map((r) => [r.project.id, r.seq])).toEqual([[signed.id, 1]]);
    expect((await list(w.finance, 'ready=false&status=open')).total).toBe(5);
    expect((await list(w.finance, `q=${encodeURIComponent('共融')}`)).total).toBe(3);
    expect((await list(w.finance, `callId=${randomUUID()}`))).toEqual({ items: [], total: 0, totalKind: 'exact', nextCursor: null });
  });

  it('a release moves the tranche out of the open list; the paid row carries when, and no checks', async () => {
    const [first] = (await list(w.finance, 'ready=true')).items;
    await w.finance.post(`/api/v1/projects/${signed.id}/tranches/${first.id}/release`).set('Idempotency-Key', randomUUID()).expect(200);
    expect((await list(w.finance, 'ready=true')).total).toBe(0);
    expect((await list(w.finance, 'status=open')).total).toBe(5);
    const released = await list(w.finance, 'status=released');
    expect(released.items.map((r) => [r.id, r.status, r.ready, r.checks])).toEqual([[first.id, 'released', false, []]]);
    expect(Date.parse(released.items[0].releasedAt!)).not.toBeNaN();
    // The next tranche of that project now waits only on its own conditions.
    const next = (await list(w.finance, `projectId=${signed.id}&status=pending`)).items[0];
    expect(next.checks.filter((c) => !c.met).map((c) => c.type)).toEqual(['evaluation_passed', 'report_approved']);
    // Unfiltered: all six, paid ones after the open ones.
    expect((await list(w.finance)).items.map((r) => r.status)).toEqual(['pending', 'pending', 'pending', 'pending', 'pending', 'released']);
  });

  it('programme officers and admins read it; organisation people and evaluators are refused with 403', async () => {
    expect((await list(w.officer, 'status=open')).total).toBe(5);
    expect((await list(w.d.admin, 'status=open')).total).toBe(5);
    for (const s of [w.orgAdminA, w.orgAdminB, w.evaluator]) {
      const res = await s.get(LIST);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'FORBIDDEN_ROLE' });
    }
    expect((await t.http.get(LIST)).status).toBe(401);
  });

  it('another district\'s tranches are simply absent, even asked for by their project or organisation', async () => {
    const other = await projectWorld(t);
    const theirs = await fundedProject(t, other);
    expect((await list(other.finance, 'status=open')).items.map((r) => r.project.id)).toEqual([theirs.id, theirs.id, theirs.id]);
    for (const q of [`projectId=${signed.id}`, `organisationId=${w.orgA}`, `callId=${signed.payload.callId}`]) {
      expect(await list(other.finance, q)).toEqual({ items: [], total: 0, totalKind: 'exact', nextCursor: null });
    }
    expect((await list(w.finance, `projectId=${theirs.id}`)).total).toBe(0);
    expect((await list(w.finance)).items.some((r) => r.project.id === theirs.id)).toBe(false);
  });

  it('a bad filter is a 400 naming the field in both languages, never a 500', async () => {
    for (const [q, field] of [
      ['status=paid', 'status'], ['callId=abc', 'callId'], ['organisationId=1', 'organisationId'], ['projectId=x', 'projectId'],
      ['ready=maybe', 'ready'], ['limit=0', 'limit'], ['limit=201', 'limit'], ['cursor=not-a-cursor', 'cursor'],
    ]) {
      const res = await w.finance.get(`${LIST}?${q}`);
      expect({ q, status: res.status, code: res.body.code }).toEqual({ q, status: 400, code: 'VALIDATION_FAILED' });
      const e = res.body.errors.find((x: { field: string }) => x.field === field);
      expect(e).toMatchObject({ zh: expect.any(String), en: expect.any(String) });
    }
  });
});
