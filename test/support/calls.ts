import { Clock } from '@sanshe/common/clock';
import { District, Session, TestApp, addMember } from './test-app';
import { createVerifiedOrganisation, organisationMember } from './organisations';

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;

export function clockOf(t: TestApp): Clock {
  return t.app.get(Clock);
}

/** A complete call draft: 2,000,000 yuan pool, 50,000–200,000 per project, 20% co-funding, three criteria. */
export function callBody(now: Date, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '2026年社区公益创投大赛',
    theme: '一老一小',
    description: '面向本区社区的养老与儿童服务项目征集。',
    fundPoolFen: '200000000',
    minAmountFen: '5000000',
    maxAmountFen: '20000000',
    coFundingPercent: 20,
    serviceAreas: ['elderly', 'community_governance'],
    eligibility: { minYearsRegistered: 1 },
    form: {
      sections: [
        {
          key: 'basics', title: '项目基本情况', questions: [
            { key: 'need', label: '需求分析', type: 'long_text', required: true },
            { key: 'volunteers', label: '志愿者人数', type: 'number', required: true, min: 0 },
            { key: 'format', label: '服务形式', type: 'choice', options: ['入户', '集中', '线上'], multiple: true, required: true },
            { key: 'kickoff', label: '启动日期', type: 'date' },
            { key: 'plan', label: '实施方案', type: 'file' },
          ],
        },
      ],
    },
    rubric: {
      scoreMin: 0, scoreMax: 10,
      criteria: [{ code: 'need', name: '需求精准', weight: 40 }, { code: 'design', name: '方案设计', weight: 30 }, { code: 'budget', name: '预算合理', weight: 30 }],
    },
    reviewersPerApplication: 5,
    blindReview: true,
    noticeWorkingDays: 5,
    projectStartsOn: '2026-07-01',
    projectEndsOn: '2027-06-30',
    opensAt: new Date(now.getTime() - HOUR).toISOString(),
    closesAt: new Date(now.getTime() + 2 * DAY).toISOString(),
    reviewBy: new Date(now.getTime() + 10 * DAY).toISOString(),
    noticeOn: new Date(now.getTime() + 11 * DAY).toISOString().slice(0, 10),
    awardBy: new Date(now.getTime() + 30 * DAY).toISOString().slice(0, 10),
    ...overrides,
  };
}

/** Drafted by a programme officer, published by the district admin. */
export async function publishedCall(t: TestApp, d: District, officer: Session, overrides: Record<string, unknown> = {}) {
  const created = await officer.post('/api/v1/calls', callBody(clockOf(t).now(), overrides));
  if (created.status !== 201) throw new Error(`create call failed: ${created.status} ${JSON.stringify(created.body)}`);
  const published = await d.admin.post(`/api/v1/calls/${created.body.id}/publish`, { version: created.body.version });
  if (published.status !== 200) throw new Error(`publish failed: ${published.status} ${JSON.stringify(published.body)}`);
  return published.body;
}

/** Everything a complete application needs, asking `requestedFen` with budget lines adding up to it. */
export function applicationContent(communityId: string, requestedFen = '15000000', title = '银龄互助·社区长者陪伴计划'): Record<string, unknown> {
  const half = BigInt(requestedFen) / 2n;
  return {
    title,
    summary: '为独居长者提供入户探访与集中活动。',
    requestedFen,
    coFundingFen: ((BigInt(requestedFen) * 20n) / 100n).toString(),
    beneficiaries: '社区 60 岁以上独居老人 120 名',
    communityIds: [communityId],
    serviceAreas: ['elderly'],
    budgetLines: [
      { code: 'B01', name: '人员劳务', amountFen: half.toString() },
      { code: 'B02', name: '活动物料', amountFen: (BigInt(requestedFen) - half).toString() },
    ],
    indicators: [{ code: 'I01', name: '探访人次', unit: '人次', baseline: 0, target: 1200 }],
    milestones: [{ name: '完成需求调研', dueOn: '2026-08-31' }],
    answers: { need: '辖区独居老人多，缺少日常陪伴。', volunteers: 30, format: ['入户', '集中'] },
  };
}

export interface Applicant {
  organisationId: string;
  admin: Session & { memberId: string; phone: string };
}

export async function applicantOrganisation(t: TestApp, d: District, name?: string): Promise<Applicant> {
  const org = await createVerifiedOrganisation(t, d, name ? { name } : {});
  const admin = await organisationMember(t, d, org.id, ['org_admin']);
  return { organisationId: org.id, admin };
}

/** A district with a street and a community, a programme officer and `reviewers` reviewers. */
export async function venturePeople(t: TestApp, d: District, reviewers = 5) {
  const street = await d.admin.post('/api/v1/places', { parentId: d.rootPlaceId, kind: 'street', name: '晋阳街道' });
  const community = await d.admin.post('/api/v1/places', { parentId: street.body.id, kind: 'community', name: '晋阳社区' });
  const officer = await addMember(t, d, ['programme_officer'], { name: '李项目官员' });
  const panel = [];
  for (let i = 0; i < reviewers; i++) panel.push(await addMember(t, d, ['reviewer'], { name: `评审专家${i + 1}` }));
  return { communityId: community.body.id as string, officer, reviewers: panel };
}

/** Drafts and submits a complete application; returns the submitted body. */
export async function submitApplication(
  applicant: Session, callId: string, communityId: string,
  opts: { requestedFen?: string; key?: string; title?: string; answers?: Record<string, unknown> } = {},
) {
  const content = applicationContent(communityId, opts.requestedFen, opts.title);
  // A call built on the page has its own question keys: its test answers them.
  if (opts.answers) content.answers = opts.answers;
  const draft = await applicant.post(`/api/v1/calls/${callId}/applications`, content);
  if (draft.status !== 201) throw new Error(`draft failed: ${draft.status} ${JSON.stringify(draft.body)}`);
  const submitted = await applicant.post(`/api/v1/applications/${draft.body.id}/submit`, { version: draft.body.version })
    .set('Idempotency-Key', opts.key ?? `submit-${draft.body.id}`);
  if (submitted.status !== 200) throw new Error(`submit failed: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  return submitted.body;
}

/** PUT as a signed-in person (the shared Session has get/post/patch only). */
export function put(t: TestApp, s: Session, path: string, body: object) {
  return t.http.put(path).set('Authorization', `Bearer ${s.accessToken}`).send(body);
}

/** Scores every assignment of a reviewer with the given criterion scores and submits. */
export async function scoreAll(t: TestApp, reviewer: Session, scoresFor: (referenceNo: string) => [number, number, number]) {
  const mine = await reviewer.get('/api/v1/reviews/assignments');
  if (mine.status !== 200) throw new Error(`assignments failed: ${mine.status}`);
  for (const a of mine.body.items) {
    if (a.status !== 'assigned') continue;
    const [need, design, budget] = scoresFor(a.referenceNo);
    const detail = await reviewer.get(`/api/v1/reviews/assignments/${a.id}`);
    const saved = await put(t, reviewer, `/api/v1/reviews/assignments/${a.id}/scores`, {
      version: detail.body.version, comment: '方案可行',
      scores: [{ code: 'need', score: need }, { code: 'design', score: design }, { code: 'budget', score: budget }],
    });
    if (saved.status !== 200) throw new Error(`save scores failed: ${saved.status} ${JSON.stringify(saved.body)}`);
    const sub = await reviewer.post(`/api/v1/reviews/assignments/${a.id}/submit`, { version: saved.body.version });
    if (sub.status !== 200) throw new Error(`submit review failed: ${sub.status} ${JSON.stringify(sub.body)}`);
  }
}
