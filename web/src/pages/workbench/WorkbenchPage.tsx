import { Card, Empty, List, Space, Spin, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getUntyped } from '../../api/client';
import { useSession } from '../../app/session';
import { DateTime } from '../../components/DateTime';
import { ProblemAlert } from '../../components/ProblemAlert';
import { WORKBENCH_KINDS, type Workbench, type WorkbenchItem } from './workbench.contract';

/** 工作台: what is waiting for this person, grouped by kind, each item a link to where it is done. */
export default function WorkbenchPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const q = useQuery({ queryKey: ['workbench', me?.district?.code], queryFn: () => getUntyped<Workbench>('/api/v1/workbench') });
  const groups = new Map<string, WorkbenchItem[]>();
  for (const item of q.data?.items ?? []) groups.set(item.kind, [...(groups.get(item.kind) ?? []), item]);
  const kinds = [...groups.keys()].sort((a, b) => order(a) - order(b));
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('menu.workbench')}
        {me?.district && <Typography.Text type="secondary" style={{ fontSize: 14, marginLeft: 12 }} data-testid="current-district">{me.district.name}</Typography.Text>}
      </Typography.Title>
      <ProblemAlert error={q.error} />
      {q.isPending && <Spin aria-label={t('common.loading')} />}
      {q.data && kinds.length === 0 && <Empty description={t('workbench.empty')} data-testid="workbench-empty" />}
      {kinds.map((kind) => (
        <Card
          key={kind}
          title={<h2 style={{ fontSize: 16, margin: 0 }}>{t(`workbench.kind.${kind}`)}</h2>}
          extra={<span>{t('workbench.count', { count: q.data?.counts[kind] ?? groups.get(kind)!.length })}</span>}
          data-testid={`workbench-group-${kind}`}
        >
          <List
            dataSource={groups.get(kind)}
            renderItem={(item) => (
              <List.Item>
                <Space wrap>
                  <Link to={item.path}>{item.title}</Link>
                  {item.reference && <Typography.Text type="secondary">{item.reference}</Typography.Text>}
                </Space>
                <Space wrap>
                  {item.dueAt && <span>{t('workbench.due')} <DateTime value={item.dueAt} /></span>}
                  {item.overdue && <Tag color="red">{t('workbench.overdue')}</Tag>}
                </Space>
              </List.Item>
            )}
          />
        </Card>
      ))}
    </Space>
  );
}

function order(kind: string): number {
  const i = (WORKBENCH_KINDS as readonly string[]).indexOf(kind);
  return i < 0 ? WORKBENCH_KINDS.length : i;
}
