import { App } from 'antd';
import type { FormInstance } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { Schemas } from '../../../api/client';
import { showFieldErrors } from '../../../components/ProblemAlert';
import { ProblemError } from '../../../components/problem';

export type Case = Schemas['CaseResponse'];

export const caseKey = (id: string) => ['casework', 'case', id];

export const h2 = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;

/** Dates travel as YYYY-MM-DD (Beijing calendar days); the picker holds dayjs. */
export const dateField = {
  getValueProps: (v: string | undefined) => ({ value: v ? dayjs(v) : undefined }),
  normalize: (d: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined),
};

/**
 * A stage's submission: on success the page shows the case as the server answers it (its new stage); on a refusal the
 * field errors land on their fields and the case is read again, so a stale version is replaced by the current one and
 * the next send carries it.
 */
export function useStageMutation<V>(c: Case, send: (v: V) => Promise<Case>, opts: { form?: FormInstance; done: string }) {
  const { i18n } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (updated) => {
      qc.setQueryData(caseKey(c.id), updated);
      void qc.invalidateQueries({ queryKey: ['casework'] });
      void message.success(opts.done);
    },
    onError: (err) => {
      if (opts.form && err instanceof ProblemError) showFieldErrors(opts.form, err.problem, i18n.language);
      void qc.invalidateQueries({ queryKey: caseKey(c.id) });
    },
  });
}
