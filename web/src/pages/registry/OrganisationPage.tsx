import { ProDescriptions, ProTable, type ProColumns } from '@ant-design/pro-components';
import { useMemo, useState } from 'react';
import { Alert, Card, DatePicker, Form, Input, List, Select, Space, Spin, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, must, type Schemas } from '../../api/client';
import { DateTime, formatDateTime } from '../../components/DateTime';
import { useServiceAreas } from '../../components/serviceAreas';
import { ProblemAlert } from '../../components/ProblemAlert';
import { cursorPages } from '../../components/cursorPages';
import { ActionButton, DocumentList, ReasonField, Sections, StatusTag, useIsDecider } from './shared';
import { ORG_TYPES, useLabel, type OrgType } from '../../components/label';
import { dateField } from '../../components/dateField';

type Organisation = Schemas['OrganisationResponse'];
type Qualification = Schemas['QualificationResponse'];

/** The pending change of core facts: whatever fields the organisation asked to change, shown as they were sent. */
/** The certificate facts the organisation changed, awaiting approval: only those present, the type by its name. */
function PendingChange({ change }: { change: Schemas['OrganisationPendingChange'] }) {
  const { t } = useTranslation('registry');
  const show = useLabel();
  return (
    <ProDescriptions column={1} size="small" data-testid="pending-change">
      {Object.entries(change).filter(([, v]) => v !== undefined).map(([k, v]) => (
        <ProDescriptions.Item key={k} label={t(`fields.${k}`, { defaultValue: k })}>
          {k === 'orgType' && v in ORG_TYPES ? show(ORG_TYPES[v as OrgType]) : v}
        </ProDescriptions.Item>
      ))}
    </ProDescriptions>
  );
}

/** The record as the district reads it; shared with /my-organisation (which passes no actions). */
export function OrganisationFacts({ org }: { org: Organisation }) {
  const { t } = useTranslation('registry');
  const show = useLabel();
  return (
    <ProDescriptions column={{ xs: 1, sm: 1, md: 2 }} bordered size="small" data-testid="organisation-facts">
      <ProDescriptions.Item label={t('fields.name')}>{org.name}</ProDescriptions.Item>
      <ProDescriptions.Item label={t('fields.creditCode')}>{org.creditCode}</ProDescriptions.Item>
      <ProDescriptions.Item label={t('fields.orgType')}>{show(org.orgTypeLabel)}</ProDescriptions.Item>
      <ProDescriptions.Item label={t('fields.registrationAuthority')}>{org.registrationAuthority}</ProDescriptions.Item>
      <ProDescriptions.Item label={t('fields.registeredOn')}>{org.registeredOn}</ProDescriptions.Item>
      <ProDescriptions.Item label={t('fields.legalRepresentative')}>{org.legalRepresentative}</ProDescriptions.Item>
      <ProDescriptions.Item label={t('fields.address')}>{org.address || '—'}</ProDescriptions.Item>
      <ProDescriptions.Item label={t('fields.community')}>{org.community?.name ?? '—'}</ProDescriptions.Item>
      <ProDescriptions.Item label={t('fields.serviceAreas')}>{org.serviceAreas.map((a) => show(a)).join('、') || '—'}</ProDescriptions.Item>
      <ProDescriptions.Item label={t('fields.grade')}>
        {org.grade ? `${org.grade.label} (${org.grade.validFrom} – ${org.grade.validUntil})${org.grade.current ? '' : ` ${t('grade.lapsed')}`}` : '—'}
      </ProDescriptions.Item>
      <ProDescriptions.Item label={t('fields.contact')}>
        {[org.contact.name, org.contact.phone, org.contact.email].filter(Boolean).join(' · ') || '—'}
      </ProDescriptions.Item>
      <ProDescriptions.Item label={t('fields.bankAccount')}>
        {[org.bankAccount.accountName, org.bankAccount.bankName, org.bankAccount.accountNo].filter(Boolean).join(' · ') || '—'}
      </ProDescriptions.Item>
      <ProDescriptions.Item label={t('fields.staffCount')}>{org.staffCount}</ProDescriptions.Item>
      <ProDescriptions.Item label={t('fields.certifiedSocialWorkers')}>{org.certifiedSocialWorkers}</ProDescriptions.Item>
      <ProDescriptions.Item label={t('fields.introduction')} span={2}>{org.introduction || '—'}</ProDescriptions.Item>
      <ProDescriptions.Item label={t('fields.submittedAt')}><DateTime value={org.submittedAt} /></ProDescriptions.Item>
      <ProDescriptions.Item label={t('fields.verifiedAt')}><DateTime value={org.verifiedAt} /></ProDescriptions.Item>
    </ProDescriptions>
  );
}

/** Status, standing and the reasons the district gave, as the organisation and the district both read them. */
export function StatusLine({ org }: { org: Organisation }) {
  const { t } = useTranslation('registry');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <span>{t('fields.status')}:</span><StatusTag code={org.status} label={org.statusLabel} testId="organisation-status" />
        <span>{t('fields.standing')}:</span><StatusTag code={org.standing} label={org.standingLabel} testId="organisation-standing" />
      </Space>
      {org.statusReason && (
        <Alert type={org.status === 'returned' ? 'warning' : 'info'} showIcon message={t('status.reason')} description={org.statusReason} data-testid="status-reason" />
      )}
      {org.standingReason && org.standing !== 'good' && (
        <Alert type="error" showIcon message={t('status.standingReason')} description={org.standingReason} data-testid="standing-reason" />
      )}
    </Space>
  );
}

export function HistoryList({ id }: { id: string }) {
  const { t } = useTranslation('registry');
  const show = useLabel();
  const q = useQuery({ queryKey: ['organisation', id, 'history'], queryFn: () => must(api.GET('/api/v1/organisations/{id}/history', { params: { path: { id } } })) });
  return (
    <>
      <ProblemAlert error={q.error} />
      <List
        loading={q.isPending}
        data-testid="history"
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: t('history.none') }}
        renderItem={(h) => (
          <List.Item>
            <List.Item.Meta
              title={<Space wrap><Typography.Text strong>{show(h.actionLabel)}</Typography.Text>{h.actorName && <Typography.Text type="secondary">{h.actorName}</Typography.Text>}</Space>}
              description={<><DateTime value={h.occurredAt} />{h.reason && <div>{t('history.reason')}: {h.reason}</div>}</>}
            />
          </List.Item>
        )}
      />
    </>
  );
}

function Eligibility({ id }: { id: string }) {
  const { t } = useTranslation('registry');
  const show = useLabel();
  const q = useQuery({ queryKey: ['organisation', id, 'eligibility'], queryFn: () => must(api.GET('/api/v1/organisations/{id}/eligibility', { params: { path: { id } } })) });
  if (q.error) return <ProblemAlert error={q.error} />;
  if (!q.data) return <Spin aria-label={t('common.loading')} />;
  return (
    <Alert
      type={q.data.eligible ? 'success' : 'warning'}
      showIcon
      data-testid="eligibility"
      message={q.data.eligible ? t('eligibility.yes', { on: q.data.judgedOn }) : t('eligibility.no', { on: q.data.judgedOn })}
      description={q.data.reasons.length ? <ul style={{ margin: 0 }}>{q.data.reasons.map((r) => <li key={r.code}>{show(r)}</li>)}</ul> : undefined}
    />
  );
}

type Member = Schemas['UserResponse'];

/**
 * The organisation's people, a page at a time on the server (its cursor), never a capped first batch. `reloads`
 * changes when the caller knows the list changed (an invitation sent), so the table asks again.
 */
export function MemberList({ id, actions, reloads = 0 }: { id: string; actions?: (m: Member) => React.ReactNode[]; reloads?: number }) {
  const { t } = useTranslation('registry');
  const show = useLabel();
  const [error, setError] = useState<unknown>(null);
  const fetchPage = useMemo(() => cursorPages<Member, { id: string }>(async (f, cursor, limit) =>
    must(api.GET('/api/v1/organisations/{id}/members', { params: { path: { id: f.id }, query: { cursor, limit } } }))), []);
  const columns: ProColumns<Member>[] = [
    {
      title: t('members.name'), dataIndex: 'name', render: (_, m) => (
        <Space wrap size={4}>
          <Typography.Text strong>{m.name}</Typography.Text>
          {m.title && <Typography.Text type="secondary">{m.title}</Typography.Text>}
          <Tag data-status={m.status}>{t(`members.status.${m.status}`, { defaultValue: m.status })}</Tag>
        </Space>
      ),
    },
    { title: t('members.contact'), key: 'contact', responsive: ['md'], render: (_, m) => [m.phone, m.email].filter(Boolean).join(' · ') },
    { title: t('members.roles'), key: 'roles', render: (_, m) => m.roles.map((r) => show(r.label)).join('、') },
    ...(actions ? [{ title: t('members.actions'), key: 'actions', render: (_: unknown, m: Member) => <Space wrap size={4}>{actions(m)}</Space> }] : []),
  ];
  return (
    <div data-testid="members">
      <ProblemAlert error={error} />
      <ProTable<Member, { id: string; reloads: number }>
        rowKey="id"
        columns={columns}
        params={{ id, reloads }}
        search={false}
        options={false}
        size="small"
        locale={{ emptyText: t('members.none') }}
        pagination={{ defaultPageSize: 20, showSizeChanger: false, size: 'small' }}
        scroll={{ x: 'max-content' }}
        request={async ({ current = 1, pageSize = 20 }) => {
          setError(null);
          try {
            return await fetchPage({ id }, current, pageSize);
          } catch (err) {
            setError(err);
            return { data: [], total: 0, success: false };
          }
        }}
      />
    </div>
  );
}

/** A qualification's areas, dates and decision, the same for the district and the organisation. */
export function QualificationMeta({ q }: { q: Qualification }) {
  const { t } = useTranslation('registry');
  const show = useLabel();
  return (
    <List.Item.Meta
      title={
        <Space wrap>
          <StatusTag code={q.status} label={q.statusLabel} testId="qualification-status" />
          {q.status === 'approved' && <Typography.Text type="secondary" data-testid="qualification-effective" data-status={q.effectiveStatus}>{t(`qualification.effective.${q.effectiveStatus}`, { defaultValue: q.effectiveStatus })}</Typography.Text>}
          {q.serviceAreas.map((a) => show(a)).join('、')}
        </Space>
      }
      description={
        <>
          {q.statement && <div>{q.statement}</div>}
          {(q.validFrom || q.validUntil) && <div>{t('qualification.valid')}: {q.validFrom ?? '—'} – {q.validUntil ?? t('qualification.open')}</div>}
          {q.decisionReason && <div data-testid="qualification-reason">{t('history.reason')}: {q.decisionReason}</div>}
          <div>{t('qualification.appliedAt')} <DateTime value={q.createdAt} /></div>
        </>
      }
    />
  );
}

function Qualifications({ id, decider }: { id: string; decider: boolean }) {
  const { t } = useTranslation('registry');
  const areas = useServiceAreas();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['organisation', id, 'qualifications'], queryFn: () => must(api.GET('/api/v1/organisations/{id}/qualifications', { params: { path: { id } } })) });
  const refresh = () => qc.invalidateQueries({ queryKey: ['organisation', id] });
  const path = (qid: string) => ({ path: { id: qid } });
  return (
    <>
      <ProblemAlert error={q.error} />
      <List
        loading={q.isPending}
        data-testid="qualifications"
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: t('qualification.none') }}
        renderItem={(item) => (
          <List.Item
            actions={!decider ? [] : item.status === 'applied' ? [
              <ActionButton
                key="approve"
                testId="qualification-approve"
                type="primary"
                label={t('actions.approve')}
                initialValues={{ serviceAreas: item.serviceAreas.map((a) => a.code), validFrom: formatDateTime(new Date(), false) }}
                onDone={refresh}
                submit={(v) => must(api.POST('/api/v1/organisation-qualifications/{id}/approve', {
                  params: path(item.id),
                  body: { version: item.version, validFrom: v.validFrom as string | undefined, validUntil: v.validUntil as string | undefined, serviceAreas: v.serviceAreas as never, note: (v.note as string) || undefined },
                }))}
              >
                {() => (
                  <>
                    <Form.Item name="serviceAreas" label={t('fields.serviceAreas')}>
                      <Select mode="multiple" options={areas.options.filter((o) => item.serviceAreas.some((a) => a.code === o.value))} />
                    </Form.Item>
                    <Form.Item name="validFrom" label={t('qualification.validFrom')} {...dateField}><DatePicker style={{ width: '100%' }} /></Form.Item>
                    <Form.Item name="validUntil" label={t('qualification.validUntil')} {...dateField}><DatePicker style={{ width: '100%' }} /></Form.Item>
                    <Form.Item name="note" label={t('actions.note')}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
                  </>
                )}
              </ActionButton>,
              <ActionButton key="reject" testId="qualification-reject" danger label={t('actions.reject')} onDone={refresh}
                submit={(v) => must(api.POST('/api/v1/organisation-qualifications/{id}/reject', { params: path(item.id), body: { version: item.version, reason: v.reason as string } }))}>
                {() => <ReasonField />}
              </ActionButton>,
            ] : item.status === 'approved' ? [
              <ActionButton key="expire" testId="qualification-expire" label={t('actions.expire')} onDone={refresh}
                submit={(v) => must(api.POST('/api/v1/organisation-qualifications/{id}/expire', { params: path(item.id), body: { version: item.version, on: v.on as string, reason: (v.reason as string) || undefined } }))}>
                {() => (
                  <>
                    <Form.Item name="on" label={t('qualification.expireOn')} rules={[{ required: true, message: t('actions.dateRequired') }]} {...dateField}><DatePicker style={{ width: '100%' }} /></Form.Item>
                    <Form.Item name="reason" label={t('actions.reason')}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
                  </>
                )}
              </ActionButton>,
              <ActionButton key="revoke" testId="qualification-revoke" danger label={t('actions.revoke')} onDone={refresh}
                submit={(v) => must(api.POST('/api/v1/organisation-qualifications/{id}/revoke', { params: path(item.id), body: { version: item.version, reason: v.reason as string } }))}>
                {() => <ReasonField />}
              </ActionButton>,
            ] : []}
          >
            <QualificationMeta q={item} />
          </List.Item>
        )}
      />
    </>
  );
}

type VersionReason = { version: number; reason: string };
/** One literal path per call: the typed client checks each path and body against the API's own document. */
function standingCall(action: 'suspend' | 'reinstate' | 'blacklist' | 'delist', id: string, body: VersionReason) {
  const p = { params: { path: { id } }, body };
  switch (action) {
    case 'suspend': return api.POST('/api/v1/organisations/{id}/suspend', p);
    case 'reinstate': return api.POST('/api/v1/organisations/{id}/reinstate', p);
    case 'blacklist': return api.POST('/api/v1/organisations/{id}/blacklist', p);
    case 'delist': return api.POST('/api/v1/organisations/{id}/delist', p);
  }
}

/** The district's decisions the record's state allows; none for finance (read only). */
function Decisions({ org, onDone }: { org: Organisation; onDone: () => void }) {
  const { t } = useTranslation('registry');
  const id = org.id;
  const body = (v: Record<string, unknown>) => ({ version: org.version, reason: v.reason as string });
  const p = { params: { path: { id } } };
  const buttons: React.ReactNode[] = [];
  if (org.status === 'submitted') {
    buttons.push(
      <ActionButton key="verify" testId="verify" type="primary" label={t('actions.verify')} onDone={onDone}
        submit={(v) => must(api.POST('/api/v1/organisations/{id}/verify', { ...p, body: { version: org.version, note: (v.note as string) || undefined } }))}>
        {() => <Form.Item name="note" label={t('actions.note')}><Input.TextArea rows={2} maxLength={500} /></Form.Item>}
      </ActionButton>,
      <ActionButton key="return" testId="return" danger label={t('actions.return')} onDone={onDone}
        submit={(v) => must(api.POST('/api/v1/organisations/{id}/return', { ...p, body: body(v) }))}>
        {() => <ReasonField label={t('actions.returnReason')} />}
      </ActionButton>,
    );
  }
  if (org.pendingChange) {
    buttons.push(
      <ActionButton key="change-approve" testId="change-approve" type="primary" label={t('actions.approveChange')} onDone={onDone}
        submit={() => must(api.POST('/api/v1/organisations/{id}/changes/approve', { ...p, body: { version: org.version } }))} />,
      <ActionButton key="change-return" testId="change-return" danger label={t('actions.returnChange')} onDone={onDone}
        submit={(v) => must(api.POST('/api/v1/organisations/{id}/changes/return', { ...p, body: body(v) }))}>
        {() => <ReasonField />}
      </ActionButton>,
    );
  }
  if (org.status === 'verified') {
    buttons.push(
      <ActionButton key="grade" testId="grade" label={t('actions.grade')} onDone={onDone}
        initialValues={{ grade: org.grade?.grade, validFrom: org.grade?.validFrom, validUntil: org.grade?.validUntil }}
        submit={(v) => must(api.POST('/api/v1/organisations/{id}/grade', { ...p, body: { version: org.version, grade: v.grade as number, validFrom: v.validFrom as string, validUntil: v.validUntil as string, note: (v.note as string) || undefined } }))}>
        {() => (
          <>
            <Form.Item name="grade" label={t('fields.grade')} rules={[{ required: true, message: t('grade.required') }]}>
              <Select options={[1, 2, 3, 4, 5].map((g) => ({ value: g, label: `${g}A` }))} />
            </Form.Item>
            <Form.Item name="validFrom" label={t('grade.validFrom')} rules={[{ required: true, message: t('actions.dateRequired') }]} {...dateField}><DatePicker style={{ width: '100%' }} /></Form.Item>
            <Form.Item name="validUntil" label={t('grade.validUntil')} rules={[{ required: true, message: t('actions.dateRequired') }]} {...dateField}><DatePicker style={{ width: '100%' }} /></Form.Item>
            <Form.Item name="note" label={t('grade.note')}><Input maxLength={200} /></Form.Item>
          </>
        )}
      </ActionButton>,
    );
  }
  if (org.status !== 'closed') {
    const standing = (action: 'suspend' | 'reinstate' | 'blacklist' | 'delist', danger: boolean) => (
      <ActionButton key={action} testId={action} danger={danger} label={t(`actions.${action}`)} onDone={onDone}
        submit={(v) => must(standingCall(action, id, body(v)))}>
        {() => <ReasonField />}
      </ActionButton>
    );
    if (org.standing === 'good') buttons.push(standing('suspend', true), standing('blacklist', true));
    if (org.standing === 'suspended') buttons.push(standing('reinstate', false), standing('blacklist', true));
    if (org.standing === 'blacklisted') buttons.push(standing('delist', false));
    buttons.push(
      <ActionButton key="close" testId="close" danger label={t('actions.close')} onDone={onDone}
        submit={(v) => must(api.POST('/api/v1/organisations/{id}/close', { ...p, body: body(v) }))}>
        {() => <ReasonField />}
      </ActionButton>,
    );
  }
  if (!buttons.length) return null;
  return <Space wrap data-testid="decisions">{buttons}</Space>;
}

/** One record as the district sees it: facts, documents, history, members, eligibility and the decisions allowed. */
export default function OrganisationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('registry');
  const decider = useIsDecider();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['organisation', id], queryFn: () => must(api.GET('/api/v1/organisations/{id}', { params: { path: { id } } })) });
  const refresh = () => qc.invalidateQueries({ queryKey: ['organisation', id] });
  const org = q.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Link to="/organisations">{t('registry.back')}</Link>
      <ProblemAlert error={q.error} />
      {q.isPending && <Spin aria-label={t('common.loading')} />}
      {org && (
        <>
          <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }} data-testid="organisation-name">{org.name}</Typography.Title>
          <StatusLine org={org} />
          {org.pendingChange && (
            <Card size="small" title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('pendingChange.title')}</h2>}>
              <PendingChange change={org.pendingChange} />
            </Card>
          )}
          {decider && <Decisions org={org} onDone={refresh} />}
          <Sections
            items={[
              { key: 'facts', label: t('tabs.facts'), children: <OrganisationFacts org={org} /> },
              { key: 'documents', label: t('tabs.documents'), children: <DocumentList documents={org.documents} /> },
              { key: 'qualifications', label: t('tabs.qualifications'), children: <Qualifications id={id} decider={decider} /> },
              { key: 'history', label: t('tabs.history'), children: <HistoryList id={id} /> },
              { key: 'members', label: t('tabs.members'), children: <MemberList id={id} /> },
              { key: 'eligibility', label: t('tabs.eligibility'), children: <Eligibility id={id} /> },
            ]}
          />
        </>
      )}
    </Space>
  );
}
