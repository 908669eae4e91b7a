import { Empty, List, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, must } from '../../api/client';
import { DateTime } from '../../components/DateTime';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Remaining } from '../../components/Remaining';
import { ToneTag, type Tone } from '../../components/ToneTag';

export const ASSIGNMENT_TONE: Record<string, Tone> = { assigned: 'info', submitted: 'good', conflict: 'neutral' };

/** 评审任务: only this reviewer's assignments (the API gives nothing else), with the review deadline and time left. */
export default function ReviewsListPage() {
  const { t } = useTranslation('reviews');
  const q = useQuery({ queryKey: ['reviews', 'assignments'], queryFn: () => must(api.GET('/api/v1/reviews/assignments')) });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>{t('list.title')}</Typography.Title>
      <ProblemAlert error={q.error} />
      {q.data && q.data.items.length === 0 && <Empty description={t('list.empty')} />}
      <List
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        renderItem={(a) => (
          <List.Item data-testid="assignment-row">
            <Space direction="vertical" size={4}>
              <Space wrap>
                <Link to={`/reviews/${a.id}`}>{a.projectTitle}</Link>
                <Typography.Text type="secondary">{a.referenceNo}</Typography.Text>
                <ToneTag tone={ASSIGNMENT_TONE[a.status] ?? 'neutral'}>{t(`status.${a.status}`)}</ToneTag>
              </Space>
              <Space wrap>
                <span>{a.callTitle}</span>
                {a.organisationName && <span>{a.organisationName}</span>}
                <span>{t('list.due')} <DateTime value={a.reviewBy} /></span>
                {a.status === 'assigned' && <Remaining until={a.reviewBy} />}
              </Space>
            </Space>
          </List.Item>
        )}
      />
    </Space>
  );
}
