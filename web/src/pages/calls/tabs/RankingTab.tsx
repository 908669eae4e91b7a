import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Form, Input, Space, Statistic, Table, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, must, type Schemas } from '../../../api/client';
import { Money } from '../../../components/Money';
import { MoneyInput } from '../../../components/MoneyInput';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { ProblemError } from '../../../components/problem';
import { fenToYuan } from '../../../components/money';
import { ToneTag } from '../../../components/ToneTag';
import { type Call } from '../shared';

type Rank = Schemas['ReviewsRankItem'];
interface Choice { amountFen?: string; reason?: string }

/**
 * The ranking and, while the call is under review, the selection within the pool: the system's proposal is the
 * starting point; the officer changes the set or the amounts with reasons. The remaining pool is shown as they
 * choose; the server decides (over the pool, a missing reason) and its word is shown.
 */
export function RankingTab({ call }: { call: Call }) {
  const { t } = useTranslation('calls');
  const qc = useQueryClient();
  const editable = call.status === 'reviewing';
  const ranking = useQuery({
    queryKey: ['call', call.id, 'ranking'],
    queryFn: () => must(api.GET('/api/v1/calls/{callId}/ranking', { params: { path: { callId: call.id } } })),
  });
  // No selection yet is a 409 SELECTION_EMPTY: an empty selection here, not an error.
  const saved = useQuery({
    queryKey: ['call', call.id, 'selection'],
    queryFn: async () => {
      try {
        return await must(api.GET('/api/v1/calls/{callId}/selection', { params: { path: { callId: call.id } } }));
      } catch (e) {
        if (e instanceof ProblemError && e.problem.code === 'SELECTION_EMPTY') return null;
        throw e;
      }
    },
  });
  const [choices, setChoices] = useState<Map<string, Choice> | null>(null);
  const [reason, setReason] = useState('');
  useEffect(() => {
    if (choices || !ranking.data || saved.isPending) return;
    const start = new Map<string, Choice>();
    if (saved.data?.items.length) {
      for (const i of saved.data.items) start.set(i.applicationId, { amountFen: i.amountFen, reason: i.reason ?? undefined });
      setReason(saved.data.reason ?? '');
    } else {
      for (const r of ranking.data.items) if (r.proposed) start.set(r.applicationId, { amountFen: r.proposedFen });
    }
    setChoices(start);
  }, [choices, ranking.data, saved.data, saved.isPending]);

  const select = useMutation({
    mutationFn: () => must(api.PUT('/api/v1/calls/{callId}/selection', {
      params: { path: { callId: call.id } },
      body: {
        version: call.version,
        reason: reason.trim() || undefined,
        items: [...(choices ?? new Map()).entries()].map(([applicationId, c]) => ({ applicationId, amountFen: c.amountFen ?? '', reason: c.reason?.trim() || undefined })),
      },
    })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['call', call.id] }),
  });

  const pool = BigInt(ranking.data?.fundPoolFen ?? call.fundPoolFen);
  let total = 0n;
  for (const c of choices?.values() ?? []) if (c.amountFen && /^\d+$/.test(c.amountFen)) total += BigInt(c.amountFen);
  const remaining = pool - total;
  const update = (id: string, patch: Partial<Choice> | null) => {
    const next = new Map(choices ?? []);
    if (patch === null) next.delete(id);
    else next.set(id, { ...next.get(id), ...patch });
    setChoices(next);
    select.reset();
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <ProblemAlert error={ranking.error ?? saved.error} />
      {ranking.data && !ranking.data.reviewFinished && <Alert type="info" showIcon message={t('ranking.notFinished')} />}
      <Space wrap size="large">
        <Statistic title={t('ranking.pool')} value={`¥${fenToYuan(pool.toString())}`} />
        <Statistic title={t('ranking.selectedTotal')} value={`¥${fenToYuan(total.toString())}`} />
        <div data-testid="pool-remaining">
          <Statistic title={t('ranking.remaining')} value={`¥${fenToYuan(remaining.toString())}`} valueStyle={{ color: remaining < 0n ? '#cf1322' : undefined }} />
        </div>
      </Space>
      <Table<Rank>
        rowKey="applicationId"
        size="small"
        scroll={{ x: true }}
        loading={ranking.isPending}
        dataSource={ranking.data?.items ?? []}
        pagination={false}
        data-testid="ranking"
        columns={[
          {
            title: t('ranking.select'), key: 'select', render: (_, r) => (
              <Checkbox checked={!!choices?.has(r.applicationId)} disabled={!editable}
                aria-label={t('ranking.selectOne', { ref: r.referenceNo })}
                onChange={(e) => update(r.applicationId, e.target.checked ? { amountFen: r.requestedFen } : null)} />
            ),
          },
          { title: t('ranking.rank'), dataIndex: 'rank' },
          { title: t('submissions.reference'), dataIndex: 'referenceNo' },
          { title: t('submissions.project'), dataIndex: 'projectTitle' },
          { title: t('submissions.organisation'), dataIndex: 'organisationName' },
          { title: t('ranking.score'), dataIndex: 'score', render: (v: number, r) => <span data-testid="score">{v.toFixed(2)}{r.highestAndLowestDropped && <Typography.Text type="secondary"> {t('ranking.dropped')}</Typography.Text>}</span> },
          { title: t('ranking.reviews'), dataIndex: 'reviewCount' },
          { title: t('submissions.requested'), dataIndex: 'requestedFen', render: (v: string) => <Money fen={v} /> },
          { title: t('ranking.proposed'), dataIndex: 'proposed', render: (v: boolean) => (v ? <ToneTag tone="good">{t('ranking.proposedYes')}</ToneTag> : null) },
          {
            title: t('ranking.amount'), key: 'amount', render: (_, r) => {
              const c = choices?.get(r.applicationId);
              if (!c) return null;
              return editable ? (
                <Space direction="vertical" size={4}>
                  <MoneyInput value={c.amountFen} onChange={(v) => update(r.applicationId, { amountFen: v })} aria-label={t('ranking.amountOf', { ref: r.referenceNo })} />
                  {c.amountFen !== r.requestedFen && (
                    <Input value={c.reason} onChange={(e) => update(r.applicationId, { reason: e.target.value })} aria-label={t('ranking.reasonOf', { ref: r.referenceNo })} placeholder={t('ranking.reasonPlaceholder')} />
                  )}
                </Space>
              ) : <Money fen={c.amountFen} />;
            },
          },
        ]}
      />
      {editable && (
        <Form layout="vertical" onFinish={() => select.mutate()}>
          <Form.Item label={t('ranking.reason')} htmlFor="selection-reason" extra={t('ranking.reasonHint')}>
            <Input.TextArea id="selection-reason" rows={2} value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} />
          </Form.Item>
          <ProblemAlert error={select.error} details />
          {select.data && <Alert type="success" showIcon role="status" style={{ marginBottom: 16 }} message={t('ranking.saved', { total: fenToYuan(select.data.totalFen) })} />}
          <Button type="primary" htmlType="submit" loading={select.isPending} disabled={!choices?.size}>{t('ranking.save')}</Button>
        </Form>
      )}
    </Space>
  );
}
