import { App } from 'antd';
import type { FormInstance } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/client';
import { showFieldErrors } from '../../../components/ProblemAlert';
import { ProblemError } from '../../../components/problem';

export type Case = Schemas['CaseResponse'];

/** The case page's query key: a stage's answer replaces what it holds. */
export const caseKey = (id: string) => ['casework', 'case', id];

/**
 * A stage's submission (intake, assessment, plan, approval, evaluation, closure, follow-up): on success the form is
 * emptied and — when the server answers with the case (`answersCase`, the default) — the page shows the case as
 * answered, its new stage; on a refusal the field errors land on their fields and the case is read again, so a stale
 * version (someone changed the case meanwhile) is replaced by the current one and the next send carries it.
 */
export function useStageMutation<V>(
  c: Case,
  send: (v: V) => Promise<unknown>,
  opts: { form?: FormInstance; done: string; answersCase?: boolean },
) {
  const { i18n } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (answer) => {
      opts.form?.resetFields();
      if (opts.answersCase ?? true) qc.setQueryData(caseKey(c.id), answer);
      void qc.invalidateQueries({ queryKey: ['casework'] });
      void message.success(opts.done);
    },
    onError: (err) => {
      if (opts.form && err instanceof ProblemError) showFieldErrors(opts.form, err.problem, i18n.language);
      void qc.invalidateQueries({ queryKey: caseKey(c.id) });
    },
  });
}
