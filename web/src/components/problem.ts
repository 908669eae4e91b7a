/**
 * A refusal from the API: problem details with a stable `code`, a message per language and, for validation, field
 * errors. TODO(after W3's ProblemDetails schema is merged): take this shape from components['schemas'].
 */
export interface FieldProblem {
  field: string;
  code: string;
  zh: string;
  en: string;
}

export interface Problem {
  status: number;
  code: string;
  message: { 'zh-CN': string; en: string };
  errors?: FieldProblem[];
}

export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message?.en ?? problem.code);
  }
}

export function asProblem(body: unknown, status: number): Problem {
  const b = body as Partial<Problem> | null;
  if (b && typeof b === 'object' && typeof b.code === 'string' && b.message) return { ...b, status } as Problem;
  return { status, code: 'UNEXPECTED', message: { 'zh-CN': `请求失败（${status}）`, en: `Request failed (${status})` } };
}

export function problemMessage(p: Problem, lang: string): string {
  return lang.startsWith('en') ? p.message.en : p.message['zh-CN'];
}
