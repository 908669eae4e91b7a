import { useEffect, useState, type ReactNode } from 'react';
import { Button, Empty, List, Space, Tag, Timeline, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, must, type Schemas } from '../../api/client';
import { DateTime } from '../../components/DateTime';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { Problem } from '../../components/problem';

export type Application = Schemas['ApplicationResponse'];
export type Call = Schemas['CallResponse'];
export type Attachment = Schemas['AttachmentsUploadResponse'];

/** The kinds an applicant may attach (the server's APPLICATION_DOCUMENT_KINDS decides; these are offered). */
export const DOCUMENT_KINDS = ['proposal', 'budget', 'cofunding_proof', 'team', 'other'] as const;

export type Tone = 'neutral' | 'info' | 'good' | 'warn' | 'bad';

export const STATUS_TONE: Record<string, Tone> = {
  draft: 'neutral', submitted: 'info', returned: 'warn', withdrawn: 'neutral', passed: 'good', rejected: 'bad', awarded: 'good', declined: 'neutral',
};

/**
 * antd's success/warning/processing tag colours fall short of WCAG AA contrast on their tinted background; these
 * darker inks on the same tints meet 4.5:1 and keep the meaning of each colour.
 */
const TONES: Record<Tone, { color: string; background: string; borderColor: string }> = {
  neutral: { color: 'rgba(0,0,0,0.88)', background: '#fafafa', borderColor: '#d9d9d9' },
  info: { color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff' },
  good: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  warn: { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' },
  bad: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
};

export function ToneTag({ tone, children, ...rest }: { tone: Tone; children: ReactNode; 'data-testid'?: string }) {
  return <Tag style={TONES[tone]} {...rest}>{children}</Tag>;
}

export function useLabel() {
  const { i18n } = useTranslation();
  return (l: { zh: string; en: string } | null | undefined) => (l ? (i18n.language === 'en' ? l.en : l.zh) : '');
}

/** Re-renders every `ms` so a countdown stays true while the page is open. */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(id);
  }, [ms]);
  return now;
}

/**
 * The time left before a deadline, by the viewer's clock. The server judges lateness by its own clock; this is a
 * guide to act in time, and a late action still shows the server's refusal.
 */
export function Remaining({ until, testId }: { until: string | null | undefined; testId?: string }) {
  const { t } = useTranslation('applications');
  const now = useNow();
  if (!until) return null;
  const left = new Date(until).getTime() - now;
  if (left <= 0) return <ToneTag tone="bad" data-testid={testId}>{t('remaining.closed')}</ToneTag>;
  const days = Math.floor(left / 86_400_000);
  const hours = Math.floor((left % 86_400_000) / 3_600_000);
  const minutes = Math.floor((left % 3_600_000) / 60_000);
  const text = days > 0 ? t('remaining.days', { days, hours }) : hours > 0 ? t('remaining.hours', { hours, minutes }) : t('remaining.minutes', { minutes });
  return <ToneTag tone={left < 86_400_000 ? 'warn' : 'info'} data-testid={testId}>{text}</ToneTag>;
}

/**
 * A file needs the access token, which a plain link cannot carry: fetch it through the client and hand the browser
 * the bytes.
 */
export async function openFile(call: Promise<{ data?: unknown; error?: unknown; response: Response }>, filename: string): Promise<void> {
  const data = await must(call);
  const href = URL.createObjectURL(data as Blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

/** An application's files: listed for anyone who may read them; uploaded and removed while `editable`. */
export function AttachmentsPanel({ applicationId, editable }: { applicationId: string; editable: boolean }) {
  const { t } = useTranslation('applications');
  const label = useLabel();
  const qc = useQueryClient();
  const [kind, setKind] = useState<string>('proposal');
  const key = ['attachments', 'application', applicationId];
  const list = useQuery({
    queryKey: key,
    queryFn: () => must(api.GET('/api/v1/attachments', { params: { query: { ownerType: 'application', ownerId: applicationId } } })),
  });
  const upload = useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('ownerType', 'application');
      body.append('ownerId', applicationId);
      body.append('kind', kind);
      body.append('file', file);
      return must(api.POST('/api/v1/attachments', { body: body as never, bodySerializer: (b: unknown) => b as FormData }));
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
  const remove = useMutation({
    mutationFn: (id: string) => must(api.DELETE('/api/v1/attachments/{id}', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
  const [downloadError, setDownloadError] = useState<unknown>(null);
  return (
    <div data-testid="attachments">
      <ProblemAlert error={list.error ?? upload.error ?? remove.error ?? downloadError} />
      {editable && (
        <Space wrap style={{ marginBottom: 12 }}>
          <label htmlFor="attachment-kind">{t('files.kind')}</label>
          <select id="attachment-kind" value={kind} onChange={(e) => setKind(e.target.value)} style={{ height: 32 }}>
            {DOCUMENT_KINDS.map((k) => <option key={k} value={k}>{t(`files.kinds.${k}`)}</option>)}
          </select>
          <Upload
            showUploadList={false}
            accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx"
            customRequest={({ file, onSuccess, onError }) => {
              upload.mutate(file as File, { onSuccess: () => onSuccess?.(null), onError: (e) => onError?.(e as Error) });
            }}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending}>{t('files.upload')}</Button>
          </Upload>
        </Space>
      )}
      {list.data && list.data.items.length === 0 && <Empty description={t('files.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      <List
        size="small"
        dataSource={list.data?.items ?? []}
        renderItem={(f) => (
          <List.Item
            data-testid="attachment"
            actions={[
              <Button key="open" size="small" type="link" aria-label={`${t('files.download')}: ${f.filename}`}
                onClick={() => { setDownloadError(null); openFile(api.GET('/api/v1/attachments/{id}/content', { params: { path: { id: f.id } }, parseAs: 'blob' }), f.filename).catch(setDownloadError); }}>
                {t('files.download')}
              </Button>,
              ...(editable ? [
                <Button key="rm" size="small" aria-label={`${t('files.remove')}: ${f.filename}`} loading={remove.isPending && remove.variables === f.id}
                  onClick={() => remove.mutate(f.id)}>
                  {t('files.remove')}
                </Button>,
              ] : []),
            ]}
          >
            <Space wrap>
              <Typography.Text>{f.filename}</Typography.Text>
              <Tag>{label(f.kindLabel)}</Tag>
              <Typography.Text type="secondary">{Math.max(1, Math.round(f.size / 1024))} KB</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </div>
  );
}

const HISTORY_ACTIONS = ['create', 'submit', 'withdraw', 'pass', 'return', 'reject', 'award', 'decline'];

/** What happened to the application, with the reasons given (screening, withdrawal). */
export function HistoryPanel({ applicationId, version }: { applicationId: string; version: number }) {
  const { t } = useTranslation('applications');
  const q = useQuery({
    queryKey: ['applications', applicationId, 'history', version],
    queryFn: () => must(api.GET('/api/v1/applications/{id}/history', { params: { path: { id: applicationId } } })),
  });
  return (
    <div data-testid="history">
      <ProblemAlert error={q.error} />
      <Timeline
        items={(q.data?.items ?? []).map((h, i) => ({
          key: i,
          children: (
            <Space direction="vertical" size={0}>
              <span>{HISTORY_ACTIONS.includes(h.action) ? t(`history.actions.${h.action}`) : h.action} · <DateTime value={h.at} /></span>
              {h.reason && <Typography.Text type="secondary">{h.reason}</Typography.Text>}
            </Space>
          ),
        }))}
      />
    </div>
  );
}

/**
 * Puts a refusal's field errors onto the form: the server names them as stored ("core.beneficiaries",
 * "answers.need", "core.budgetLines.0.amountFen"); the form holds them flat, answers under `answers`.
 * Returns whether any landed, so the page can still show the whole message.
 */
export function fieldErrorsOntoForm(form: FormInstance, problem: Problem, lang: string): boolean {
  const landed: Array<{ name: (string | number)[]; errors: string[] }> = [];
  for (const e of problem.errors ?? []) {
    const parts = e.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const name = parts[0] === 'core' ? parts.slice(1) : parts;
    if (!name.length) continue;
    landed.push({ name, errors: [lang.startsWith('en') ? e.en : e.zh] });
  }
  form.setFields(landed);
  return landed.length > 0;
}
