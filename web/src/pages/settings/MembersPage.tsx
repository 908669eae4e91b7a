import { useMemo, useRef, useState } from 'react';
import { App, Button, Card, Form, type FormInstance, Input, Modal, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, must, type Schemas } from '../../api/client';
import type { Role } from '../../app/session';
import { DateTime } from '../../components/DateTime';
import { CommunitySelect } from '../../components/CommunitySelect';
import { ProblemAlert, showFieldErrors } from '../../components/ProblemAlert';
import { ProblemError } from '../../components/problem';
import { cursorPages } from '../../components/cursorPages';
import { ToneTag, type Tone } from '../../components/ToneTag';

type Member = Schemas['UserResponse'];

/** Roles a district admin hands out here; organisation roles come with an organisation (its admin or the portal). */
const DISTRICT_ROLES: Role[] = [
  'district_admin', 'programme_officer', 'finance_officer', 'reviewer', 'evaluator', 'community_staff',
  'social_worker', 'supervisor', 'fund_manager',
];
const ALL_ROLES: Role[] = [...DISTRICT_ROLES, 'org_admin', 'org_staff'];
const STATUSES = ['invited', 'active', 'suspended'] as const;
// Solid, dark tag colours: antd's light preset tags fail WCAG AA contrast.
const STATUS_TONE: Record<string, Tone> = { invited: 'warn', active: 'good', suspended: 'neutral' };

type Status = (typeof STATUSES)[number];
interface Filters { role?: Role; status?: Status; q?: string }

export default function MembersPage() {
  const { t, i18n } = useTranslation('settings');
  const en = i18n.language === 'en';
  const { message } = App.useApp();
  const table = useRef<ActionType>(null);
  const [filters, setFilters] = useState<Filters>({});
  const [counts, setCounts] = useState<Schemas['MemberListCounts'] | null>(null);
  const [listError, setListError] = useState<unknown>(null);
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<Member | null>(null);
  const [suspending, setSuspending] = useState<Member | null>(null);
  const reload = () => table.current?.reload();

  const fetchPage = useMemo(() => cursorPages<Member, Filters>(async (f, cursor, limit) => {
    const res = await must(api.GET('/api/v1/members', { params: { query: { ...f, cursor, limit } } }));
    setCounts(res.counts);
    return res;
  }), []);

  const resend = useMutation({
    mutationFn: (m: Member) => must(api.POST('/api/v1/members/{id}/invitations', { params: { path: { id: m.id } } })),
    onSuccess: () => { void message.success(t('members.resent')); reload(); },
  });
  const reactivate = useMutation({
    mutationFn: (m: Member) => must(api.POST('/api/v1/members/{id}/reactivate', { params: { path: { id: m.id } }, body: { version: m.version } })),
    onSuccess: () => { void message.success(t('members.reactivated')); reload(); },
  });

  const roleLabel = (r: { role: string; label: { zh: string; en: string } }) => (en ? r.label.en : r.label.zh);
  const columns: ProColumns<Member>[] = [
    { title: t('members.name'), dataIndex: 'name', render: (_, m) => <Space direction="vertical" size={0}><Typography.Text strong>{m.name}</Typography.Text>{m.title && <Typography.Text type="secondary">{m.title}</Typography.Text>}</Space> },
    { title: t('members.contact'), key: 'contact', responsive: ['md'], render: (_, m) => <Space direction="vertical" size={0}><span>{m.phone}</span>{m.email && <span>{m.email}</span>}</Space> },
    { title: t('members.roles'), key: 'roles', render: (_, m) => <Space wrap size={4}>{m.roles.map((r) => <Tag key={r.role}>{roleLabel(r)}</Tag>)}</Space> },
    {
      title: t('members.status'), dataIndex: 'status', render: (_, m) => (
        <Space direction="vertical" size={0}>
          <ToneTag tone={STATUS_TONE[m.status]} data-testid="member-status">{t(`members.statusName.${m.status}`, { defaultValue: m.status })}</ToneTag>
          {m.status === 'suspended' && m.statusReason && <Typography.Text type="secondary">{m.statusReason}</Typography.Text>}
        </Space>
      ),
    },
    { title: t('members.since'), dataIndex: 'createdAt', responsive: ['lg'], render: (_, m) => <DateTime value={m.createdAt} withTime={false} /> },
    {
      title: t('members.actions'), key: 'actions', render: (_, m) => (
        <Space wrap size={4}>
          {m.status === 'invited' && (
            <Button size="small" autoInsertSpace={false} onClick={() => resend.mutate(m)} loading={resend.isPending && resend.variables?.id === m.id} aria-label={`${t('members.resend')}: ${m.name}`}>
              {t('members.resend')}
            </Button>
          )}
          {m.status !== 'suspended' && (
            <Button size="small" autoInsertSpace={false} onClick={() => setEditing(m)} aria-label={`${t('members.changeRoles')}: ${m.name}`}>{t('members.changeRoles')}</Button>
          )}
          {m.status === 'active' && (
            <Button size="small" autoInsertSpace={false} onClick={() => setSuspending(m)} aria-label={`${t('members.suspend')}: ${m.name}`}>{t('members.suspend')}</Button>
          )}
          {m.status === 'suspended' && (
            <Popconfirm title={t('members.reactivateConfirm', { name: m.name })} onConfirm={() => reactivate.mutate(m)} okText={t('members.reactivate')} cancelText={t('cancel')}>
              <Button size="small" autoInsertSpace={false} aria-label={`${t('members.reactivate')}: ${m.name}`}>{t('members.reactivate')}</Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('menu.members')}</h1>} extra={<Button type="primary" onClick={() => setInviting(true)}>{t('members.invite')}</Button>}>
      <ProblemAlert error={listError ?? resend.error ?? reactivate.error} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={t('members.search')}
          placeholder={t('members.search')}
          allowClear
          onSearch={(q) => setFilters((f) => ({ ...f, q: q.trim() || undefined }))}
          style={{ width: 240 }}
        />
        <Select
          aria-label={t('members.filterRole')}
          placeholder={t('members.filterRole')}
          allowClear
          style={{ width: 180 }}
          value={filters.role}
          onChange={(role?: Role) => setFilters((f) => ({ ...f, role }))}
          options={ALL_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        />
        <Select
          aria-label={t('members.filterStatus')}
          placeholder={t('members.filterStatus')}
          allowClear
          style={{ width: 160 }}
          value={filters.status}
          onChange={(status?: Status) => setFilters((f) => ({ ...f, status }))}
          options={STATUSES.map((s) => ({ value: s, label: t(`members.statusName.${s}`) }))}
        />
        {counts && counts.invited > 0 && (
          <Button type="link" onClick={() => setFilters((f) => ({ ...f, status: 'invited' }))} data-testid="pending-invitations">
            {t('members.pending', { count: counts.invited })}
          </Button>
        )}
      </Space>
      <ProTable<Member, Filters>
        actionRef={table}
        rowKey="id"
        columns={columns}
        params={filters}
        search={false}
        options={false}
        pagination={{ defaultPageSize: 20, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
        onRequestError={setListError}
        request={async (params) => {
          setListError(null);
          const { current = 1, pageSize = 20, role, status, q } = params;
          return fetchPage({ role, status, q }, current, pageSize);
        }}
      />
      {inviting && <InviteModal onClose={(done) => { setInviting(false); if (done) reload(); }} />}
      {editing && <RolesModal member={editing} onClose={(done) => { setEditing(null); if (done) reload(); }} />}
      {suspending && <SuspendModal member={suspending} onClose={(done) => { setSuspending(null); if (done) reload(); }} />}
    </Card>
  );
}

function useFormSubmit<T>(form: FormInstance<T>, call: (values: T) => Promise<unknown>, onDone: () => void) {
  const { i18n } = useTranslation();
  return useMutation({
    mutationFn: call,
    onSuccess: onDone,
    onError: (err) => {
      if (err instanceof ProblemError) showFieldErrors(form as FormInstance, err.problem, i18n.language);
    },
  });
}

interface InviteValues { name: string; phone?: string; email?: string; roles: Role[]; placeId?: string; title?: string }

function InviteModal({ onClose }: { onClose: (done: boolean) => void }) {
  const { t } = useTranslation('settings');
  const { message } = App.useApp();
  const [form] = Form.useForm<InviteValues>();
  const roles = Form.useWatch('roles', form) ?? [];
  const submit = useFormSubmit<InviteValues>(form, (v) => must(api.POST('/api/v1/members/invitations', {
    body: { name: v.name, roles: v.roles, phone: v.phone || undefined, email: v.email || undefined, placeId: v.placeId, title: v.title || undefined },
  })), () => {
    void message.success(t('members.invited'));
    onClose(true);
  });
  return (
    <Modal open title={t('members.invite')} onCancel={() => onClose(false)} okText={t('members.sendInvitation')} cancelText={t('cancel')}
      onOk={() => form.submit()} confirmLoading={submit.isPending} destroyOnHidden>
      <ProblemAlert error={submit.error} />
      <Form form={form} layout="vertical" onFinish={(v) => submit.mutate(v)} name="invite">
        <Form.Item name="name" label={t('members.name')} rules={[{ required: true, message: t('members.nameRequired') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="phone" label={t('members.phone')} extra={t('members.phoneOrEmail')}>
          <Input inputMode="tel" autoComplete="off" />
        </Form.Item>
        <Form.Item name="email" label={t('members.email')}>
          <Input type="email" autoComplete="off" />
        </Form.Item>
        <Form.Item name="roles" label={t('members.roles')} rules={[{ required: true, message: t('members.rolesRequired') }]}>
          <Select mode="multiple" options={DISTRICT_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        </Form.Item>
        {roles.includes('community_staff') && (
          <Form.Item name="placeId" label={t('members.community')}>
            <CommunitySelect />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('members.title')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RolesModal({ member, onClose }: { member: Member; onClose: (done: boolean) => void }) {
  const { t } = useTranslation('settings');
  const [form] = Form.useForm<{ roles: Role[] }>();
  const submit = useFormSubmit<{ roles: Role[] }>(form, (v) => must(api.PATCH('/api/v1/members/{id}/roles', {
    params: { path: { id: member.id } }, body: { roles: v.roles, version: member.version },
  })), () => onClose(true));
  return (
    <Modal open title={`${t('members.changeRoles')}: ${member.name}`} onCancel={() => onClose(false)} onOk={() => form.submit()}
      okText={t('save')} cancelText={t('cancel')} confirmLoading={submit.isPending} destroyOnHidden>
      <ProblemAlert error={submit.error} />
      <Form form={form} layout="vertical" name="roles" initialValues={{ roles: member.roles.map((r) => r.role) }} onFinish={(v) => submit.mutate(v)}>
        <Form.Item name="roles" label={t('members.roles')} rules={[{ required: true, message: t('members.rolesRequired') }]}>
          <Select mode="multiple" options={ALL_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function SuspendModal({ member, onClose }: { member: Member; onClose: (done: boolean) => void }) {
  const { t } = useTranslation('settings');
  const [form] = Form.useForm<{ reason: string }>();
  const submit = useFormSubmit<{ reason: string }>(form, (v) => must(api.POST('/api/v1/members/{id}/suspend', {
    params: { path: { id: member.id } }, body: { reason: v.reason, version: member.version },
  })), () => onClose(true));
  return (
    <Modal open title={`${t('members.suspend')}: ${member.name}`} onCancel={() => onClose(false)} onOk={() => form.submit()}
      okText={t('members.suspend')} cancelText={t('cancel')} confirmLoading={submit.isPending} destroyOnHidden>
      <ProblemAlert error={submit.error} />
      <Form form={form} layout="vertical" name="suspend" onFinish={(v) => submit.mutate(v)}>
        <Form.Item name="reason" label={t('members.reason')} extra={t('members.suspendEffect')}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
