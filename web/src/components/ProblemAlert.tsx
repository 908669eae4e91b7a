import { Alert } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemError, problemMessage, type Problem } from './problem';

/** The server's own message, in the reader's language: the server is the judge, the page only shows its word. */
export function ProblemAlert({ error }: { error: unknown }) {
  const { i18n, t } = useTranslation();
  if (!error) return null;
  const problem = error instanceof ProblemError ? error.problem : null;
  const text = problem ? problemMessage(problem, i18n.language) : t('error.network');
  return <Alert type="error" showIcon role="alert" message={text} data-code={problem?.code} style={{ marginBottom: 16 }} />;
}

/** Puts field errors onto the form fields they concern; returns whether any landed. */
export function showFieldErrors(form: FormInstance, problem: Problem, lang: string): boolean {
  const known = new Set(Object.keys(form.getFieldsValue(true)));
  const fields = (problem.errors ?? []).filter((e) => known.has(e.field));
  form.setFields(fields.map((e) => ({ name: e.field, errors: [lang.startsWith('en') ? e.en : e.zh] })));
  return fields.length > 0;
}
