import { Alert, Card, Col, Descriptions, Grid, Row, Space, Spin, Statistic, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, must, type Schemas } from '../../api/client';
import { DateTime } from '../../components/DateTime';
import { Money } from '../../components/Money';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fenToYuan } from '../../components/money';
import { AgreementCard, ChangesCard, ClosureCard, EvaluationsCard, ReportsCard } from './ProjectActions';
import { TranchesCard } from './TranchesCard';
import { ToneTag } from '../../components/ToneTag';
import { StatusTag } from './shared';
import { Remaining, endOfBeijingDay } from '../../components/Remaining';
import { useRoles } from '../../app/session';
import { h2 } from '../../components/headings';

type Project = Schemas['ProjectResponse'];

/** One project: what is due, the money, the plan against spending, tranches, reports, changes, evaluations, closure. */
export default function ProjectDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('projects');
  const { has } = useRoles();
  const project = useQuery({ queryKey: ['projects', 'detail', id], queryFn: () => must(api.GET('/api/v1/projects/{id}', { params: { path: { id } } })) });
  const budget = useQuery({ queryKey: ['projects', 'budget', id], queryFn: () => must(api.GET('/api/v1/projects/{id}/budget', { params: { path: { id } } })) });
  const p = project.data;
  if (project.error) return <ProblemAlert error={project.error} />;
  if (!p) return <Spin aria-label={t('common.loading')} />;
  const organisation = has('org_admin', 'org_staff');
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>{p.title}</Typography.Title>
      <Space wrap>
        <span data-testid="project-status"><StatusTag status={p.status} /></span>
        <Typography.Text type="secondary">{p.referenceNo}</Typography.Text>
        {p.overdue.any && <ToneTag tone="bad">{t('list.overdueItems', { reports: p.overdue.reports, milestones: p.overdue.milestones })}</ToneTag>}
      </Space>
      {organisation && <DueNext project={p} />}
      <Card title={h2(t('section.overview'))}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('field.organisation')}>{p.organisation.name}</Descriptions.Item>
          <Descriptions.Item label={t('field.officer')}>{p.officer.name}</Descriptions.Item>
          <Descriptions.Item label={t('field.call')}>{p.callTitle}</Descriptions.Item>
          <Descriptions.Item label={t('field.period')}><DateTime value={p.startsOn} withTime={false} /> – <DateTime value={p.endsOn} withTime={false} /></Descriptions.Item>
          <Descriptions.Item label={t('field.summary')}>{p.summary}</Descriptions.Item>
          {p.closedAt && <Descriptions.Item label={t('field.closedAt')}><DateTime value={p.closedAt} /></Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card title={h2(t('section.money'))} data-testid="project-money">
        <Row gutter={[16, 16]}>
          {([['awarded', p.money.awardedFen], ['released', p.money.releasedFen], ['spent', p.money.reportedSpentFen], ['remaining', p.money.remainingFen]] as const).map(([k, fen]) => (
            <Col xs={12} md={6} key={k}><Statistic title={t(`sum.${k}`)} value={fenToYuan(fen)} prefix="¥" /></Col>
          ))}
        </Row>
      </Card>
      <BudgetCard lines={budget.data?.lines} error={budget.error} />
      <PlanCard project={p} />
      <TranchesCard project={p} />
      {has('programme_officer') && !p.agreementSignedOn && p.status !== 'closed' && <AgreementCard project={p} />}
      <ReportsCard project={p} />
      <ChangesCard project={p} budgetLines={p.plan.budgetLines} />
      <EvaluationsCard project={p} />
      {has('finance_officer') && p.status !== 'closed' && <ClosureCard project={p} />}
    </Space>
  );
}

/** 下一步: for the organisation, the nearest thing it must do, with how long is left. */
function DueNext({ project }: { project: Project }) {
  const { t } = useTranslation('projects');
  const next = project.nextDue as Project['nextDue'] | null;
  const report = project.reports.find((r) => r.status === 'due' || r.status === 'returned');
  if (!next && !report) return <Alert type="success" showIcon message={t('due.nothing')} />;
  return (
    <Alert
      type={project.overdue.any ? 'error' : 'info'}
      showIcon
      data-testid="due-next"
      message={t('due.title')}
      description={
        <Space direction="vertical" size={2}>
          {next && <span>{next.name} — {t('due.on')} <DateTime value={next.dueOn} withTime={false} /> <Remaining until={endOfBeijingDay(next.dueOn)} /></span>}
          {report && <Link to={`/project-reports/${report.id}`}>{t('due.report', { kind: t(`reportKind.${report.kind}`), due: report.dueOn })}</Link>}
        </Space>
      }
    />
  );
}

function BudgetCard({ lines, error }: { lines: Schemas['ProjectsBudgetLine'][] | undefined; error: unknown }) {
  const { t } = useTranslation('projects');
  const screens = Grid.useBreakpoint();
  return (
    <Card title={h2(t('section.budget'))} data-testid="budget">
      <ProblemAlert error={error} />
      <Table<Schemas['ProjectsBudgetLine']>
        size="small"
        rowKey="budgetLineId"
        loading={!lines && !error}
        dataSource={lines ?? []}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: t('budget.line'), dataIndex: 'name' },
          { title: t('budget.planned'), key: 'planned', render: (_, l) => <Money fen={l.plannedFen} /> },
          { title: t('budget.spent'), key: 'spent', render: (_, l) => <Space><Money fen={l.spentFen} />{l.overspent && <ToneTag tone="bad">{t('budget.overspent')}</ToneTag>}</Space> },
          ...(screens.md ? [
            { title: t('budget.awaiting'), key: 'awaiting', render: (_: unknown, l: Schemas['ProjectsBudgetLine']) => <Money fen={l.awaitingReviewFen} /> },
            { title: t('budget.remaining'), key: 'remaining', render: (_: unknown, l: Schemas['ProjectsBudgetLine']) => <Money fen={l.remainingFen} /> },
            { title: t('budget.used'), key: 'used', render: (_: unknown, l: Schemas['ProjectsBudgetLine']) => `${l.usedPercent}%` },
          ] : []),
        ]}
      />
    </Card>
  );
}

function PlanCard({ project }: { project: Project }) {
  const { t } = useTranslation('projects');
  return (
    <Card title={h2(t('section.plan'))}>
      <Typography.Title level={3} style={{ fontSize: 14 }}>{t('plan.indicators')}</Typography.Title>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={project.plan.indicators}
        scroll={{ x: true }}
        columns={[
          { title: t('plan.indicator'), dataIndex: 'name' },
          { title: t('plan.target'), key: 'target', render: (_, i) => `${i.target} ${i.unit}` },
          { title: t('plan.reported'), key: 'reported', render: (_, i) => (i.reportedValue === null ? '—' : `${i.reportedValue} ${i.unit}`) },
        ]}
      />
      <Typography.Title level={3} style={{ fontSize: 14, marginTop: 16 }}>{t('plan.milestones')}</Typography.Title>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={project.plan.milestones}
        columns={[
          { title: t('plan.milestone'), dataIndex: 'name' },
          { title: t('plan.dueOn'), key: 'due', render: (_, m) => <DateTime value={m.dueOn} withTime={false} /> },
          { title: t('field.status'), key: 'status', render: (_, m) => <StatusTag status={m.status} /> },
        ]}
      />
    </Card>
  );
}
