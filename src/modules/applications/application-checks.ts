import { type FieldError, fenMessageEn, fenMessageZh, formatYuan, isFen, isRealDay } from '@sanshe/common';
import type { CallForm, FormQuestion } from '../calls/call-settings';

/** The parts of an application every venture call needs (申报书): kept as fields, not as form answers. */
export interface ApplicationCore {
  beneficiaries?: string;
  communityIds?: string[];
  serviceAreas?: string[];
  budgetLines?: Array<{ code: string; name: string; amountFen: string }>;
  indicators?: Array<{ code: string; name: string; unit: string; baseline: number; target: number }>;
  milestones?: Array<{ name: string; dueOn: string }>;
  startsOn?: string;
  endsOn?: string;
}

export interface ApplicationContent {
  title: string;
  summary: string;
  requestedFen: string | null;
  coFundingFen: string | null;
  core: ApplicationCore;
  answers: Record<string, unknown>;
}

/** What the checks need to know of the call. */
export interface CallTerms {
  minAmountFen: string;
  maxAmountFen: string;
  coFundingPercent: number;
  communityIds: string[];
  serviceAreas: string[];
  form: CallForm;
  projectStartsOn: string;
  projectEndsOn: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function add(out: FieldError[], field: string, code: string, zh: string, en: string): void {
  out.push({ field, code, zh: `${field}：${zh}`, en: `${field}: ${en}` });
}

const blank = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** The co-funding the organisation must commit: the call's percentage of the amount requested, rounded up to a fen. */
export function requiredCoFunding(requestedFen: bigint, percent: number): bigint {
  return (requestedFen * BigInt(percent) + 99n) / 100n;
}

/** One answer against its question's type (a missing answer is judged by `required`, not here). */
export function checkAnswer(q: FormQuestion, value: unknown, out: FieldError[], attachmentIds?: ReadonlySet<string>): void {
  const f = `answers.${q.key}`;
  switch (q.type) {
    case 'text':
    case 'long_text': {
      const max = q.maxLength ?? (q.type === 'text' ? 200 : 5000);
      if (typeof value !== 'string') return add(out, f, 'type', '应为文字', 'must be text');
      if (value.length > max) add(out, f, 'maxLength', `不超过 ${max} 字`, `at most ${max} characters`);
      return;
    }
    case 'number': {
      const n = typeof value === 'number' ? value : NaN;
      if (!Number.isFinite(n)) return add(out, f, 'type', '应为数字', 'must be a number');
      if (q.min !== undefined && n < q.min) add(out, f, 'min', `不小于 ${q.min}`, `at least ${q.min}`);
      if (q.max !== undefined && n > q.max) add(out, f, 'max', `不大于 ${q.max}`, `at most ${q.max}`);
      return;
    }
    case 'money': {
      // Compared as bigint: the bounds are whole fen, and a float comparison is how money rules drift apart.
      if (!isFen(value)) return add(out, f, 'type', fenMessageZh(), fenMessageEn('the answer'));
      const n = BigInt(value);
      if (q.min !== undefined && n < BigInt(Math.ceil(q.min))) add(out, f, 'min', `不小于 ${formatYuan(BigInt(Math.ceil(q.min)))} 元`, `at least ${q.min} fen`);
      if (q.max !== undefined && n > BigInt(Math.floor(q.max))) add(out, f, 'max', `不大于 ${formatYuan(BigInt(Math.floor(q.max)))} 元`, `at most ${q.max} fen`);
      return;
    }
    case 'date':
      if (!isRealDay(value)) add(out, f, 'type', '应为真实存在的日期 YYYY-MM-DD', 'must be a real date YYYY-MM-DD');
      return;
    case 'choice': {
      const picked = Array.isArray(value) ? value : [value];
      if (Array.isArray(value) && !q.multiple) return add(out, f, 'single', '只能选择一项', 'choose one option');
      if (!picked.every((p) => typeof p === 'string' && q.options?.includes(p))) add(out, f, 'option', '不是允许的选项', 'not one of the options');
      return;
    }
    case 'file': {
      const ids = Array.isArray(value) ? value : [value];
      if (!ids.every((id) => typeof id === 'string' && UUID.test(id))) return add(out, f, 'type', '应为已上传附件的编号', 'must be ids of uploaded attachments');
      if (attachmentIds && !ids.every((id) => attachmentIds.has((id as string).toLowerCase()))) add(out, f, 'attachment', '附件不存在或不属于本申报书', 'an attachment is missing or belongs elsewhere');
      return;
    }
    case 'budget_table':
      if (!Array.isArray(value) || !value.every((r) => r && typeof r === 'object' && typeof r.name === 'string' && isFen(r.amountFen))) {
        add(out, f, 'type', '每行需要名称和以分为单位的金额', 'each row needs a name and an amount in fen');
      }
      return;
    case 'indicator_table':
      if (!Array.isArray(value) || !value.every((r) => r && typeof r === 'object' && typeof r.name === 'string' && typeof r.target === 'number')) {
        add(out, f, 'type', '每行需要指标名称和目标值', 'each row needs a name and a target');
      }
      return;
  }
}

/** Answers given so far, checked by type only (drafts may be incomplete); unknown keys are refused. */
export function checkDraftAnswers(form: CallForm, answers: Record<string, unknown>): FieldError[] {
  const out: FieldError[] = [];
  const questions = new Map(form.sections.flatMap((s) => s.questions).map((q) => [q.key, q]));
  for (const [key, value] of Object.entries(answers)) {
    const q = questions.get(key);
    if (!q) add(out, `answers.${key}`, 'unknown', '申报表中没有这一题', 'no such question on the form');
    else if (!blank(value)) checkAnswer(q, value, out);
  }
  return out;
}

/**
 * Everything a submission must satisfy besides eligibility: the form's required answers and types, the core fields,
 * the amount within the call's limits, the co-funding share, and budget lines adding up to the amount requested.
 */
export function checkSubmission(app: ApplicationContent, call: CallTerms, attachmentIds: ReadonlySet<string>): FieldError[] {
  const out = checkDraftAnswers(call.form, app.answers).filter((e) => e.code !== 'attachment');
  for (const q of call.form.sections.flatMap((s) => s.questions)) {
    const v = app.answers[q.key];
    if (blank(v)) {
      if (q.required) add(out, `answers.${q.key}`, 'required', `「${q.label}」必须填写`, `"${q.label}" is required`);
    } else if (q.type === 'file') checkAnswer(q, v, out, attachmentIds);
  }
  if (!app.title.trim()) add(out, 'title', 'required', '请填写项目名称', 'a project title is required');
  if (!app.summary.trim()) add(out, 'summary', 'required', '请填写项目概述', 'a summary is required');
  const c = app.core;
  if (!c.beneficiaries?.trim()) add(out, 'core.beneficiaries', 'required', '请填写服务对象', 'beneficiaries are required');
  if (!c.communityIds?.length) add(out, 'core.communityIds', 'required', '请选择服务社区', 'choose the communities served');
  else if (call.communityIds.length && !c.communityIds.every((id) => call.communityIds.includes(id))) {
    add(out, 'core.communityIds', 'notTarget', '所选社区不在本次征集的目标社区内', 'a community is not among the call\'s target communities');
  }
  if (!c.serviceAreas?.length) add(out, 'core.serviceAreas', 'required', '请选择服务领域', 'choose the service areas');
  else if (call.serviceAreas.length && !c.serviceAreas.some((a) => call.serviceAreas.includes(a))) {
    add(out, 'core.serviceAreas', 'notTarget', '服务领域与本次征集不符', 'the service areas do not match the call');
  }
  if (!c.indicators?.length) add(out, 'core.indicators', 'required', '请至少填写一项成效指标', 'at least one outcome indicator is required');
  // Days are compared as strings, which is only sound for real YYYY-MM-DD days: a draft saved before days were
  // checked on input must not reach the award (and the project's insert) with "2026-09-31".
  for (const [field, day] of [['core.startsOn', c.startsOn], ['core.endsOn', c.endsOn]] as const) {
    if (day !== undefined && !isRealDay(day)) add(out, field, 'date', '应为真实存在的日期 YYYY-MM-DD', 'must be a real date YYYY-MM-DD');
  }
  c.milestones?.forEach((m, i) => {
    if (!isRealDay(m.dueOn)) add(out, `core.milestones.${i}.dueOn`, 'date', '应为真实存在的日期 YYYY-MM-DD', 'must be a real date YYYY-MM-DD');
  });
  const starts = c.startsOn ?? call.projectStartsOn;
  const ends = c.endsOn ?? call.projectEndsOn;
  if (starts < call.projectStartsOn || ends > call.projectEndsOn || ends < starts) {
    add(out, 'core.startsOn', 'period', `项目周期应在 ${call.projectStartsOn} 至 ${call.projectEndsOn} 之内`, `the project must run within ${call.projectStartsOn} – ${call.projectEndsOn}`);
  }

  if (app.requestedFen === null) {
    add(out, 'requestedFen', 'required', '请填写申请资助金额', 'the amount requested is required');
    return out;
  }
  const requested = BigInt(app.requestedFen);
  if (requested < BigInt(call.minAmountFen) || requested > BigInt(call.maxAmountFen)) {
    add(out, 'requestedFen', 'range', `申请金额应在 ${formatYuan(call.minAmountFen)} 至 ${formatYuan(call.maxAmountFen)} 元之间`, `the amount must be between ${formatYuan(call.minAmountFen)} and ${formatYuan(call.maxAmountFen)} yuan`);
  }
  const needCo = requiredCoFunding(requested, call.coFundingPercent);
  if (BigInt(app.coFundingFen ?? '0') < needCo) {
    add(out, 'coFundingFen', 'share', `配套资金不少于申请金额的 ${call.coFundingPercent}%（${formatYuan(needCo.toString())} 元）`, `co-funding must be at least ${call.coFundingPercent}% of the request (${formatYuan(needCo.toString())} yuan)`);
  }
  if (!c.budgetLines?.length) add(out, 'core.budgetLines', 'required', '请填写预算明细', 'budget lines are required');
  else {
    const sum = c.budgetLines.reduce((s, l) => s + BigInt(l.amountFen), 0n);
    if (sum !== requested) {
      add(out, 'core.budgetLines', 'sum', `预算明细合计 ${formatYuan(sum.toString())} 元，应等于申请金额 ${formatYuan(requested.toString())} 元`, `budget lines add up to ${formatYuan(sum.toString())}, not the ${formatYuan(requested.toString())} yuan requested`);
    }
  }
  return out;
}
