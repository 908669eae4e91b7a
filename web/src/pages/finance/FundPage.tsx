import { App, Button, Card, Col, Form, Grid, Input, List, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, must, type Schemas } from '../../api/client';
import { DateTime } from '../../components/DateTime';
import { Money } from '../../components/Money';
import { MoneyInput, moneyRules } from '../../components/MoneyInput';
import { ProblemAlert, showFieldErrors } from '../../components/ProblemAlert';
import { ProblemError } from '../../components/problem';
import { fenToYuan } from '../../components/money';
import { Pager, useCursorPages } from '../../components/Pager';
import { TONES } from '../../components/ToneTag';
import { useIdempotencyKey } from '../projects/shared';
import { useRoles } from '../../app/session';
import { h2 } from '../../components/headings';

type Line = Schemas['FundStatementLine'];

/** 专项资金: the programme fund's balance, reservations and what is free; appropriations in; its statement. */
export default function FundPage() {
  const { t } = useTranslation('finance');
  const { has } = useRoles();
  const summary = useQuery({ queryKey: ['funds', 'summary'], queryFn: () => must(api.GET('/api/v1/funds/programme')) });
  const s = summary.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>{t('fund.title')}</Typography.Title>
      <Card title={h2(t('fund.summary'))} data-testid="fund-summary">
        <ProblemAlert error={summary.error} />
        {s && (
          <Row gutter={[16, 16]}>
            {([['balance', s.balanceFen], ['reserved', s.reservedFen], ['available', s.availableFen], ['appropriated', s.appropriatedFen]] as const).map(([k, fen]) => (
              <Col xs={12} md={6} key={k}><Statistic title={t(`fund.${k}`)} value={fenToYuan(fen)} prefix="¥" /></Col>
            ))}
          </Row>
        )}
      </Card>
      {has('finance_officer') && <AppropriationCard />}
      <StatementCard />
    </Space>
  );
}

interface AppropriationForm { amountFen?: string; documentNo: string; memo?: string }

function AppropriationCard() {
  const { t, i18n } = useTranslation('finance');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<AppropriationForm>();
  const idem = useIdempotencyKey();
  const add = useMutation({
    mutationFn: (v: AppropriationForm) => must(api.POST('/api/v1/funds/programme/appropriations', {
      params: { header: { 'Idempotency-Key': idem.key() } },
      body: { amountFen: v.amountFen!, documentNo: v.documentNo, memo: v.memo || undefined },
    })),
    onSuccess: (r) => {
      idem.done();
      form.resetFields();
      void message.success(t('appropriation.done', { amount: fenToYuan(r.amountFen) }));
      void qc.invalidateQueries({ queryKey: ['funds'] });
    },
    onError: (e) => { if (e instanceof ProblemError) showFieldErrors(form, e.problem, i18n.language); },
  });
  return (
    <Card title={h2(t('appropriation.title'))} data-testid="appropriation">
      <ProblemAlert error={add.error} />
      <Form form={form} layout="vertical" style={{ maxWidth: 480 }} onFinish={(v) => add.mutate(v)}>
        <Form.Item name="amountFen" label={t('appropriation.amount')} rules={moneyRules(t, { required: true, positive: true })}><MoneyInput /></Form.Item>
        <Form.Item name="documentNo" label={t('appropriation.documentNo')} rules={[{ required: true, message: t('appropriation.documentNoRequired') }]}>
          <Input placeholder={t('appropriation.documentNoExample')} />
        </Form.Item>
        <Form.Item name="memo" label={t('appropriation.memo')}><Input /></Form.Item>
        <Button type="primary" htmlType="submit" loading={add.isPending}>{t('appropriation.submit')}</Button>
      </Form>
    </Card>
  );
}

function StatementCard() {
  const { t } = useTranslation('finance');
  const screens = Grid.useBreakpoint();
  const pages = useCursorPages('statement');
  const statement = useQuery({
    queryKey: ['funds', 'statement', pages.cursor],
    queryFn: () => must(api.GET('/api/v1/funds/programme/statement', { params: { query: { limit: 20, cursor: pages.cursor } } })),
    placeholderData: (prev) => prev,
  });
  const amount = (l: Line) => <span style={{ color: l.amountFen.startsWith('-') ? TONES.bad.color : TONES.good.color }}><Money fen={l.amountFen} /></span>;
  const kind = (l: Line) => <Tag>{t(`statement.kind.${l.kind}`)}</Tag>;
  return (
    <Card title={h2(t('statement.title'))} data-testid="statement">
      <ProblemAlert error={statement.error} />
      {screens.md ? (
        <Table<Line>
          size="small"
          rowKey="postingId"
          loading={statement.isFetching}
          pagination={false}
          dataSource={statement.data?.items ?? []}
          columns={[
            { title: t('statement.at'), key: 'at', render: (_, l) => <DateTime value={l.createdAt} /> },
            { title: t('statement.kindLabel'), key: 'kind', render: (_, l) => kind(l) },
            { title: t('statement.reason'), dataIndex: 'reason' },
            { title: t('statement.amount'), key: 'amount', align: 'right', render: (_, l) => amount(l) },
            { title: t('statement.balanceAfter'), key: 'balance', align: 'right', render: (_, l) => <Money fen={l.balanceAfterFen} /> },
          ]}
        />
      ) : (
        <List
          loading={statement.isFetching}
          dataSource={statement.data?.items ?? []}
          renderItem={(l) => (
            <List.Item>
              <Space direction="vertical" size={0}>
                <Space wrap>{kind(l)}{amount(l)}</Space>
                <span>{l.reason}</span>
                <Typography.Text type="secondary"><DateTime value={l.createdAt} /> · {t('statement.balanceAfter')} <Money fen={l.balanceAfterFen} /></Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
      <Pager label={t('statement.title')} pages={pages} total={statement.data?.total} nextCursor={statement.data?.nextCursor} />
    </Card>
  );
}
