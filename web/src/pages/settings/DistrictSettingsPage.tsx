import { useEffect, useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, must, type Schemas } from '../../api/client';
import { TIME_ZONE } from '../../components/DateTime';
import { ProblemAlert, showFieldErrors } from '../../components/ProblemAlert';
import { ProblemError } from '../../components/problem';

/** What the add form collects: the day goes in the path, the rest is the request body. */
type HolidayValues = Schemas['HolidayDto'] & { day: string };
type Holiday = Schemas['DistrictHolidayResponse'];

/** The working-day calendar (notice periods count working days on it) and the project rules the district sets. */
export default function DistrictSettingsPage() {
  const { t } = useTranslation('settings');
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <h1 style={{ fontSize: 20, margin: 0 }}>{t('menu.districtSettings')}</h1>
      <HolidaysCard />
      <ProjectSettingsCard />
    </Space>
  );
}

function HolidaysCard() {
  const { t, i18n } = useTranslation('settings');
  const qc = useQueryClient();
  const { message } = App.useApp();
  const thisYear = dayjs().tz(TIME_ZONE).year();
  const [year, setYear] = useState(thisYear);
  const [form] = Form.useForm<HolidayValues>();
  const list = useQuery({
    queryKey: ['district-holidays', year],
    queryFn: () => must(api.GET('/api/v1/district-holidays', { params: { query: { year: String(year) } } })),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['district-holidays'] });
  const add = useMutation({
    mutationFn: (v: HolidayValues) => must(api.PUT('/api/v1/district-holidays/{day}', { params: { path: { day: v.day.trim() } }, body: { kind: v.kind, name: v.name } })),
    onSuccess: (saved) => {
      void message.success(t('holidays.added', { day: saved.day }));
      form.resetFields(['day', 'name']);
      const savedYear = Number(saved.day.slice(0, 4));
      if (savedYear !== year) setYear(savedYear);
      void refresh();
    },
    onError: (err) => { if (err instanceof ProblemError) showFieldErrors(form, err.problem, i18n.language); },
  });
  const remove = useMutation({
    mutationFn: (day: string) => must(api.DELETE('/api/v1/district-holidays/{day}', { params: { path: { day } } })),
    onSuccess: () => void refresh(),
  });
  const items = list.data?.items ?? [];
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('holidays.title')}</h2>} extra={
      <Select aria-label={t('holidays.year')} value={year} onChange={setYear} style={{ width: 110 }}
        options={[thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((y) => ({ value: y, label: String(y) }))} />
    }>
      <p>{t('holidays.intro')}</p>
      <ProblemAlert error={list.error ?? add.error ?? remove.error} />
      <Form form={form} layout="inline" name="holiday" initialValues={{ kind: 'holiday' }} onFinish={(v) => add.mutate(v)} style={{ rowGap: 8, marginBottom: 16 }}>
        <Form.Item name="day" label={t('holidays.day')} rules={[{ required: true, message: t('holidays.dayRequired') }]}>
          <Input placeholder="YYYY-MM-DD" style={{ width: 140 }} autoComplete="off" />
        </Form.Item>
        <Form.Item name="kind" label={t('holidays.kind')}>
          <Select style={{ width: 150 }} options={(['holiday', 'workday'] as const).map((k) => ({ value: k, label: t(`holidays.kindName.${k}`) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('holidays.name')} rules={[{ required: true, message: t('holidays.nameRequired') }]}>
          <Input style={{ width: 160 }} autoComplete="off" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending}>{t('holidays.add')}</Button>
        </Form.Item>
      </Form>
      <Table<Holiday>
        rowKey="day"
        size="small"
        loading={list.isPending}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: t('holidays.empty', { year }) }}
        columns={[
          { title: t('holidays.day'), dataIndex: 'day', render: (d: string) => <span data-testid="holiday-day">{d}</span> },
          { title: t('holidays.kind'), dataIndex: 'kind', render: (k: string) => <Tag color={k === 'holiday' ? '#a8071a' : '#0958d9'}>{t(`holidays.kindName.${k}`, { defaultValue: k })}</Tag> },
          { title: t('holidays.name'), dataIndex: 'name' },
          {
            title: t('holidays.actions'), key: 'actions', render: (_, h) => (
              <Popconfirm title={t('holidays.removeConfirm', { day: h.day })} okText={t('holidays.remove')} cancelText={t('cancel')} onConfirm={() => remove.mutate(h.day)}>
                <Button size="small" autoInsertSpace={false} aria-label={`${t('holidays.remove')}: ${h.day}`}>{t('holidays.remove')}</Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}

type ProjectSettings = Omit<Schemas['ProjectSettingsDto'], 'version'>;

function ProjectSettingsCard() {
  const { t, i18n } = useTranslation('settings');
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProjectSettings>();
  const settings = useQuery({ queryKey: ['projects', 'settings'], queryFn: () => must(api.GET('/api/v1/projects/settings')) });
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  const save = useMutation({
    mutationFn: (v: ProjectSettings) => must(api.PUT('/api/v1/projects/settings', { body: { ...v, version: settings.data!.version } })),
    onSuccess: (saved) => {
      qc.setQueryData(['projects', 'settings'], saved);
      void message.success(t('projectSettings.saved'));
    },
    onError: (err) => { if (err instanceof ProblemError) showFieldErrors(form, err.problem, i18n.language); },
  });
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('projectSettings.title')}</h2>}>
      <ProblemAlert error={settings.error ?? save.error} />
      <Form form={form} layout="vertical" name="projectSettings" onFinish={(v) => save.mutate(v)} disabled={!settings.data} style={{ maxWidth: 480 }}>
        <Form.Item name="reallocationThresholdPercent" label={t('projectSettings.threshold')} extra={t('projectSettings.thresholdHint')} rules={[{ required: true }]}>
          <InputNumber precision={0} addonAfter="%" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="reminderDaysBefore" label={t('projectSettings.reminder')} extra={t('projectSettings.reminderHint')} rules={[{ required: true }]}>
          <InputNumber precision={0} addonAfter={t('projectSettings.days')} style={{ width: 160 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>{t('save')}</Button>
      </Form>
    </Card>
  );
}
