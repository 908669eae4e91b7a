import type { CallDraftDto } from '../modules/calls/dto/call.dto';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/**
 * The demo venture call in 武侯区: open now, closing in 30 days, so organisations in the demo can draft and submit
 * at once. Dates are relative to the moment of seeding.
 */
export function demoCallDraft(now: Date): CallDraftDto {
  const day = (d: number) => new Date(now.getTime() + d * DAY);
  return {
    title: `${now.getFullYear()}年武侯区社区公益创投`,
    theme: '一老一小·社区共治',
    description: '面向武侯区各社区征集养老服务、儿童关爱与社区治理类公益项目，资助社会组织扎根社区开展服务。',
    fundPoolFen: '200000000',
    minAmountFen: '3000000',
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
            { key: 'plan', label: '实施方案', type: 'file' },
          ],
        },
      ],
    },
    rubric: {
      scoreMin: 0, scoreMax: 10,
      criteria: [{ code: 'need', name: '需求精准', weight: 40 }, { code: 'design', name: '方案设计', weight: 30 }, { code: 'budget', name: '预算合理', weight: 30 }],
    },
    reviewersPerApplication: 1,
    blindReview: true,
    noticeWorkingDays: 5,
    opensAt: new Date(now.getTime() - HOUR).toISOString(),
    closesAt: day(30).toISOString(),
    reviewBy: day(40).toISOString(),
    noticeOn: day(41).toISOString().slice(0, 10),
    awardBy: day(60).toISOString().slice(0, 10),
    projectStartsOn: day(75).toISOString().slice(0, 10),
    projectEndsOn: day(440).toISOString().slice(0, 10),
  } as unknown as CallDraftDto;
}
