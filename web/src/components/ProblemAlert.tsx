import { Alert } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemError, problemMessage, type Problem } from './problem';

/**
 * The server's own message, in the reader's language: the server is the judge, the page only shows its word.
 * `details` lists the refusal's per-field reasons under the message too — for pages where some fields have no input
 * of their own (a call's rules, a report's receipts); `except` leaves out those already shown on form fields.
 */
export function ProblemAlert({ error, details }: { error: unknown; details?: boolean | { except: string[] } }) {
  const { i18n, t } = useTranslation();
  if (!error) return null;
  const problem = error instanceof ProblemError ? error.problem : null;
  const text = problem ? problemMessage(problem, i18n.language) : t('error.network');
  const except = typeof details === 'object' ? details.except : [];
  const listed = details ? (problem?.errors ?? []).filter((e) => !except.includes(e.field)) : [];
  const en = i18n.language.startsWith('en');
  return (
    <Alert type="error" showIcon role="alert" message={text} data-code={problem?.code} style={{ marginBottom: 16 }}
      description={listed.length > 0 ? (
        <ul data-testid="problem-details" style={{ margin: 0, paddingLeft: 18 }}>{listed.map((e, i) => <li key={i}>{en ? e.en : e.zh}</li>)}</ul>
      ) : undefined} />
  );
}

type FieldPath = Array<string | number>;

/**
 * Puts a refusal's field errors onto the form fields they concern; returns whether any landed, so the page can still
 * show the whole message when none did. The server names a field by its path ("budgetLines.0.amountFen"); `rename`
 * maps that path onto the form's names when the form holds them differently (null: not on this form).
 */
export function showFieldErrors(form: FormInstance, problem: Problem, lang: string, rename?: (path: FieldPath) => FieldPath | null): boolean {
  // Registered fields (even empty ones) and stored values (even of fields not rendered yet).
  const known = new Set([...Object.keys(form.getFieldsValue()), ...Object.keys(form.getFieldsValue(true))]);
  const landed: Array<{ name: FieldPath; errors: string[] }> = [];
  for (const e of problem.errors ?? []) {
    const path = e.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const name = rename ? rename(path) : path;
    if (!name?.length || !known.has(String(name[0]))) continue;
    landed.push({ name, errors: [lang.startsWith('en') ? e.en : e.zh] });
  }
  form.setFields(landed);
  return landed.length > 0;
}
