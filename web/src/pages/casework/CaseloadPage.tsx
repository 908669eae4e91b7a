import type { HTMLAttributes } from 'react';
import { Card, Col, Grid, List, Row, Space, Spin, Statistic, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, must, type Schemas } from '../../api/client';
import { DateTime, formatDateTime } from '../../components/DateTime';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ToneTag } from '../../components/ToneTag';
import { useLabel } from '../../components/label';
import { EmptyText } from './shared';
import { useRoles } from '../../app/session';
import { h2 } from '../../components/headings';

type Item = Schemas['CaseworkTeamMineItem'];
type Due = Schemas['CaseworkTeamMineItemDue'];
type Pending = Schemas['CaseworkTeamTeamPendingApproval'];
type Worker = Schemas['CaseworkTeamTeamWorker'];

/** The server answers `due: null` when nothing is due (a case waiting for approval, an intervention without plan end). */
const dueOf = (i: Item): Due | null => (i.due as Due | null | undefined) ?? null;

/** Overdue first, then the nearest due date, then the cases with nothing due. */
function byUrgency(a: Item, b: Item): number {
  const da = dueOf(a);
  const db = dueOf(b);
  if (!!da?.overdue !== !!db?.overdue) return da?.overdue ? -1 : 1;
  return (da?.dueOn ?? '9999').localeCompare(db?.dueOn ?? '9999');
}

/** 我的个案: the worker's open cases with what is due next (overdue first); a supervisor also sees the team. */
export default function CaseloadPage() {
  const { t } = useTranslation('casework');
  const { has } = useRoles();
  const mine = useQuery({ queryKey: ['casework', 'caseload', 'mine'], queryFn: () => must(api.GET('/api/v1/casework/caseload/mine')) });
  const supervisor = has('supervisor');
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>{t('caseload.title')}</Typography.Title>
      <ProblemAlert error={mine.error} />
      {!mine.data && !mine.error && <Spin aria-label={t('common.loading')} />}
      {mine.data && (
        <>
          <Card size="small">
            <Row gutter={[16, 8]}>
              <Col xs={8}><Statistic title={t('caseload.openCases')} value={mine.data.openCases} /></Col>
              <Col xs={8}><Statistic title={t('caseload.overdue')} value={mine.data.overdue} valueStyle={mine.data.overdue ? { color: '#a8071a' } : undefined} /></Col>
              <Col xs={8}><Statistic title={t('caseload.hoursThisMonth')} value={mine.data.hoursThisMonth} /></Col>
            </Row>
          </Card>
          <MyCases items={[...mine.data.items].sort(byUrgency)} />
        </>
      )}
      {supervisor && <TeamSection />}
    </Space>
  );
}

function DueText({ item }: { item: Item }) {
  const { t } = useTranslation('casework');
  const due = dueOf(item);
  return (
    <Space wrap size={4} data-testid="case-due">
      {due ? <span>{t('caseload.dueOn', { what: t(`caseload.dueKind.${due.kind}`), date: formatDateTime(due.dueOn, false) })}</span>
        : <Typography.Text type="secondary">{t('caseload.nothingDue')}</Typography.Text>}
      {due?.overdue && <ToneTag tone="bad">{t('caseload.overdueTag')}</ToneTag>}
      {item.awaitingApproval && <ToneTag tone="info">{t('caseload.awaitingApproval')}</ToneTag>}
    </Space>
  );
}

function MyCases({ items }: { items: Item[] }) {
  const { t } = useTranslation('casework');
  const label = useLabel();
  const screens = Grid.useBreakpoint();
  const stage = (i: Item) => <ToneTag tone={i.status === 'closed' ? 'neutral' : 'info'}>{label(i.statusLabel)}</ToneTag>;
  return (
    <Card title={h2(t('caseload.title'))} data-testid="my-cases">
      {screens.md ? (
        <Table<Item>
          rowKey="id"
          size="small"
          dataSource={items}
          pagination={false}
          locale={{ emptyText: <EmptyText>{t('caseload.empty')}</EmptyText> }}
          onRow={(i) => ({ 'data-testid': 'case-row', 'data-case-no': i.caseNo } as HTMLAttributes<HTMLElement>)}
          columns={[
            { title: t('case.caseNo'), key: 'no', render: (_, i) => <Link to={`/casework/cases/${i.id}`}>{i.caseNo}</Link> },
            { title: t('caseload.person'), key: 'person', render: (_, i) => i.beneficiary.name },
            { title: t('caseload.stage'), key: 'stage', render: (_, i) => stage(i) },
            { title: t('caseload.due'), key: 'due', render: (_, i) => <DueText item={i} /> },
          ]}
        />
      ) : (
        <List
          dataSource={items}
          locale={{ emptyText: <EmptyText>{t('caseload.empty')}</EmptyText> }}
          renderItem={(i) => (
            <List.Item data-testid="case-row" data-case-no={i.caseNo}>
              <Space direction="vertical" size={2} style={{ width: '100%' }}>
                <Space wrap>
                  <Link to={`/casework/cases/${i.id}`} style={{ display: 'inline-block', minHeight: 24, lineHeight: '24px' }}>{i.caseNo}</Link>
                  <span>{i.beneficiary.name}</span>
                  {stage(i)}
                </Space>
                <DueText item={i} />
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** 团队: the supervised workers' counts and the stage gates waiting for this supervisor, each linking to its case. */
function TeamSection() {
  const { t } = useTranslation('casework');
  const label = useLabel();
  const screens = Grid.useBreakpoint();
  const team = useQuery({ queryKey: ['casework', 'caseload', 'team'], queryFn: () => must(api.GET('/api/v1/casework/caseload/team')) });
  const workers = team.data?.workers ?? [];
  const names = new Map(workers.map((w) => [w.membershipId, w.name]));
  return (
    <Card title={h2(t('caseload.team.title'))} data-testid="team">
      <ProblemAlert error={team.error} />
      <Typography.Title level={3} style={{ fontSize: 14 }}>{t('caseload.team.workers')}</Typography.Title>
      {screens.md ? (
        <Table<Worker>
          rowKey="membershipId"
          size="small"
          loading={team.isLoading}
          dataSource={workers}
          pagination={false}
          locale={{ emptyText: <EmptyText>{t('caseload.team.noWorkers')}</EmptyText> }}
          columns={[
            { title: t('caseload.team.worker'), dataIndex: 'name' },
            { title: t('caseload.team.openCases'), dataIndex: 'openCases' },
            { title: t('caseload.team.overdue'), key: 'overdue', render: (_, w) => (w.overdue ? <ToneTag tone="bad">{w.overdue}</ToneTag> : 0) },
            { title: t('caseload.team.awaitingApproval'), dataIndex: 'awaitingApproval' },
            { title: t('caseload.team.hours'), dataIndex: 'hoursThisMonth' },
          ]}
        />
      ) : (
        <List
          loading={team.isLoading}
          dataSource={workers}
          locale={{ emptyText: <EmptyText>{t('caseload.team.noWorkers')}</EmptyText> }}
          renderItem={(w) => (
            <List.Item>
              <Space direction="vertical" size={0}>
                <strong>{w.name}</strong>
                <Space wrap size={[12, 0]}>
                  <span>{t('caseload.team.openCases')} {w.openCases}</span>
                  {w.overdue ? <ToneTag tone="bad">{t('caseload.team.overdue')} {w.overdue}</ToneTag> : <span>{t('caseload.team.overdue')} 0</span>}
                  <span>{t('caseload.team.awaitingApproval')} {w.awaitingApproval}</span>
                  <span>{t('caseload.team.hours')} {w.hoursThisMonth}</span>
                </Space>
              </Space>
            </List.Item>
          )}
        />
      )}
      <Typography.Title level={3} style={{ fontSize: 14, marginTop: 16 }}>{t('caseload.team.pending')}</Typography.Title>
      <List<Pending>
        loading={team.isLoading}
        dataSource={team.data?.pendingApprovals ?? []}
        locale={{ emptyText: <EmptyText>{t('caseload.team.noPending')}</EmptyText> }}
        data-testid="pending-approvals"
        renderItem={(p) => (
          <List.Item>
            <Space wrap>
              <Link to={`/casework/cases/${p.caseId}`}>{p.caseNo}</Link>
              <span>{p.beneficiary.name}</span>
              <ToneTag tone="info">{label(p.statusLabel)}</ToneTag>
              <span>{names.get(p.workerMembershipId) ?? ''}</span>
              <Typography.Text type="secondary">{t('caseload.team.since')} <DateTime value={p.since} /></Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
