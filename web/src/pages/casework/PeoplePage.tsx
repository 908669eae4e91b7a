import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { App, Button, Card, Col, Form, Grid, Input, List, Row, Space, Table, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, must, type Schemas } from '../../api/client';
import { CommunitySelect } from '../../components/CommunitySelect';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Pager, useCursorPages } from '../../components/Pager';
import { EmptyText } from './shared';

type Person = Schemas['BeneficiarySummary'];
const PAGE = 20;

interface RegisterForm {
  name: string;
  idNumber: string;
  phone?: string;
  communityId?: string;
  guardianName?: string;
  guardianRelation?: string;
  guardianPhone?: string;
}

const blank = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

/** 服务对象: the people this worker may see, masked as the API gives them, and the form to register one. */
export default function PeoplePage() {
  const { t } = useTranslation('casework');
  const screens = Grid.useBreakpoint();
  const [name, setName] = useState('');
  const [registering, setRegistering] = useState(false);
  const pages = useCursorPages(name);
  const list = useQuery({
    queryKey: ['casework', 'beneficiaries', name, pages.cursor],
    queryFn: () => must(api.GET('/api/v1/casework/beneficiaries', { params: { query: { limit: PAGE, cursor: pages.cursor, name: name || undefined } } })),
    placeholderData: (prev) => prev,
  });
  const items = list.data?.items ?? [];
  const gender = (p: Person) => (p.gender ? t(`people.gender.${p.gender}`, { defaultValue: p.gender }) : '—');
  const person = (p: Person) => <Link to={`/casework/people/${p.id}`} style={{ display: 'inline-block', minHeight: 24, lineHeight: '24px' }}>{p.name}</Link>;

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>{t('people.title')}</Typography.Title>
        {!registering && <Button type="primary" onClick={() => setRegistering(true)}>{t('people.register.open')}</Button>}
      </Space>
      {registering && <RegisterCard onClose={() => setRegistering(false)} />}
      <Card>
        <Input.Search
          aria-label={t('people.search')}
          placeholder={t('people.searchPlaceholder')}
          allowClear
          onSearch={(v) => setName(v.trim())}
          style={{ maxWidth: 320, marginBottom: 16 }}
        />
        <ProblemAlert error={list.error} />
        {screens.md ? (
          <Table<Person>
            rowKey="id"
            size="small"
            loading={list.isFetching}
            dataSource={items}
            pagination={false}
            data-testid="people-list"
            locale={{ emptyText: <EmptyText>{t('people.empty')}</EmptyText> }}
            onRow={(p) => ({ 'data-testid': 'person-row', 'data-id': p.id } as HTMLAttributes<HTMLElement>)}
            columns={[
              { title: t('people.field.name'), key: 'name', render: (_, p) => person(p) },
              { title: t('people.field.gender'), key: 'gender', render: (_, p) => gender(p) },
              { title: t('people.field.birthYear'), key: 'birthYear', render: (_, p) => p.birthYear ?? '—' },
              { title: t('people.field.idNumber'), key: 'id', render: (_, p) => p.idNumber ?? '—' },
              { title: t('people.field.phone'), key: 'phone', render: (_, p) => p.phone ?? '—' },
              { title: t('people.field.community'), key: 'community', render: (_, p) => p.community?.name ?? '—' },
            ]}
          />
        ) : (
          <List
            loading={list.isFetching}
            dataSource={items}
            data-testid="people-list"
            locale={{ emptyText: <EmptyText>{t('people.empty')}</EmptyText> }}
            renderItem={(p) => (
              <List.Item data-testid="person-row" data-id={p.id}>
                <Space direction="vertical" size={0} style={{ width: '100%' }}>
                  <Space wrap>{person(p)}<span>{gender(p)}</span>{p.birthYear && <span>{p.birthYear}</span>}</Space>
                  <span>{t('people.field.idNumber')}: {p.idNumber ?? '—'}</span>
                  <span>{t('people.field.phone')}: {p.phone ?? '—'}</span>
                  {p.community?.name && <span>{t('people.field.community')}: {p.community.name}</span>}
                </Space>
              </List.Item>
            )}
          />
        )}
        <Pager label={t('people.paging')} pages={pages} total={list.data?.total} nextCursor={list.data?.nextCursor} />
      </Card>
    </Space>
  );
}

/** 登记服务对象: the server checks the ID number; a person already known by it is answered `existing` and shown. */
function RegisterCard({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('casework');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm<RegisterForm>();
  const register = useMutation({
    mutationFn: (v: RegisterForm) => {
      const guardianName = blank(v.guardianName);
      return must(api.POST('/api/v1/casework/beneficiaries', {
        body: {
          name: v.name.trim(),
          idNumber: v.idNumber.trim().toUpperCase(),
          phone: blank(v.phone),
          communityId: v.communityId || undefined,
          guardian: guardianName ? { name: guardianName, relation: blank(v.guardianRelation) ?? '', phone: blank(v.guardianPhone) } : undefined,
        },
      }));
    },
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: ['casework', 'beneficiaries'] });
      void message.success(r.existing ? t('people.register.existing') : t('people.register.done'));
      navigate(`/casework/people/${r.beneficiary.id}${r.existing ? '?existing=1' : ''}`);
    },
  });
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('people.register.title')}</h2>} data-testid="register-person">
      <ProblemAlert error={register.error} details />
      <Form form={form} layout="vertical" onFinish={(v) => register.mutate(v)}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t('people.field.name')} rules={[{ required: true, whitespace: true, message: t('people.register.nameRequired') }]}>
              <Input maxLength={50} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="idNumber" label={t('people.field.idNumber')} extra={t('people.register.idHint')} rules={[{ required: true, whitespace: true, message: t('people.register.idRequired') }]}>
              <Input maxLength={18} autoComplete="off" inputMode="text" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="phone" label={t('people.field.phone')}>
              <Input maxLength={20} inputMode="tel" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="communityId" label={t('people.field.community')}>
              <CommunitySelect placeholder={t('people.register.communityPlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('people.register.guardianHint')}</Typography.Paragraph>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="guardianName" label={t('people.field.guardianName')}>
              <Input maxLength={50} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="guardianRelation" label={t('people.field.guardianRelation')} dependencies={['guardianName']}
              rules={[({ getFieldValue }) => ({ validator: (_, v) => (blank(getFieldValue('guardianName')) && !blank(v) ? Promise.reject(new Error(t('people.register.relationRequired'))) : Promise.resolve()) })]}>
              <Input maxLength={20} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="guardianPhone" label={t('people.field.guardianPhone')}>
              <Input maxLength={20} inputMode="tel" autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={register.isPending}>{t('people.register.submit')}</Button>
          <Button onClick={onClose}>{t('people.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
