import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, must } from '../../api/client';
import { Money } from '../../components/Money';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Deadline } from '../../components/Remaining';
import { useDistrict } from './district';

/** Venture calls (公益创投) the district has published. */
export default function CallsListPage() {
  const { t, i18n } = useTranslation('portal');
  const en = i18n.language === 'en';
  const district = useDistrict();
  const calls = useQuery({
    queryKey: ['portal', district.code, 'calls'],
    queryFn: () => must(api.GET('/api/v1/public/districts/{districtCode}/calls', { params: { path: { districtCode: district.code } } })),
  });
  return (
    <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('calls.title')}</h1>}>
      <ProblemAlert error={calls.error} />
      {calls.data && calls.data.items.length === 0 && <Empty description={t('calls.empty')} />}
      <List
        loading={calls.isPending}
        dataSource={calls.data?.items ?? []}
        renderItem={(c) => (
          <List.Item data-testid="portal-call">
            <List.Item.Meta
              title={<Link to={`/portal/${district.code}/calls/${c.id}`}>{c.title}</Link>}
              description={
                <Space direction="vertical" size={2}>
                  <Space wrap size={4}>
                    <Tag color={c.acceptingApplications ? '#237804' : '#595959'}>{en ? c.statusLabel.en : c.statusLabel.zh}</Tag>
                    {c.theme && <Typography.Text>{c.theme}</Typography.Text>}
                  </Space>
                  <span>{t('calls.fundPool')}: <Money fen={c.fundPoolFen} /></span>
                  <span>{t('calls.amountRange')}: <Money fen={c.minAmountFen} /> – <Money fen={c.maxAmountFen} /></span>
                  <span>{t('calls.closesAt')}: <Deadline value={c.closesAt} testId="time-left" /></span>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
