import { Card, Empty, List, Space, Spin, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, must, type Schemas } from '../../api/client';
import { useSession } from '../../app/session';
import { DateTime } from '../../components/DateTime';
import { ProblemAlert } from '../../components/ProblemAlert';

type WorkbenchItem = Schemas['WorkbenchItemDto'];
type Kind = Schemas['WorkbenchKind'];

/** Display order: the grant-making path from first to last step; typed, so a new kind on the server fails the build. */
const KIND_ORDER: Record<Kind, number> = {
  invitation_pending: 0, organisation_to_verify: 1, qualification_to_review: 2, call_to_publish: 3, application_to_submit: 3,
  application_to_screen: 4, review_to_score: 5, notice_ending: 6, objection_to_answer: 7, award_to_accept: 8,
  tranche_to_release: 9, report_to_submit: 10, report_overdue: 11, report_to_approve: 12, change_to_approve: 13,
  evaluation_due: 14, closure_ready: 15, case_to_approve: 16, case_due: 17,
};

/** 工作台: what is waiting for this person, grouped by kind, each item a link to where it is done. */
export default function WorkbenchPage() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const q = useQuery({ queryKey: ['workbench', me?.district?.code], queryFn: () => must(api.GET('/api/v1/workbench')) });
  const groups = new Map<Kind, WorkbenchItem[]>();
  for (const item of q.data?.items ?? []) groups.set(item.kind, [...(groups.get(item.kind) ?? []), item]);
  const kinds = [...groups.keys()].sort((a, b) => KIND_ORDER[a] - KIND_ORDER[b]);
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
                  {item.detail && <Typography.Text type="secondary">{i18n.language === 'en' ? item.detail.en : item.detail.zh}</Typography.Text>}
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

