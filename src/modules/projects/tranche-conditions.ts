import type { TrancheCondition } from '../calls/grant-awarded.event';

/** What the conditions of a tranche are judged on, read in the releasing transaction. */
export interface TrancheFacts {
  projectStatus: string;
  agreementSignedOn: string | null;
  evaluations: Array<{ stage: string; score: number; passed: boolean }>;
  approvedReportKinds: string[];
  releasedFen: bigint;
  reportedSpentFen: bigint;
  /** Earlier tranches not paid yet (seq numbers). */
  earlierUnpaid: number[];
  trancheStatus: string;
}

export type CheckedCondition = (TrancheCondition | { type: 'earlier_tranches_paid' } | { type: 'project_funded' } | { type: 'not_frozen' }) & {
  met: boolean;
  zh: string;
  en: string;
};

const STAGE = { midterm: { zh: '中期评估', en: 'mid-term evaluation' }, final: { zh: '结项评估', en: 'final evaluation' } } as const;
const KIND = { monthly: { zh: '月报', en: 'monthly report' }, interim: { zh: '中期报告', en: 'interim report' }, final: { zh: '结项报告', en: 'final report' } } as const;

/**
 * Judges each condition of a tranche and says, in words an officer reads, which hold and which do not. Besides the
 * call's own conditions a tranche is paid only on a funded project, when not frozen, and after the earlier ones.
 */
export function checkTranche(conditions: TrancheCondition[], f: TrancheFacts): CheckedCondition[] {
  const out: CheckedCondition[] = [];
  out.push({ type: 'project_funded', met: f.projectStatus === 'active', zh: '项目资金已预留（项目执行中）', en: 'The project is funded and in progress' });
  out.push({ type: 'not_frozen', met: f.trancheStatus !== 'frozen', zh: '该期拨款未因评估不合格而冻结', en: 'The tranche is not frozen after a failed evaluation' });
  if (f.earlierUnpaid.length) {
    out.push({ type: 'earlier_tranches_paid', met: false, zh: `前期拨款（第${f.earlierUnpaid.join('、')}期）尚未拨付`, en: `Earlier tranche(s) ${f.earlierUnpaid.join(', ')} not paid yet` });
  }
  for (const c of conditions) {
    switch (c.type) {
      case 'agreement_signed':
        out.push({ ...c, met: !!f.agreementSignedOn, zh: '资助协议已签订', en: 'The grant agreement is signed' });
        break;
      case 'evaluation_passed': {
        const e = f.evaluations.find((x) => x.stage === c.stage);
        const min = c.minScore ?? 0;
        const label = STAGE[c.stage] ?? { zh: c.stage, en: c.stage };
        out.push({
          ...c, met: !!e && e.passed && e.score >= min,
          zh: `${label.zh}已通过${c.minScore !== undefined ? `且得分不低于 ${c.minScore} 分` : ''}${e ? `（当前 ${e.score} 分${e.passed ? '' : '，不合格'}）` : '（尚未评估）'}`,
          en: `The ${label.en} is passed${c.minScore !== undefined ? ` with a score of at least ${c.minScore}` : ''}${e ? ` (scored ${e.score}${e.passed ? '' : ', failed'})` : ' (not evaluated yet)'}`,
        });
        break;
      }
      case 'report_approved': {
        const label = KIND[c.kind] ?? { zh: c.kind, en: c.kind };
        out.push({ ...c, met: f.approvedReportKinds.includes(c.kind), zh: `${label.zh}已审核通过`, en: `A ${label.en} is approved` });
        break;
      }
      case 'spending_ratio': {
        const met = f.reportedSpentFen * 100n >= BigInt(Math.ceil(c.minPercent)) * f.releasedFen;
        const pct = f.releasedFen > 0n ? Number((f.reportedSpentFen * 10000n) / f.releasedFen) / 100 : 0;
        out.push({ ...c, met, zh: `已报告支出不低于已拨付资金的 ${c.minPercent}%（当前 ${pct}%）`, en: `Reported spending is at least ${c.minPercent}% of the money paid (now ${pct}%)` });
        break;
      }
      default:
        out.push({ ...(c as TrancheCondition), met: false, zh: '无法识别的拨付条件', en: 'Unknown condition' });
    }
  }
  return out;
}
