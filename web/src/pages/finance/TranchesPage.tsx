import { Card, Checkbox, Empty, List, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, must, type Schemas } from '../../api/client';
import { Money } from '../../components/Money';
import { ProblemAlert } from '../../components/ProblemAlert';
import { TrancheItem } from '../projects/TranchesCard';
import { Pager, useCursorPages } from '../../components/Pager';

const PAGE = 10;

/**
 * 资金拨付: the unpaid tranches of the district's active projects, each with its conditions met or unmet as the
 * server judges them now, and the release. Pages over projects (the API pages projects, not tranches).
 */
export default function TranchesPage() {
  const { t } = useTranslation('finance');
  const [readyOnly, setReadyOnly] = useState(false);
  const pages = useCursorPages('tranches');
  const projects = useQuery({
    queryKey: ['projects', 'list', 'active', pages.cursor],
    queryFn: () => must(api.GET('/api/v1/projects', { params: { query: { status: 'active', limit: PAGE, cursor: pages.cursor } } })),
    placeholderData: (prev) => prev,
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>{t('tranches.title')}</Typography.Title>
      <Checkbox checked={readyOnly} onChange={(e) => setReadyOnly(e.target.checked)}>{t('tranches.readyOnly')}</Checkbox>
      <ProblemAlert error={projects.error} />
      {projects.isPending && <Spin aria-label={t('common.loading')} />}
      {projects.data && projects.data.items.length === 0 && <Empty description={t('tranches.none')} />}
      {projects.data?.items.map((p) => <ProjectTranches key={p.id} project={p} readyOnly={readyOnly} />)}
      <Pager label={t('tranches.title')} pages={pages} total={projects.data?.total} nextCursor={projects.data?.nextCursor} />
    </Space>
  );
}

function ProjectTranches({ project, readyOnly }: { project: Schemas['ProjectSummary']; readyOnly: boolean }) {
  const { t } = useTranslation('finance');
  const tranches = useQuery({
    queryKey: ['projects', 'tranches', project.id],
    queryFn: () => must(api.GET('/api/v1/projects/{id}/tranches', { params: { path: { id: project.id } } })),
  });
  const open = (tranches.data?.items ?? []).filter((x) => (x.status === 'pending' || x.status === 'frozen') && (!readyOnly || x.ready));
  if (tranches.data && open.length === 0) return null;
  return (
    <Card
      data-testid={`project-tranches-${project.referenceNo}`}
      title={<h2 style={{ fontSize: 16, margin: 0 }}><Link to={`/projects/${project.id}`}>{project.title}</Link></h2>}
      extra={<Typography.Text type="secondary">{project.referenceNo}</Typography.Text>}
    >
      <Space wrap style={{ marginBottom: 8 }}>
        <span>{project.organisation.name}</span>
        <span>{t('tranches.awarded')} <Money fen={project.money.awardedFen} /></span>
        <span>{t('tranches.released')} <Money fen={project.money.releasedFen} /></span>
      </Space>
      <ProblemAlert error={tranches.error} />
      <List loading={tranches.isPending} dataSource={open} renderItem={(tr) => <TrancheItem projectId={project.id} tranche={tr} />} />
    </Card>
  );
}
