import { useRef, useState } from 'react';
import { Button, Card, Descriptions, Form, Grid, Input, Modal, Radio, Space, Spin, Tabs, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { api, must } from '../../api/client';
import { DateTime } from '../../components/DateTime';
import { Deadline } from '../../components/Remaining';
import { useServiceAreas } from '../../components/serviceAreas';
import { Money } from '../../components/Money';
import { ProblemAlert } from '../../components/ProblemAlert';
import { CallEditor } from './CallEditor';
import { CALL_MANAGERS, CallStatusTag, type Call } from './shared';
import { SubmissionsTab } from './tabs/SubmissionsTab';
import { ReviewersTab } from './tabs/ReviewersTab';
import { ProgressTab } from './tabs/ProgressTab';
import { RankingTab } from './tabs/RankingTab';
import { NoticeTab } from './tabs/NoticeTab';
import { AwardsTab } from './tabs/AwardsTab';
import { useRoles } from '../../app/session';

/** Where an official lands for a call in each state (the workbench links here for notices and objections). */
const DEFAULT_TAB: Record<string, string> = {
  draft: 'overview', published: 'overview', cancelled: 'overview', closed: 'reviewers', reviewing: 'ranking', notice: 'notice', awarded: 'awards',
};
const AFTER_CLOSE = ['closed', 'reviewing', 'notice', 'awarded'];
/** How many of the call's tabs fit a 375 px tab bar without antd's overflow menu. */
const PHONE_TABS = 3;

export default function CallDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('calls');
  const manager = useRoles().has(...CALL_MANAGERS);
  const [search, setSearch] = useSearchParams();
  const screens = Grid.useBreakpoint();
  const q = useQuery({ queryKey: ['call', id], queryFn: () => must(api.GET('/api/v1/calls/{id}', { params: { path: { id } } })) });
  // The tab the page opened on stays while the officer works: assigning reviews moves a call from closed to
  // reviewing, and the page must not jump away from the result the officer has just been shown.
  const landing = useRef<{ id: string; tab: string } | null>(null);
  if (q.error) return <ProblemAlert error={q.error} />;
  if (!q.data) return <Spin aria-label={t('common.loading', { ns: 'common' })} />;
  const call = q.data;
  const s = call.status;
  const tabs = [
    { key: 'overview', label: t('tab.overview'), children: <Overview call={call} manager={manager} /> },
    ...(manager && s !== 'draft' && s !== 'cancelled' ? [{ key: 'submissions', label: t('tab.submissions'), children: <SubmissionsTab call={call} /> }] : []),
    ...(manager && AFTER_CLOSE.includes(s) ? [
      { key: 'reviewers', label: t('tab.reviewers'), children: <ReviewersTab call={call} /> },
      { key: 'progress', label: t('tab.progress'), children: <ProgressTab call={call} /> },
    ] : []),
    ...(manager && ['reviewing', 'notice', 'awarded'].includes(s) ? [{ key: 'ranking', label: t('tab.ranking'), children: <RankingTab call={call} /> }] : []),
    ...(manager && ['reviewing', 'notice', 'awarded'].includes(s) ? [{ key: 'notice', label: t('tab.notice'), children: <NoticeTab call={call} /> }] : []),
    ...(manager && ['notice', 'awarded'].includes(s) ? [{ key: 'awards', label: t('tab.awards'), children: <AwardsTab call={call} /> }] : []),
  ];
  if (landing.current?.id !== id) landing.current = { id, tab: manager ? DEFAULT_TAB[s] : 'overview' };
  const wanted = search.get('tab') ?? landing.current.tab;
  const active = tabs.some((x) => x.key === wanted) ? wanted : 'overview';
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {call.title} <CallStatusTag call={call} />
      </Typography.Title>
      {screens.md === false && tabs.length > PHONE_TABS ? (
        // More tabs than a phone's width holds: antd would put its "more" button inside the tablist, a critical ARIA
        // violation (axe), so a phone gets a wrapping row of buttons over the same sections and the same ?tab=.
        <>
          <Radio.Group optionType="button" value={active} onChange={(e) => setSearch({ tab: e.target.value as string }, { replace: true })}
            options={tabs.map((x) => ({ value: x.key, label: x.label }))} style={{ display: 'flex', flexWrap: 'wrap', rowGap: 8 }} data-testid="call-sections" />
          {tabs.find((x) => x.key === active)?.children}
        </>
      ) : (
        <Tabs activeKey={active} items={tabs} destroyOnHidden onChange={(k) => setSearch({ tab: k }, { replace: true })} />
      )}
    </Space>
  );
}

function Overview({ call, manager }: { call: Call; manager: boolean }) {
  const { t } = useTranslation('calls');
  const areas = useServiceAreas();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { has } = useRoles();
  const admin = has('district_admin');
  const organisation = has('org_admin', 'org_staff');
  const [cancelling, setCancelling] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const cancel = useMutation({
    mutationFn: (reason: string) => must(api.POST('/api/v1/calls/{id}/cancel', { params: { path: { id: call.id } }, body: { version: call.version, reason } })),
    onSuccess: (c) => {
      qc.setQueryData(['call', c.id], c);
      setCancelling(false);
    },
  });
  const start = useMutation({
    mutationFn: () => must(api.POST('/api/v1/calls/{callId}/applications', { params: { path: { callId: call.id } }, body: {} })),
    onSuccess: (created) => navigate(`/applications/${created.id}`),
  });
  if (call.status === 'draft' && manager) {
    return (
      <>
        {admin && <Button onClick={() => setCancelling(true)} style={{ marginBottom: 16 }}>{t('overview.cancel')}</Button>}
        <CallEditor call={call} onSaved={() => undefined} />
        <CancelModal open={cancelling} onClose={() => setCancelling(false)} form={form} onOk={(r) => cancel.mutate(r)} pending={cancel.isPending} error={cancel.error} />
      </>
    );
  }
  return (
    <Card>
      <ProblemAlert error={start.error} />
      <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
        <Descriptions.Item label={t('field.theme')}>{call.theme}</Descriptions.Item>
        <Descriptions.Item label={t('field.fundPool')}><Money fen={call.fundPoolFen} /></Descriptions.Item>
        <Descriptions.Item label={t('field.amountRange')}><Money fen={call.minAmountFen} /> – <Money fen={call.maxAmountFen} /></Descriptions.Item>
        <Descriptions.Item label={t('field.coFundingPercent')}>{call.coFundingPercent}%</Descriptions.Item>
        <Descriptions.Item label={t('field.opensAt')}><DateTime value={call.opensAt} /></Descriptions.Item>
        <Descriptions.Item label={t('field.closesAt')}>
          <Deadline value={call.closesAt} showRemaining={call.acceptingApplications} />
        </Descriptions.Item>
        <Descriptions.Item label={t('field.reviewBy')}><DateTime value={call.reviewBy} /></Descriptions.Item>
        <Descriptions.Item label={t('field.noticeWorkingDays')}>{call.noticeWorkingDays}</Descriptions.Item>
        <Descriptions.Item label={t('field.blindReview')}>{call.blindReview ? t('yes') : t('no')}</Descriptions.Item>
        <Descriptions.Item label={t('field.serviceAreas')}>{call.serviceAreas.map(areas.label).join('、')}</Descriptions.Item>
        <Descriptions.Item label={t('field.description')} span={2}>{call.description}</Descriptions.Item>
      </Descriptions>
      <Space wrap style={{ marginTop: 16 }}>
        {organisation && call.acceptingApplications && (
          <Button type="primary" loading={start.isPending} onClick={() => start.mutate()}>{t('list.start')}</Button>
        )}
        {admin && call.status === 'published' && <Button onClick={() => setCancelling(true)}>{t('overview.cancel')}</Button>}
      </Space>
      <CancelModal open={cancelling} onClose={() => setCancelling(false)} form={form} onOk={(r) => cancel.mutate(r)} pending={cancel.isPending} error={cancel.error} />
    </Card>
  );
}

function CancelModal({ open, onClose, form, onOk, pending, error }: {
  open: boolean; onClose: () => void; form: ReturnType<typeof Form.useForm<{ reason: string }>>[0]; onOk: (reason: string) => void; pending: boolean; error: unknown;
}) {
  const { t } = useTranslation('calls');
  return (
    <Modal open={open} title={t('overview.cancelTitle')} onCancel={onClose} okText={t('overview.cancelConfirm')} cancelText={t('overview.back')}
      okButtonProps={{ danger: true, loading: pending }} onOk={() => form.validateFields().then((v) => onOk(v.reason)).catch(() => undefined)} forceRender>
      <ProblemAlert error={error} details />
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('overview.cancelReason')} rules={[{ required: true, message: t('form.required') }]}><Input.TextArea rows={3} maxLength={500} /></Form.Item>
      </Form>
    </Modal>
  );
}
