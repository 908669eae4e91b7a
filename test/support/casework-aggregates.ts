import { randomInt } from 'node:crypto';
import { shanghaiDay } from '@sanshe/common';
import { District, Member, TestApp, addMember } from './test-app';
import { createVerifiedOrganisation } from './organisations';
import { inDistrict, residentId } from './casework';

/** Figures as the aggregates API gives them: hours as they are, counts of 1–4 as "<5". */
export interface Figures { hours: number; records: number | '<5'; people: number | '<5' }

/**
 * Case service records of one organisation's worker in two new communities and two months, seeded through the API
 * (one case opened "last month" by moving its opening day back in the database: the API dates a case by its
 * creation, and a service record must fall within its case):
 *  - community "big": five people, one 60-minute home visit each this month, and a sixth person with a 45-minute
 *    face-to-face talk on the first day of last month;
 *  - community "small": one person with two 30-minute phone calls this month.
 * Names and communities carry `tag`, so a retried attempt in the same district adds communities of its own.
 */
export async function seedServiceRecords(t: TestApp, d: District, tag: string) {
  const today = shanghaiDay(new Date());
  const [y, m] = today.split('-').map(Number);
  const lastMonth = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  const thisMonth = today.slice(0, 7);
  const lastMonthDay = `${lastMonth}-01`;

  const street = await d.admin.post('/api/v1/places', { parentId: d.rootPlaceId, kind: 'street', name: `汇总街道${tag}` }).expect(201);
  const community = async (name: string) => (await d.admin.post('/api/v1/places', { parentId: street.body.id, kind: 'community', name }).expect(201)).body.id as string;
  const big = { id: await community(`桂溪社区${tag}`), name: `桂溪社区${tag}` };
  const small = { id: await community(`芳草社区${tag}`), name: `芳草社区${tag}` };
  const orgId = (await createVerifiedOrganisation(t, d)).id;
  const worker: Member = await addMember(t, d, ['social_worker'], { organisationId: orgId, name: `汇总社工${tag}` });
  const orgAdmin: Member = await addMember(t, d, ['org_admin'], { organisationId: orgId, name: `汇总机构管理员${tag}` });

  const names: string[] = [];
  /** A person with service consent (given before last month) and an accepted case; returns the case id. */
  const personWithCase = async (communityId: string, surname: string) => {
    const name = `${surname}${tag}`;
    names.push(name);
    const b = await worker.post('/api/v1/casework/beneficiaries', {
      name, idNumber: residentId(), phone: `139${String(randomInt(0, 1e8)).padStart(8, '0')}`, communityId, vulnerabilityTags: ['elderly_living_alone'],
    }).expect(201);
    const id = b.body.beneficiary.id as string;
    await worker.post(`/api/v1/casework/beneficiaries/${id}/consents`, { purpose: 'service', formVersion: '2026版', givenOn: `${y - 1}-06-01`, givenBy: 'self' }).expect(201);
    const c = await worker.post('/api/v1/casework/cases', { beneficiaryId: id, source: 'outreach', presentingProblem: '独居，需要定期探访' }).expect(201);
    await worker.post(`/api/v1/casework/cases/${c.body.id}/intake/accept`, { version: c.body.version }).expect(200);
    return c.body.id as string;
  };
  const record = (caseId: string, serviceDate: string, durationMinutes: number, mode: string) =>
    worker.post(`/api/v1/casework/cases/${caseId}/service-records`, { serviceDate, durationMinutes, mode, content: '服务记录' }).expect(201);

  for (const surname of ['欧阳秋菊', '司马建国', '诸葛桂兰', '上官德胜', '慕容玉珍']) await record(await personWithCase(big.id, surname), today, 60, 'home_visit');
  const earlier = await personWithCase(big.id, '皇甫长青');
  await inDistrict(d.tenantId, (q) => q(`UPDATE cases SET created_at = ($2 || 'T00:00:00+08:00')::timestamptz WHERE id = $1`, [earlier, lastMonthDay]));
  await record(earlier, lastMonthDay, 45, 'face_to_face');
  const calls = await personWithCase(small.id, '东方晓梅');
  await record(calls, today, 30, 'phone');
  await record(calls, today, 30, 'phone');

  const f = (hours: number, records: number | '<5', people: number | '<5'): Figures => ({ hours, records, people });
  return {
    worker, orgAdmin, big, small, names, today, thisMonth, lastMonth, lastMonthDay,
    /** What the range from the first day of last month to today must show for the two communities. */
    expected: {
      big: f(5.75, 6, 6), small: f(1, '<5', '<5'),
      months: { [lastMonth]: f(0.75, '<5', '<5'), [thisMonth]: f(6, 7, 6) },
      modes: { home_visit: f(5, 5, 5), face_to_face: f(0.75, '<5', '<5'), phone: f(1, '<5', '<5'), online: f(0, 0, 0) },
      total: f(6.75, 8, 7),
    },
  };
}
