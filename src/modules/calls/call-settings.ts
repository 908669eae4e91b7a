import type { FieldError } from '@sanshe/common';
import type { TrancheCondition } from './grant-awarded.event';

/**
 * The parts of a call a programme officer configures as data: the application form, the review rubric, the eligibility
 * rules and the tranche plan handed on to the project. Checked here as pure functions, so the same rules answer the
 * API (400 with every problem listed) and the unit tests.
 */
export const QUESTION_TYPES = ['text', 'long_text', 'number', 'money', 'date', 'choice', 'file', 'budget_table', 'indicator_table'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export interface FormQuestion {
  key: string;
  label: string;
  type: QuestionType;
  required?: boolean;
  /** choice: the allowed options; `multiple` allows several. */
  options?: string[];
  multiple?: boolean;
  /** text / long_text */
  maxLength?: number;
  /** number / money (money in fen) */
  min?: number;
  max?: number;
}

export interface FormSection {
  key: string;
  title: string;
  questions: FormQuestion[];
}

export interface CallForm {
  sections: FormSection[];
}

export interface RubricCriterion {
  code: string;
  name: string;
  /** Weights of all criteria add up to 100. */
  weight: number;
  description?: string;
}

export interface Rubric {
  criteria: RubricCriterion[];
  /** Every criterion is scored in [scoreMin, scoreMax] (e.g. 0–10). */
  scoreMin: number;
  scoreMax: number;
}

export interface CallEligibility {
  minGrade?: number;
  minYearsRegistered?: number;
  /** The organisation must be qualified (承接资质) in this service area. */
  qualifiedServiceArea?: string;
  /** Require any qualification in force (implied by qualifiedServiceArea). */
  requireQualification?: boolean;
}

export interface TranchePlanItem {
  seq: number;
  name: string;
  percent: number;
  conditions: TrancheCondition[];
}

/** 50% on signing, 30% after a passed mid-term evaluation, 20% after a passed final evaluation. */
export const DEFAULT_TRANCHE_PLAN: TranchePlanItem[] = [
  { seq: 1, name: '签约首拨', percent: 50, conditions: [{ type: 'agreement_signed' }] },
  { seq: 2, name: '中期拨付', percent: 30, conditions: [{ type: 'evaluation_passed', stage: 'midterm' }] },
  { seq: 3, name: '结项尾款', percent: 20, conditions: [{ type: 'evaluation_passed', stage: 'final' }] },
];

const KEY = /^[a-z][a-z0-9_]{0,39}$/;
const CODE = /^[A-Za-z0-9_-]{1,20}$/;

function problem(out: FieldError[], field: string, zh: string, en: string): void {
  out.push({ field, code: 'invalid', zh: `${field}：${zh}`, en: `${field}: ${en}` });
}

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isText = (v: unknown, max = 200): v is string => typeof v === 'string' && v.trim().length > 0 && v.length <= max;

export function checkForm(form: unknown, out: FieldError[]): void {
  if (!isObj(form) || !Array.isArray(form.sections) || form.sections.length === 0 || form.sections.length > 30) {
    return problem(out, 'form.sections', '至少需要一个栏目（最多 30 个）', 'needs 1 to 30 sections');
  }
  const keys = new Set<string>();
  form.sections.forEach((s: unknown, i: number) => {
    const f = `form.sections[${i}]`;
    if (!isObj(s) || !isText(s.key, 40) || !KEY.test(s.key as string) || !isText(s.title, 100) || !Array.isArray(s.questions)) {
      return problem(out, f, '栏目需要 key、title 和 questions', 'a section needs key, title and questions');
    }
    if (s.questions.length > 100) problem(out, `${f}.questions`, '题目过多', 'too many questions');
    s.questions.forEach((q: unknown, j: number) => {
      const qf = `${f}.questions[${j}]`;
      if (!isObj(q) || typeof q.key !== 'string' || !KEY.test(q.key)) return problem(out, `${qf}.key`, '题目编码应为小写字母开头的字母、数字或下划线', 'key must be lower-case letters, digits or _');
      if (keys.has(q.key)) problem(out, `${qf}.key`, `题目编码 ${q.key} 重复`, `duplicate key ${q.key}`);
      keys.add(q.key);
      if (!isText(q.label, 200)) problem(out, `${qf}.label`, '需要题目名称', 'a label is required');
      if (!QUESTION_TYPES.includes(q.type as QuestionType)) problem(out, `${qf}.type`, `题型应为 ${QUESTION_TYPES.join('/')}`, `type must be one of ${QUESTION_TYPES.join(', ')}`);
      if (q.required !== undefined && typeof q.required !== 'boolean') problem(out, `${qf}.required`, '应为是/否', 'must be a boolean');
      if (q.type === 'choice' && (!Array.isArray(q.options) || q.options.length < 1 || !q.options.every((o) => isText(o, 100)))) {
        problem(out, `${qf}.options`, '选择题至少需要一个选项', 'a choice question needs options');
      }
      for (const n of ['min', 'max', 'maxLength'] as const) {
        if (q[n] !== undefined && (typeof q[n] !== 'number' || !Number.isFinite(q[n]))) problem(out, `${qf}.${n}`, '应为数字', 'must be a number');
      }
    });
  });
}

export function checkRubric(rubric: unknown, out: FieldError[]): void {
  if (!isObj(rubric) || !Array.isArray(rubric.criteria) || rubric.criteria.length === 0 || rubric.criteria.length > 20) {
    return problem(out, 'rubric.criteria', '至少需要一项评分标准（最多 20 项）', 'needs 1 to 20 criteria');
  }
  const { scoreMin, scoreMax } = rubric;
  if (!Number.isInteger(scoreMin) || !Number.isInteger(scoreMax) || (scoreMin as number) < 0 || (scoreMax as number) <= (scoreMin as number) || (scoreMax as number) > 100) {
    problem(out, 'rubric.scoreMin', '分值范围应为 0–100 之间的整数，且最高分大于最低分', 'the score range must be integers within 0–100 with max > min');
  }
  const codes = new Set<string>();
  let sum = 0;
  rubric.criteria.forEach((c: unknown, i: number) => {
    const f = `rubric.criteria[${i}]`;
    if (!isObj(c) || typeof c.code !== 'string' || !CODE.test(c.code) || !isText(c.name, 100)) return problem(out, f, '每项标准需要 code 和 name', 'a criterion needs code and name');
    if (codes.has(c.code)) problem(out, `${f}.code`, `标准编码 ${c.code} 重复`, `duplicate code ${c.code}`);
    codes.add(c.code);
    if (!Number.isInteger(c.weight) || (c.weight as number) <= 0) problem(out, `${f}.weight`, '权重应为正整数', 'weight must be a positive integer');
    else sum += c.weight as number;
  });
  if (sum !== 100) problem(out, 'rubric.criteria', `权重合计应为 100（现为 ${sum}）`, `weights must add up to 100 (they add up to ${sum})`);
}

export function checkEligibility(e: unknown, serviceAreaCodes: readonly string[], out: FieldError[]): void {
  if (e === undefined) return;
  if (!isObj(e)) return problem(out, 'eligibility', '应为对象', 'must be an object');
  const allowed = ['minGrade', 'minYearsRegistered', 'qualifiedServiceArea', 'requireQualification'];
  for (const k of Object.keys(e)) if (!allowed.includes(k)) problem(out, `eligibility.${k}`, '不允许的字段', 'unknown field');
  if (e.minGrade !== undefined && (!Number.isInteger(e.minGrade) || (e.minGrade as number) < 1 || (e.minGrade as number) > 5)) problem(out, 'eligibility.minGrade', '应为 1–5（1A–5A）', 'must be 1–5 (1A–5A)');
  if (e.minYearsRegistered !== undefined && (!Number.isInteger(e.minYearsRegistered) || (e.minYearsRegistered as number) < 0 || (e.minYearsRegistered as number) > 50)) problem(out, 'eligibility.minYearsRegistered', '应为 0–50 的整数', 'must be an integer 0–50');
  if (e.qualifiedServiceArea !== undefined && !serviceAreaCodes.includes(e.qualifiedServiceArea as string)) problem(out, 'eligibility.qualifiedServiceArea', '不是有效的服务领域', 'not a service area');
  if (e.requireQualification !== undefined && typeof e.requireQualification !== 'boolean') problem(out, 'eligibility.requireQualification', '应为是/否', 'must be a boolean');
}

export function checkTranchePlan(plan: unknown, out: FieldError[]): void {
  if (!Array.isArray(plan) || plan.length === 0 || plan.length > 10) return problem(out, 'tranchePlan', '需要 1–10 期拨付', 'needs 1 to 10 tranches');
  let sum = 0;
  plan.forEach((t: unknown, i: number) => {
    const f = `tranchePlan[${i}]`;
    if (!isObj(t) || t.seq !== i + 1 || !isText(t.name, 50) || !Number.isInteger(t.percent) || (t.percent as number) <= 0 || !Array.isArray(t.conditions)) {
      return problem(out, f, '每期需要顺序号（从 1 起）、名称、百分比和条件', 'each tranche needs seq (from 1), name, percent and conditions');
    }
    sum += t.percent as number;
    const kinds = ['agreement_signed', 'evaluation_passed', 'report_approved', 'spending_ratio'];
    if (!(t.conditions as unknown[]).every((c) => isObj(c) && kinds.includes(c.type as string))) problem(out, `${f}.conditions`, '拨付条件类型无效', 'unknown condition type');
  });
  if (sum !== 100) problem(out, 'tranchePlan', `各期比例合计应为 100（现为 ${sum}）`, `percentages must add up to 100 (they add up to ${sum})`);
}
