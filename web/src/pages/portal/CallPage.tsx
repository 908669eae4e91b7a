import { Alert, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, must } from '../../api/client';
import { DateTime } from '../../components/DateTime';
import { Money } from '../../components/Money';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Deadline } from '../../components/Remaining';
import { useDistrict } from './district';

/** One published call: its money, rules, timeline and scoring criteria, and how to apply. */
export default function CallPage() {
  const { t, i18n } = useTranslation('portal');
  const en = i18n.language === 'en';
  const district = useDistrict();
  const { id = '' } = useParams();
  const call = useQuery({
    queryKey: ['portal', district.code, 'call', id],
    queryFn: () => must(api.GET('/api/v1/public/districts/{districtCode}/calls/{id}', { params: { path: { districtCode: district.code, id } } })),
  });
  const c = call.data;
  const e = c?.eligibility;
  return (
    <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>{c?.title ?? t('calls.title')}</h1>} loading={call.isPending}>
      <ProblemAlert error={call.error} />
      {c && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Space wrap>
            <Tag color={c.acceptingApplications ? '#237804' : '#595959'}>{en ? c.statusLabel.en : c.statusLabel.zh}</Tag>
            {c.theme && <Typography.Text strong>{c.theme}</Typography.Text>}
          </Space>
          {c.description && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{c.description}</Typography.Paragraph>}
          <Descriptions bordered size="small" column={1}>
            <Descriptions.Item label={t('calls.fundPool')}><Money fen={c.fundPoolFen} /></Descriptions.Item>
            <Descriptions.Item label={t('calls.amountRange')}><Money fen={c.minAmountFen} /> – <Money fen={c.maxAmountFen} /></Descriptions.Item>
            <Descriptions.Item label={t('calls.coFunding')}>{c.coFundingPercent}%</Descriptions.Item>
            <Descriptions.Item label={t('calls.serviceAreas')}>
              <Space wrap size={4}>{c.serviceAreas.map((a) => <Tag key={a.code}>{en ? a.en : a.zh}</Tag>)}</Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('calls.opensAt')}><DateTime value={c.opensAt} /></Descriptions.Item>
            <Descriptions.Item label={t('calls.closesAt')}><Deadline value={c.closesAt} testId="time-left" /></Descriptions.Item>
            <Descriptions.Item label={t('calls.noticeOn')}><DateTime value={c.noticeOn} withTime={false} /></Descriptions.Item>
            <Descriptions.Item label={t('calls.awardBy')}><DateTime value={c.awardBy} withTime={false} /></Descriptions.Item>
            <Descriptions.Item label={t('calls.eligibility')}>
              <Space direction="vertical" size={0}>
                {e?.minGrade ? <span>{t('calls.minGrade', { grade: e.minGrade })}</span> : null}
                {e?.minYearsRegistered ? <span>{t('calls.minYears', { years: e.minYearsRegistered })}</span> : null}
                {e?.requireQualification ? <span>{t('calls.requireQualification')}</span> : null}
                {!e?.minGrade && !e?.minYearsRegistered && !e?.requireQualification && <span>{t('calls.noRestriction')}</span>}
              </Space>
            </Descriptions.Item>
          </Descriptions>
          {c.rubric.criteria.length > 0 && (
            <Table
              size="small"
              rowKey="code"
              pagination={false}
              title={() => <h2 style={{ fontSize: 16, margin: 0 }}>{t('calls.rubric')}</h2>}
              dataSource={c.rubric.criteria}
              columns={[
                { title: t('calls.criterion'), dataIndex: 'name' },
                { title: t('calls.weight'), dataIndex: 'weight', render: (w: number) => `${w}%` },
              ]}
            />
          )}
          <Alert type="info" showIcon message={c.acceptingApplications ? t('calls.howToApply') : t('calls.notAccepting')}
            action={c.acceptingApplications ? <Link to="/sign-in">{t('signIn')}</Link> : undefined} />
          <Link to={`/portal/${district.code}/register`}>{t('calls.noAccount')}</Link>
        </Space>
      )}
    </Card>
  );
}
