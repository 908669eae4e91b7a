import { useMemo, useState } from 'react';
import { Alert, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, List, Select, Space, Spin, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, must, type Schemas } from '../../api/client';
import { useServiceAreas } from '../../components/serviceAreas';
import { ProblemAlert, showFieldErrors } from '../../components/ProblemAlert';
import { ProblemError } from '../../components/problem';
import { HistoryList, MemberList, OrganisationFacts, QualificationMeta, StatusLine } from './OrganisationPage';
import { dateField } from '../../components/dateField';
import { ActionButton, DOCUMENT_KINDS, DocumentList, Sections } from './shared';
import { ORG_TYPES, options } from '../../components/label';
import { useRoles } from '../../app/session';

type Organisation = Schemas['OrganisationResponse'];
type Update = Schemas['UpdateOrganisationDto'];

/** The editable profile as the PATCH body names it (the response nests contact and bank account). */
function formValues(org: Organisation): Omit<Update, 'version'> {
  return {
    name: org.name,
    creditCode: org.creditCode,
    orgType: org.orgType as Update['orgType'],
    registrationAuthority: org.registrationAuthority,
    registeredOn: org.registeredOn,
    legalRepresentative: org.legalRepresentative,
    address: org.address ?? '',
    serviceAreas: org.serviceAreas.map((a) => a.code) as Update['serviceAreas'],
    introduction: org.introduction ?? '',
    contactName: org.contact.name ?? '',
    contactPhone: org.contact.phone ?? '',
    contactEmail: org.contact.email ?? '',
    bankAccountName: org.bankAccount.accountName ?? '',
    bankName: org.bankAccount.bankName ?? '',
    bankAccountNo: org.bankAccount.accountNo ?? '',
    staffCount: org.staffCount,
    certifiedSocialWorkers: org.certifiedSocialWorkers,
  };
}

/**
 * Only what the person changed is sent: an untouched core fact of a verified record must not turn into a pending
 * change, and a blank optional field stays unset rather than failing its length rule.
 */
function changes(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(after)) {
    if (JSON.stringify(v ?? '') !== JSON.stringify(before[k] ?? '')) out[k] = v === '' ? undefined : v;
  }
  return out;
}

function ProfileForm({ org, onSaved }: { org: Organisation; onSaved: () => void }) {
  const { t, i18n } = useTranslation('registry');
  const areas = useServiceAreas();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const initial = useMemo(() => formValues(org), [org]);
  const text = (name: keyof Update, max: number, extra?: object) => (
    <Form.Item name={name} label={t(`fields.${name}`)} {...extra}><Input maxLength={max} /></Form.Item>
  );
  return (
    <Form
      form={form}
      name="profile"
      layout="vertical"
      initialValues={initial}
      key={org.version}
      data-testid="profile-form"
      onFinish={async (values: Record<string, unknown>) => {
        setBusy(true);
        setError(null);
        setSaved(null);
        try {
          const diff = changes(initial as Record<string, unknown>, values);
          const res = await must(api.PATCH('/api/v1/organisations/{id}', { params: { path: { id: org.id } }, body: { ...diff, version: org.version } as Update }));
          setSaved(res.pendingChange ? t('profile.savedPending') : t('profile.saved'));
          onSaved();
        } catch (err) {
          if (!(err instanceof ProblemError && showFieldErrors(form, err.problem, i18n.language))) setError(err);
        } finally {
          setBusy(false);
        }
      }}
    >
      <ProblemAlert error={error} />
      {saved && <Alert type="success" showIcon role="status" message={saved} style={{ marginBottom: 16 }} data-testid="profile-saved" />}
      {org.status === 'verified' && <Alert type="info" showIcon message={t('profile.coreHint')} style={{ marginBottom: 16 }} />}
      {text('name', 100, { rules: [{ required: true, message: t('profile.required') }] })}
      {text('creditCode', 40, { rules: [{ required: true, message: t('profile.required') }] })}
      <Form.Item name="orgType" label={t('fields.orgType')}><Select options={options(ORG_TYPES, i18n.language)} /></Form.Item>
      {text('registrationAuthority', 100)}
      <Form.Item name="registeredOn" label={t('fields.registeredOn')} {...dateField}><DatePicker style={{ width: '100%' }} /></Form.Item>
      {text('legalRepresentative', 50)}
      {text('address', 200)}
      <Form.Item name="serviceAreas" label={t('fields.serviceAreas')}><Select mode="multiple" options={areas.options} /></Form.Item>
      <Form.Item name="introduction" label={t('fields.introduction')}><Input.TextArea rows={4} maxLength={2000} /></Form.Item>
      {text('contactName', 50)}
      {text('contactPhone', 30)}
      {text('contactEmail', 254)}
      {text('bankAccountName', 100)}
      {text('bankName', 100)}
      {text('bankAccountNo', 40)}
      <Form.Item name="staffCount" label={t('fields.staffCount')}><InputNumber min={0} precision={0} style={{ width: '100%' }} /></Form.Item>
      <Form.Item name="certifiedSocialWorkers" label={t('fields.certifiedSocialWorkers')}><InputNumber min={0} precision={0} style={{ width: '100%' }} /></Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="profile-save">{t('profile.save')}</Button>
    </Form>
  );
}

function Documents({ org, canWrite, onChanged }: { org: Organisation; canWrite: boolean; onChanged: () => void }) {
  const { t, i18n } = useTranslation('registry');
  const [kind, setKind] = useState<string>('registration_certificate');
  const [error, setError] = useState<unknown>(null);
  const remove = useMutation({
    mutationFn: (id: string) => must(api.DELETE('/api/v1/attachments/{id}', { params: { path: { id } } })),
    onSuccess: onChanged,
    onError: setError,
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <ProblemAlert error={error} />
      {canWrite && (
        <Space wrap>
          <Select aria-label={t('documents.kind')} value={kind} onChange={setKind} options={options(DOCUMENT_KINDS, i18n.language)} style={{ minWidth: 180 }} data-testid="document-kind" />
          <Upload
            showUploadList={false}
            customRequest={async ({ file, onSuccess, onError }) => {
              setError(null);
              const body = new FormData();
              body.append('ownerType', 'organisation');
              body.append('ownerId', org.id);
              body.append('kind', kind);
              body.append('file', file as Blob);
              try {
                // The API takes multipart/form-data; the client passes FormData through untouched.
                const res = await must(api.POST('/api/v1/attachments', { body: body as never, bodySerializer: (b: unknown) => b as FormData }));
                onSuccess?.(res);
                onChanged();
              } catch (err) {
                setError(err);
                onError?.(err as Error);
              }
            }}
          >
            <Button icon={<UploadOutlined />} data-testid="document-upload">{t('documents.upload')}</Button>
          </Upload>
        </Space>
      )}
      <DocumentList documents={org.documents} onRemove={canWrite ? (d) => remove.mutate(d.id) : undefined} removing={remove.isPending} />
    </Space>
  );
}

function Qualifications({ org, canApply }: { org: Organisation; canApply: boolean }) {
  const { t, i18n } = useTranslation('registry');
  const areas = useServiceAreas();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const key = ['organisation', org.id, 'qualifications'];
  const q = useQuery({ queryKey: key, queryFn: () => must(api.GET('/api/v1/organisations/{id}/qualifications', { params: { path: { id: org.id } } })) });
  const refresh = () => qc.invalidateQueries({ queryKey: key });
  const apply = useMutation({
    mutationFn: (v: { serviceAreas: string[]; statement?: string }) =>
      must(api.POST('/api/v1/organisations/{id}/qualifications', { params: { path: { id: org.id } }, body: { serviceAreas: v.serviceAreas as never, statement: v.statement || undefined } })),
    onSuccess: () => { form.resetFields(); setError(null); void refresh(); },
    onError: (err) => { if (!(err instanceof ProblemError && showFieldErrors(form, err.problem, i18n.language))) setError(err); },
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <ProblemAlert error={q.error} />
      <List
        loading={q.isPending}
        data-testid="qualifications"
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: t('qualification.none') }}
        renderItem={(item) => (
          <List.Item
            actions={canApply && item.status === 'applied' ? [
              <ActionButton key="withdraw" testId="qualification-withdraw" label={t('actions.withdraw')} onDone={refresh}
                submit={() => must(api.POST('/api/v1/organisation-qualifications/{id}/withdraw', { params: { path: { id: item.id } }, body: { version: item.version } }))} />,
            ] : []}
          >
            <QualificationMeta q={item} />
          </List.Item>
        )}
      />
      {canApply && (
        <Card size="small" title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('qualification.apply')}</h2>}>
          <ProblemAlert error={error} />
          <Form form={form} name="qualification" layout="vertical" onFinish={(v) => { setError(null); apply.mutate(v); }}>
            <Form.Item name="serviceAreas" label={t('qualification.areas')} rules={[{ required: true, message: t('qualification.areasRequired') }]}>
              <Checkbox.Group options={areas.options} />
            </Form.Item>
            <Form.Item name="statement" label={t('qualification.statement')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
            <Button type="primary" htmlType="submit" loading={apply.isPending} data-testid="qualification-apply">{t('qualification.applySubmit')}</Button>
          </Form>
        </Card>
      )}
    </Space>
  );
}

function Members({ org, canInvite }: { org: Organisation; canInvite: boolean }) {
  const { t, i18n } = useTranslation('registry');
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const refresh = () => setReloads((n) => n + 1);
  const invite = useMutation({
    mutationFn: (v: { name: string; phone?: string; email?: string; title?: string; roles: string[] }) =>
      must(api.POST('/api/v1/organisations/{id}/members', {
        params: { path: { id: org.id } },
        body: { name: v.name, phone: v.phone || undefined, email: v.email || undefined, title: v.title || undefined, roles: v.roles as never },
      })),
    onSuccess: (res) => { form.resetFields(); setNotice(t('members.invited', { name: res.member.name })); void refresh(); },
    onError: (err) => { if (!(err instanceof ProblemError && showFieldErrors(form, err.problem, i18n.language))) setError(err); },
  });
  const resend = useMutation({
    mutationFn: (id: string) => must(api.POST('/api/v1/members/{id}/invitations', { params: { path: { id } } })),
    onSuccess: () => setNotice(t('members.resent')),
    onError: setError,
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {notice && <Alert type="success" showIcon role="status" message={notice} data-testid="members-notice" />}
      <ProblemAlert error={error} />
      <MemberList
        id={org.id}
        reloads={reloads}
        actions={(m) => (canInvite && m.status === 'invited' ? [
          <Button key="resend" size="small" loading={resend.isPending} aria-label={`${t('members.resend')}: ${m.name}`} onClick={() => { setError(null); setNotice(null); resend.mutate(m.id); }}>
            {t('members.resend')}
          </Button>,
        ] : [])}
      />
      {canInvite && (
        <Card size="small" title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('members.invite')}</h2>}>
          <Form form={form} name="invite" layout="vertical" initialValues={{ roles: ['org_staff'] }} onFinish={(v) => { setError(null); setNotice(null); invite.mutate(v); }}>
            <Form.Item name="name" label={t('members.name')} rules={[{ required: true, message: t('profile.required') }]}><Input maxLength={50} /></Form.Item>
            <Form.Item name="phone" label={t('members.phone')}><Input maxLength={20} /></Form.Item>
            <Form.Item name="email" label={t('members.email')}><Input maxLength={254} /></Form.Item>
            <Form.Item name="title" label={t('members.title')}><Input maxLength={50} /></Form.Item>
            <Form.Item name="roles" label={t('members.roles')} rules={[{ required: true, message: t('profile.required') }]}>
              <Checkbox.Group options={['org_admin', 'org_staff', 'social_worker', 'supervisor'].map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={invite.isPending} data-testid="member-invite">{t('members.inviteSubmit')}</Button>
          </Form>
        </Card>
      )}
    </Space>
  );
}

/** 本机构: the organisation's own record — why it was returned, what is missing, edit, submit, documents, people. */
export default function MyOrganisationPage() {
  const { t, i18n } = useTranslation('registry');
  const { has } = useRoles();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['organisation', 'mine'], queryFn: () => must(api.GET('/api/v1/organisations/mine')) });
  const refresh = () => qc.invalidateQueries({ queryKey: ['organisation'] });
  const org = q.data;
  const isAdmin = has('org_admin');
  const open = !!org && org.status !== 'closed';
  const missing = (org?.missingForSubmission ?? []) as Array<{ item: string; zh: string; en: string }>;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>{t('mine.title')}</Typography.Title>
      <ProblemAlert error={q.error} />
      {q.isPending && <Spin aria-label={t('common.loading')} />}
      {org && (
        <>
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }} data-testid="organisation-name">{org.name}</Typography.Title>
          <StatusLine org={org} />
          {org.grade && <Typography.Text data-testid="organisation-grade">{t('fields.grade')}: {org.grade.label} ({org.grade.validFrom} – {org.grade.validUntil})</Typography.Text>}
          {org.pendingChange && <Alert type="info" showIcon message={t('mine.pendingChange')} />}
          {(org.status === 'draft' || org.status === 'returned') && missing.length > 0 && (
            <Alert type="warning" showIcon message={t('mine.missing')} data-testid="missing"
              description={<ul style={{ margin: 0 }}>{missing.map((m) => <li key={m.item}>{i18n.language.startsWith('en') ? m.en : m.zh}</li>)}</ul>} />
          )}
          {isAdmin && (
            <Space wrap>
              {(org.status === 'draft' || org.status === 'returned') && (
                <ActionButton testId="submit" type="primary" label={t('actions.submit')} onDone={refresh}
                  submit={() => must(api.POST('/api/v1/organisations/{id}/submit', { params: { path: { id: org.id } }, body: { version: org.version } }))} />
              )}
              {org.status === 'submitted' && (
                <ActionButton testId="withdraw" label={t('actions.withdrawSubmission')} onDone={refresh}
                  submit={() => must(api.POST('/api/v1/organisations/{id}/withdraw', { params: { path: { id: org.id } }, body: { version: org.version } }))} />
              )}
            </Space>
          )}
          <Sections
            items={[
              {
                key: 'profile', label: t('tabs.profile'),
                children: isAdmin && open ? <ProfileForm org={org} onSaved={refresh} /> : <OrganisationFacts org={org} />,
              },
              { key: 'documents', label: t('tabs.documents'), children: <Documents org={org} canWrite={open} onChanged={refresh} /> },
              { key: 'qualifications', label: t('tabs.qualifications'), children: <Qualifications org={org} canApply={isAdmin && open} /> },
              { key: 'members', label: t('tabs.members'), children: <Members org={org} canInvite={isAdmin && open} /> },
              { key: 'history', label: t('tabs.history'), children: <HistoryList id={org.id} /> },
            ]}
          />
        </>
      )}
    </Space>
  );
}
