import { addDays, shanghaiDay } from '@sanshe/common';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/**
 * The demo's venture calls in 武侯区 and the applications its organisations send to them. Three calls, so that every
 * demo role finds grant-making work waiting (see README "Demo accounts"):
 * - OPEN: accepting applications now (organisations draft and submit);
 * - SCREENING: closed two days before the seed, its applications submitted and waiting for the programme officer;
 * - FINISHED: run through review, notice and award months ago; its award became a project running since the first
 *   day of last month.
 * Each is found again by the end of its title (the year in front changes), which is what makes the seed idempotent.
 * Bodies are plain JSON, exactly as a client would send them; the seeder passes them through the HTTP validation pipe.
 */
export const DEMO_CALL_TITLES = {
  open: '年武侯区社区公益创投',
  screening: '年武侯区社区微治理项目征集',
  finished: '年武侯区一老一小关爱服务项目',
} as const;
export type DemoCallKind = keyof typeof DEMO_CALL_TITLES;

/** An instant at a wall-clock time in Asia/Shanghai on a calendar day. */
export const shanghaiAt = (day: string, hhmm: string): Date => new Date(`${day}T${hhmm}:00+08:00`);

/** The first day of the month `offset` months from the month of `day` ('YYYY-MM-DD'). */
function monthStart(day: string, offset: number): string {
  const [y, m] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + offset, 1)).toISOString().slice(0, 10);
}

/** A project of one year from `startsOn`: to the day before the same date a year later. */
const oneYearFrom = (startsOn: string) => addDays(monthStart(startsOn, 12), -1);

export interface CallTimeline {
  opensAt: Date;
  closesAt: Date;
  reviewBy: Date;
  noticeOn: string;
  awardBy: string;
  projectStartsOn: string;
  projectEndsOn: string;
}

/**
 * The finished call's dates: its project runs from the first day of last month (Asia/Shanghai) for a year, so on any
 * day of the month the project is under way and last month's monthly report (due on the 10th) is waiting for the
 * organisation. The call itself opened four months before the project and was awarded about two months before it.
 */
export function finishedCallTimeline(now: Date): CallTimeline {
  const startsOn = monthStart(shanghaiDay(now), -1);
  return {
    opensAt: shanghaiAt(addDays(startsOn, -120), '09:00'),
    closesAt: shanghaiAt(addDays(startsOn, -90), '17:00'),
    reviewBy: shanghaiAt(addDays(startsOn, -75), '17:00'),
    noticeOn: addDays(startsOn, -70),
    awardBy: addDays(startsOn, -40),
    projectStartsOn: startsOn,
    projectEndsOn: oneYearFrom(startsOn),
  };
}

/** The call waiting for screening: closed two days ago at 17:00, reviews due four weeks from now. */
export function screeningCallTimeline(now: Date): CallTimeline {
  const today = shanghaiDay(now);
  const startsOn = monthStart(addDays(today, 60), 1);
  return {
    opensAt: shanghaiAt(addDays(today, -30), '09:00'),
    closesAt: shanghaiAt(addDays(today, -2), '17:00'),
    reviewBy: shanghaiAt(addDays(today, 28), '17:00'),
    noticeOn: addDays(today, 30),
    awardBy: addDays(today, 50),
    projectStartsOn: startsOn,
    projectEndsOn: oneYearFrom(startsOn),
  };
}

/** The open call: opened an hour before the seed, closing in 30 days. */
export function openCallTimeline(now: Date): CallTimeline {
  const day = (d: number) => new Date(now.getTime() + d * DAY);
  return {
    opensAt: new Date(now.getTime() - HOUR),
    closesAt: day(30),
    reviewBy: day(40),
    noticeOn: shanghaiDay(day(41)),
    awardBy: shanghaiDay(day(60)),
    projectStartsOn: shanghaiDay(day(75)),
    projectEndsOn: shanghaiDay(day(440)),
  };
}

const FORM = {
  sections: [
    {
      key: 'basics', title: '项目基本情况', questions: [
        { key: 'need', label: '需求分析', type: 'long_text', required: true },
        { key: 'volunteers', label: '志愿者人数', type: 'number', required: true, min: 0 },
        { key: 'format', label: '服务形式', type: 'choice', options: ['入户', '集中', '线上'], multiple: true, required: true },
        { key: 'plan', label: '实施方案', type: 'file' },
      ],
    },
  ],
};

const RUBRIC = {
  scoreMin: 0, scoreMax: 10,
  criteria: [{ code: 'need', name: '需求精准', weight: 40 }, { code: 'design', name: '方案设计', weight: 30 }, { code: 'budget', name: '预算合理', weight: 30 }],
};

function timelineBody(t: CallTimeline) {
  return {
    opensAt: t.opensAt.toISOString(), closesAt: t.closesAt.toISOString(), reviewBy: t.reviewBy.toISOString(),
    noticeOn: t.noticeOn, awardBy: t.awardBy, projectStartsOn: t.projectStartsOn, projectEndsOn: t.projectEndsOn,
  };
}

/** The body of POST /calls for a demo call, titled with the year (Asia/Shanghai) it opens in. */
export function demoCallBody(kind: DemoCallKind, t: CallTimeline): Record<string, unknown> {
  const title = `${shanghaiDay(t.opensAt).slice(0, 4)}${DEMO_CALL_TITLES[kind]}`;
  const common = { form: FORM, rubric: RUBRIC, reviewersPerApplication: 1, blindReview: true, noticeWorkingDays: 5, eligibility: { minYearsRegistered: 1 }, ...timelineBody(t) };
  switch (kind) {
    case 'open':
      return {
        title, theme: '一老一小·社区共治',
        description: '面向武侯区各社区征集养老服务、儿童关爱与社区治理类公益项目，资助社会组织扎根社区开展服务。',
        fundPoolFen: '200000000', minAmountFen: '3000000', maxAmountFen: '20000000', coFundingPercent: 20,
        serviceAreas: ['elderly', 'community_governance'], ...common,
      };
    case 'screening':
      return {
        title, theme: '院落自治·青少年成长',
        description: '支持社会组织协助社区培育院落自治组织、开展青少年课后服务，推动居民参与社区治理。（演示数据）',
        fundPoolFen: '80000000', minAmountFen: '3000000', maxAmountFen: '15000000', coFundingPercent: 10,
        serviceAreas: ['community_governance', 'youth'], ...common,
      };
    case 'finished':
      return {
        title, theme: '一老一小',
        description: '资助社会组织为辖区独居老人、留守和流动儿童提供关爱服务。（演示数据）',
        // A pass mark, so the ranking itself proposes only the strong application and the selection needs no reason.
        fundPoolFen: '50000000', minAmountFen: '3000000', maxAmountFen: '20000000', coFundingPercent: 20, minScoreToFund: 75,
        serviceAreas: ['elderly', 'youth', 'women_children'], ...common,
      };
  }
}

export interface DemoApplication {
  /** The applying demo account: an organisation admin, applying for its organisation (demo-organisations.data.ts). */
  applicantPhone: string;
  /** The community served (by name, see demo-districts.data.ts). */
  community: string;
  content: (t: CallTimeline, communityId: string) => Record<string, unknown>;
  /** The reviewer's scores for need, design, budget (0–10); only for applications that get reviewed in the seed. */
  scores?: [number, number, number];
}

/** Budget lines in two halves that add up to the amount requested. */
function budget(requestedFen: string, names: [string, string]) {
  const half = BigInt(requestedFen) / 2n;
  return [
    { code: 'B01', name: names[0], amountFen: half.toString() },
    { code: 'B02', name: names[1], amountFen: (BigInt(requestedFen) - half).toString() },
  ];
}

function application(a: {
  title: string; summary: string; requestedFen: string; coFundingPercent: number; beneficiaries: string; serviceAreas: string[];
  budgetNames: [string, string]; indicator: { code: string; name: string; unit: string; target: number }; milestone: string; need: string;
  volunteers: number; format: string[];
}) {
  return (t: CallTimeline, communityId: string) => ({
    title: a.title, summary: a.summary, requestedFen: a.requestedFen,
    coFundingFen: ((BigInt(a.requestedFen) * BigInt(a.coFundingPercent)) / 100n).toString(),
    beneficiaries: a.beneficiaries, communityIds: [communityId], serviceAreas: a.serviceAreas,
    budgetLines: budget(a.requestedFen, a.budgetNames),
    indicators: [{ ...a.indicator, baseline: 0 }],
    milestones: [{ name: a.milestone, dueOn: addDays(t.projectStartsOn, 90) }],
    answers: { need: a.need, volunteers: a.volunteers, format: a.format },
  });
}

export const JINYANG_ADMIN = '13800510107';
export const YULIN_ADMIN = '13800510112';

/** Who applies to which call, with what. */
export const DEMO_APPLICATIONS: Record<Exclude<DemoCallKind, 'open'>, DemoApplication[]> = {
  screening: [
    {
      applicantPhone: JINYANG_ADMIN, community: '晋阳社区',
      content: application({
        title: '院落议事会培育计划', summary: '在晋阳社区 12 个老旧院落培育居民议事会，协助制定院落公约、开展微更新。',
        requestedFen: '12000000', coFundingPercent: 10, beneficiaries: '晋阳社区 12 个院落约 1,800 户居民', serviceAreas: ['community_governance'],
        budgetNames: ['议事会培训与督导', '院落微更新物料'], indicator: { code: 'I01', name: '成立院落议事会', unit: '个', target: 12 },
        milestone: '完成院落走访与骨干动员', need: '老旧院落无物业、公共事务无人牵头，居民矛盾多靠社区两委调解。', volunteers: 40, format: ['入户', '集中'],
      }),
    },
    {
      applicantPhone: YULIN_ADMIN, community: '玉林北路社区',
      content: application({
        title: '四点半课堂·流动儿童课后陪伴', summary: '为玉林片区流动儿童提供放学后的课业辅导、阅读与安全教育。',
        requestedFen: '9000000', coFundingPercent: 10, beneficiaries: '玉林北路社区流动儿童 60 名', serviceAreas: ['youth'],
        budgetNames: ['辅导老师劳务', '课堂物料与图书'], indicator: { code: 'I01', name: '课后陪伴人次', unit: '人次', target: 4800 },
        milestone: '开班并完成学生需求评估', need: '双职工流动家庭多，孩子放学后无人看护、作业无人辅导。', volunteers: 15, format: ['集中'],
      }),
    },
  ],
  finished: [
    {
      applicantPhone: JINYANG_ADMIN, community: '晋阳社区', scores: [9, 8.5, 8],
      content: application({
        title: '银龄互助·晋阳社区独居老人关爱计划', summary: '为独居、空巢老人提供定期探访、助餐转介和互助小组活动。',
        requestedFen: '18000000', coFundingPercent: 20, beneficiaries: '晋阳社区 60 岁以上独居、空巢老人 120 名', serviceAreas: ['elderly'],
        budgetNames: ['社工与志愿者劳务', '探访与活动物料'], indicator: { code: 'I01', name: '探访人次', unit: '人次', target: 1200 },
        milestone: '完成老人需求评估与建档', need: '辖区独居老人多，日常照料与精神慰藉缺位，突发情况发现不及时。', volunteers: 30, format: ['入户', '集中'],
      }),
    },
    {
      applicantPhone: YULIN_ADMIN, community: '玉林北路社区', scores: [7, 6.5, 7],
      content: application({
        title: '童伴成长·留守儿童周末营', summary: '每周末为留守和流动儿童开设成长营，含心理支持与亲子活动。',
        requestedFen: '12000000', coFundingPercent: 20, beneficiaries: '玉林北路社区留守、流动儿童 50 名', serviceAreas: ['youth', 'women_children'],
        budgetNames: ['活动带领劳务', '营地物料'], indicator: { code: 'I01', name: '服务儿童人次', unit: '人次', target: 2000 },
        milestone: '完成首期周末营招募', need: '部分儿童周末独处时间长，缺少陪伴与同伴交往。', volunteers: 12, format: ['集中'],
      }),
    },
  ],
};
