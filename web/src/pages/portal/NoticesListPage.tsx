import { Card, Empty, List, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, must } from '../../api/client';
import { DateTime } from '../../components/DateTime';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Deadline } from '../../components/Remaining';
import { useDistrict } from './district';

/** Public notices (公示) of the projects a call proposes to fund. */
export default function NoticesListPage() {
  const { t } = useTranslation('portal');
  const district = useDistrict();
  const notices = useQuery({
    queryKey: ['portal', district.code, 'notices'],
    queryFn: () => must(api.GET('/api/v1/public/districts/{districtCode}/notices', { params: { path: { districtCode: district.code } } })),
  });
  return (
    <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('notices.title')}</h1>}>
      <ProblemAlert error={notices.error} />
      {notices.data && notices.data.items.length === 0 && <Empty description={t('notices.empty')} />}
      <List
        loading={notices.isPending}
        dataSource={notices.data?.items ?? []}
        renderItem={(n) => (
          <List.Item data-testid="portal-notice">
            <List.Item.Meta
              title={<Link to={`/portal/${district.code}/notices/${n.callId}`}>{n.title}</Link>}
              description={
                <Space direction="vertical" size={2}>
                  <span>{t('notices.period')}: <DateTime value={n.noticeStartsAt} /> – <Deadline value={n.noticeEndsAt} testId="time-left" /></span>
                  <Typography.Text>{t('notices.projects', { count: n.items.length })} · {t('notices.objections', { total: n.objections.total, answered: n.objections.answered })}</Typography.Text>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
