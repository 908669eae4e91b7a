import { useState } from 'react';
import { Button, Empty, List, Space, Tag, Timeline, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, must, type Schemas } from '../../api/client';
import { DateTime } from '../../components/DateTime';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { Tone } from '../../components/ToneTag';
import { saveFromApi } from '../../components/download';
import { useLabel } from '../../components/label';

export type Application = Schemas['ApplicationResponse'];
export type Call = Schemas['CallResponse'];
export type Attachment = Schemas['AttachmentsUploadResponse'];

/** The kinds an applicant may attach (the server's APPLICATION_DOCUMENT_KINDS decides; these are offered). */
export const DOCUMENT_KINDS = ['proposal', 'budget', 'cofunding_proof', 'team', 'other'] as const;

export const STATUS_TONE: Record<string, Tone> = {
  draft: 'neutral', submitted: 'info', returned: 'warn', withdrawn: 'neutral', passed: 'good', rejected: 'bad', awarded: 'award', declined: 'neutral',
};

/** The files attached to an application, as the reader may see them (one query, shared by every part of the page). */
export function useAttachments(applicationId: string) {
  return useQuery({
    queryKey: ['attachments', 'application', applicationId],
    queryFn: () => must(api.GET('/api/v1/attachments', { params: { query: { ownerType: 'application', ownerId: applicationId } } })),
  });
}

/** An application's files: listed for anyone who may read them; uploaded and removed while `editable`. */
export function AttachmentsPanel({ applicationId, editable }: { applicationId: string; editable: boolean }) {
  const { t } = useTranslation('applications');
  const label = useLabel();
  const qc = useQueryClient();
  const [kind, setKind] = useState<string>('proposal');
  const key = ['attachments', 'application', applicationId];
  const list = useAttachments(applicationId);
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
                onClick={() => { setDownloadError(null); saveFromApi(api.GET('/api/v1/attachments/{id}/content', { params: { path: { id: f.id } }, parseAs: 'blob' }), f.filename).catch(setDownloadError); }}>
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
