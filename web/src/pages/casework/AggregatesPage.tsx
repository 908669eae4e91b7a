import { Button, Card, Col, Grid, Input, Radio, Row, Space, Statistic, Table, Tabs, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, must, type Schemas } from '../../api/client';
import { TIME_ZONE } from '../../components/DateTime';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLabel, type Label } from '../../components/label';
import { h2 } from '../../components/headings';

type Figures = Schemas['CaseworkServiceFigures'];
type Count = Figures['people'];
const SECTIONS = ['community', 'mode', 'tag', 'month'] as const;
type Section = (typeof SECTIONS)[number];

/** This calendar year in Beijing time, the page's default period. */
function thisYear(): { from: string; to: string } {
  const year = dayjs().tz(TIME_ZONE).format('YYYY');
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** A count as the API gives it: a number, or "<5" with the reason it is withheld (hover or keyboard focus). */
function CountCell({ value }: { value: Count }) {
  const { t } = useTranslation('casework');
  if (value !== '<5') return <span>{value}</span>;
  return (
    <Tooltip title={t('aggregates.suppressedHint')}>
      <span tabIndex={0} data-testid="suppressed" style={{ textDecoration: 'underline dotted', cursor: 'help' }}>
        {t('aggregates.suppressed')}
      </span>
    </Tooltip>
  );
}

/**
 * 社工服务汇总: what district officials see of casework — hours, service records and people served in a period, by
 * community, method and month, and people by vulnerability tag. Only what the aggregates API answers: no names, no
 * rows to open, counts of 1–4 shown as "<5" as the server sends them.
 */
export default function AggregatesPage() {
  const { t } = useTranslation('casework');
  const label = useLabel();
  const screens = Grid.useBreakpoint();
  const [range, setRange] = useState(thisYear);
  const [section, setSection] = useState<Section>('community');
  const figures = useQuery({
    queryKey: ['casework', 'aggregates', range.from, range.to],
    queryFn: () => must(api.GET('/api/v1/casework/aggregates', { params: { query: { from: range.from || undefined, to: range.to || undefined } } })),
    placeholderData: (prev) => prev,
    retry: false,
  });
  const data = figures.isError ? undefined : figures.data;
  const services = data?.services;

  const figureColumns = <T extends Figures>(): ColumnsType<T> => [
    { title: t('aggregates.hours'), dataIndex: 'hours', key: 'hours', align: 'right' },
    { title: t('aggregates.records'), key: 'records', align: 'right', render: (_, r) => <CountCell value={r.records} /> },
    { title: t('aggregates.people'), key: 'people', align: 'right', render: (_, r) => <CountCell value={r.people} /> },
  ];
  const table = <T extends object>(testId: string, rows: T[], rowKey: (r: T) => string, columns: ColumnsType<T>) => (
    <Table<T>
      data-testid={testId}
      size="small"
      pagination={false}
      loading={figures.isFetching}
      rowKey={rowKey}
      dataSource={rows}
      columns={columns}
      locale={{ emptyText: t('aggregates.empty') }}
    />
  );

  const tabs: Array<{ key: Section; label: string; children: ReactNode }> = [
    {
      key: 'community', label: t('aggregates.byCommunity'),
      children: table('by-community', services?.byCommunity ?? [], (r) => r.community?.id ?? 'none', [
        { title: t('aggregates.community'), key: 'community', render: (_, r) => r.community?.name ?? t('aggregates.noCommunity') },
        ...figureColumns<Schemas['CaseworkServicesByCommunity']>(),
      ]),
    },
    {
      key: 'mode', label: t('aggregates.byMode'),
      children: table('by-mode', services?.byMode ?? [], (r) => r.mode, [
        { title: t('aggregates.modeLabel'), key: 'mode', render: (_, r) => t(`aggregates.mode.${r.mode}`) },
        ...figureColumns<Schemas['CaseworkServicesByMode']>(),
      ]),
    },
    {
      key: 'tag', label: t('aggregates.byTag'),
      children: (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('aggregates.tagNote')}</Typography.Text>
          {table('by-tag', Object.entries(data?.district.vulnerabilityTags ?? {}).map(([tag, v]) => ({ tag, ...v })), (r) => r.tag, [
            { title: t('aggregates.tag'), key: 'tag', render: (_, r: { tag: string; label: Label | null; people: Count }) => r.label ? label(r.label) : r.tag },
            { title: t('aggregates.tagPeople'), key: 'people', align: 'right', render: (_, r) => <CountCell value={r.people} /> },
          ])}
        </Space>
      ),
    },
    {
      key: 'month', label: t('aggregates.byMonth'),
      children: table('by-month', services?.byMonth ?? [], (r) => r.month, [
        { title: t('aggregates.month'), key: 'month', render: (_, r) => t('aggregates.monthValue', { year: r.month.slice(0, 4), month: r.month.slice(5, 7) }) },
        ...figureColumns<Schemas['CaseworkServicesByMonth']>(),
      ]),
    },
  ];

  const total = services?.total;
  const stat = (key: string, title: string, value: Count | number | undefined) => (
    <Col xs={12} md={8} lg={4} key={key} data-testid={`total-${key}`}>
      <Statistic title={title} valueRender={() => (value === undefined ? '—' : <CountCell value={value} />)} />
    </Col>
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>{t('aggregates.title')}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('aggregates.intro')}</Typography.Paragraph>
      <Card title={h2(t('aggregates.range'))}>
        <Space wrap align="end">
          <label>
            <div>{t('aggregates.from')}</div>
            <Input type="date" value={range.from} onChange={(e) => setRange((r) => ({ ...r, from: e.target.value }))} style={{ width: 170 }} data-testid="range-from" />
          </label>
          <label>
            <div>{t('aggregates.to')}</div>
            <Input type="date" value={range.to} onChange={(e) => setRange((r) => ({ ...r, to: e.target.value }))} style={{ width: 170 }} data-testid="range-to" />
          </label>
          <Button onClick={() => setRange(thisYear())}>{t('aggregates.thisYear')}</Button>
        </Space>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{t('aggregates.rangeHint')}</Typography.Paragraph>
      </Card>
      <ProblemAlert error={figures.error} details />
      <Card title={h2(t('aggregates.totals'))} data-testid="aggregates-totals">
        <Row gutter={[16, 16]}>
          {stat('hours', t('aggregates.hours'), total?.hours)}
          {stat('records', t('aggregates.records'), total?.records)}
          {stat('people', t('aggregates.people'), total?.people)}
          {stat('registered', t('aggregates.registered'), data?.district.beneficiaries)}
          {stat('open-cases', t('aggregates.openCases'), data?.district.openCases)}
        </Row>
        <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>{t('aggregates.suppressedHint')}</Typography.Paragraph>
      </Card>
      <Card title={h2(t('aggregates.breakdowns'))}>
        {screens.md === false ? (
          // A phone: a wrapping row of buttons over the same sections (a tab bar would overflow at 375 px).
          <Space direction="vertical" style={{ width: '100%' }} size="middle">
            <Radio.Group optionType="button" value={section} onChange={(e) => setSection(e.target.value as Section)} aria-label={t('aggregates.sections')}
              options={tabs.map((x) => ({ value: x.key, label: x.label }))} style={{ display: 'flex', flexWrap: 'wrap', rowGap: 8 }} data-testid="aggregates-sections" />
            {tabs.find((x) => x.key === section)?.children}
          </Space>
        ) : (
          <Tabs activeKey={section} items={tabs} onChange={(k) => setSection(k as Section)} />
        )}
      </Card>
    </Space>
  );
}
