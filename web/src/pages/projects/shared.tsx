import { useRef, useState, type ReactNode } from 'react';
import { App, Button, Form, Input, Space, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, must, type Schemas } from '../../api/client';
import { ProblemAlert, showFieldErrors } from '../../components/ProblemAlert';
import { ProblemError } from '../../components/problem';
import { TONES, ToneTag, type Tone } from '../../components/ToneTag';

const STATUS_TONE: Record<string, Tone> = {
  active: 'good', unfunded: 'warn', closed: 'neutral', due: 'warn', submitted: 'info', returned: 'warn', approved: 'good',
  pending: 'neutral', releasable: 'info', released: 'good', frozen: 'bad', cancelled: 'neutral', rejected: 'bad', applied: 'good',
  in_progress: 'info', done: 'good', delayed: 'bad',
};

/** Empty-list wording in body colour (antd's placeholder grey fails contrast). */
export function EmptyText({ children }: { children: ReactNode }) {
  return <span style={{ color: '#595959' }}>{children}</span>;
}

/** A status word from the server, translated in the `projects` namespace (status.<value>). */
export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation('projects');
  return <ToneTag tone={STATUS_TONE[status]}>{t(`status.${status}`, { defaultValue: status })}</ToneTag>;
}

/** One tranche condition as the server judged it: met or unmet, with the server's own words for why. */
export function TrancheChecks({ checks }: { checks: Schemas['ProjectTrancheCheck'][] }) {
  const { t, i18n } = useTranslation('projects');
  const en = i18n.language === 'en';
  if (checks.length === 0) return <Typography.Text type="secondary">{t('tranche.noConditions')}</Typography.Text>;
  return (
    <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('tranche.conditions')}>
      {checks.map((c, i) => (
        <li key={i} data-testid={`condition-${c.met ? 'met' : 'unmet'}`}>
          <Space size={4} align="start">
            {c.met
              ? <CheckCircleFilled style={{ color: TONES.good.color }} aria-hidden />
              : <CloseCircleFilled style={{ color: TONES.bad.color }} aria-hidden />}
            <span>
              <Typography.Text strong>{c.met ? t('tranche.met') : t('tranche.unmet')}</Typography.Text>
              {' '}{en ? c.en : c.zh}
            </span>
          </Space>
        </li>
      ))}
    </ul>
  );
}

/**
 * One Idempotency-Key per intent: the same key until the action succeeds, so a double click (or a retry after a
 * lost answer) is the same request to the server and never releases money twice.
 */
export function useIdempotencyKey(): { key: () => string; done: () => void } {
  const ref = useRef<string | null>(null);
  return {
    key: () => (ref.current ??= newKey()),
    done: () => {
      ref.current = null;
    },
  };
}

/**
 * Releases one tranche (the project's page and the finance list both use it). Not ready: the button is secondary and
 * `why` says so beside it; it stays clickable because the server is the judge (conditions may have changed since the
 * page loaded) and its refusal, listing the unmet conditions in its own words, is shown here. The Idempotency-Key
 * makes a double click one release.
 */
export function ReleaseButton({ projectId, trancheId, ready, label, done, why, onDone }: {
  projectId: string; trancheId: string; ready: boolean;
  /** The button's accessible name: which tranche of which project. */
  label: string;
  /** The toast once paid. */
  done: string;
  why?: string;
  onDone?: () => void;
}) {
  const { t } = useTranslation('projects');
  const qc = useQueryClient();
  const { message } = App.useApp();
  const idem = useIdempotencyKey();
  const release = useMutation({
    mutationFn: () => must(api.POST('/api/v1/projects/{id}/tranches/{trancheId}/release', {
      params: { path: { id: projectId, trancheId }, header: { 'Idempotency-Key': idem.key() } },
    })),
    onSuccess: () => {
      idem.done();
      void message.success(done);
      void qc.invalidateQueries({ queryKey: ['projects'] });
      void qc.invalidateQueries({ queryKey: ['funds'] });
      onDone?.();
    },
  });
  const whyId = `why-${trancheId}`;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <ProblemAlert error={release.error} />
      <Button
        type={ready ? 'primary' : 'default'}
        loading={release.isPending}
        onClick={() => { if (!release.isPending) release.mutate(); }}
        aria-label={label}
        aria-describedby={!ready && why ? whyId : undefined}
        autoInsertSpace={false}
      >
        {t('tranche.release')}
      </Button>
      {!ready && why && <Typography.Text id={whyId} type="secondary">{why}</Typography.Text>}
    </Space>
  );
}

/**
 * 解冻: a tranche frozen after a failed evaluation goes back to pending once the programme officer gives a reason.
 * The reason is not checked here: the server's rule (and its refusal, shown on the field and above it) is the one rule.
 * Callers render it only for the programme officer — the one role the API lets unfreeze.
 */
export function UnfreezeButton({ projectId, trancheId, label, onDone }: {
  projectId: string; trancheId: string;
  /** The button's accessible name: which tranche of which project. */
  label: string;
  onDone?: () => void;
}) {
  const { t, i18n } = useTranslation('projects');
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const unfreeze = useMutation({
    mutationFn: (reason: string) => must(api.POST('/api/v1/projects/{id}/tranches/{trancheId}/unfreeze', {
      params: { path: { id: projectId, trancheId } }, body: { reason },
    })),
    onSuccess: () => {
      setOpen(false);
      form.resetFields();
      void message.success(t('tranche.unfrozen'));
      void qc.invalidateQueries({ queryKey: ['projects'] });
      onDone?.();
    },
    onError: (err) => {
      if (err instanceof ProblemError) showFieldErrors(form, err.problem, i18n.language);
    },
  });
  if (!open) {
    return <Button onClick={() => setOpen(true)} aria-label={label} autoInsertSpace={false}>{t('tranche.unfreeze')}</Button>;
  }
  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 420 }} data-testid="unfreeze-form">
      <ProblemAlert error={unfreeze.error} />
      <Form form={form} layout="vertical" onFinish={(v) => { if (!unfreeze.isPending) unfreeze.mutate(v.reason ?? ''); }}>
        <Form.Item name="reason" label={t('tranche.unfreezeReason')} style={{ marginBottom: 8 }}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={unfreeze.isPending} autoInsertSpace={false}>{t('tranche.unfreezeConfirm')}</Button>
          <Button onClick={() => { setOpen(false); unfreeze.reset(); form.resetFields(); }} autoInsertSpace={false}>{t('tranche.cancel')}</Button>
        </Space>
      </Form>
    </Space>
  );
}

/** crypto.randomUUID exists only in secure contexts; an intranet deployment over plain http still needs a key. */
function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

