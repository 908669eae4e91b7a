import { useState } from 'react';
import { Card, Empty, Input, List, Select, Space, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, must } from '../../api/client';
import { DateTime } from '../../components/DateTime';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Pager, useCursorPages } from '../../components/Pager';
import { useServiceAreas, type ServiceArea } from '../../components/serviceAreas';
import { ORG_TYPES, options, type OrgType } from '../../components/label';
import { useDistrict } from './district';

const PAGE = 10;
interface Filters { q?: string; serviceArea?: ServiceArea; orgType?: OrgType }

/** The directory of organisations qualified to take on the district's services (承接资质名录), paged by the server. */
export default function DirectoryPage() {
  const { t, i18n } = useTranslation('portal');
  const en = i18n.language === 'en';
  const district = useDistrict();
  const [filters, setFilters] = useState<Filters>({});
  const areas = useServiceAreas();
  const pages = useCursorPages(JSON.stringify(filters));
  const cursor = pages.cursor;
  const filter = setFilters;
  const page = useQuery({
    queryKey: ['portal', district.code, 'directory', filters, cursor],
    placeholderData: keepPreviousData,
    queryFn: () => must(api.GET('/api/v1/public/districts/{districtCode}/qualified-organisations', {
      params: { path: { districtCode: district.code }, query: { ...filters, cursor, limit: PAGE } },
    })),
  });
  const data = page.data;
  return (
    <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('directory.title')}</h1>}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search aria-label={t('directory.search')} placeholder={t('directory.search')} allowClear style={{ width: 260 }}
          onSearch={(q) => filter({ ...filters, q: q.trim() || undefined })} />
        <Select aria-label={t('directory.serviceArea')} placeholder={t('directory.serviceArea')} allowClear style={{ width: 180 }}
          value={filters.serviceArea} onChange={(serviceArea?: ServiceArea) => filter({ ...filters, serviceArea })}
          options={areas.options} />
        <Select aria-label={t('directory.orgType')} placeholder={t('directory.orgType')} allowClear style={{ width: 180 }}
          value={filters.orgType} onChange={(orgType?: OrgType) => filter({ ...filters, orgType })}
          options={options(ORG_TYPES, i18n.language)} />
      </Space>
      <ProblemAlert error={page.error} />
      {data && <Typography.Paragraph type="secondary">{t('directory.count', { count: data.total })} · {t('directory.asOf')} <DateTime value={data.asOf} withTime={false} /></Typography.Paragraph>}
      {data && data.items.length === 0 && <Empty description={t('directory.empty')} />}
      <List
        loading={page.isFetching}
        dataSource={data?.items ?? []}
        renderItem={(o) => (
          <List.Item data-testid="directory-entry">
            <List.Item.Meta
              title={o.name}
              description={
                <Space direction="vertical" size={2}>
                  <Space wrap size={4}>
                    <Tag>{en ? o.orgTypeLabel.en : o.orgTypeLabel.zh}</Tag>
                    {o.grade && <Tag color="#ad4e00">{o.grade.label}</Tag>}
                    <Typography.Text type="secondary">{o.creditCode}</Typography.Text>
                  </Space>
                  <span>{t('directory.qualifiedAreas')}: {o.qualifiedAreas.map((a) => (en ? a.en : a.zh)).join('、') || '—'}</span>
                </Space>
              }
            />
          </List.Item>
        )}
      />
      <Pager label={t('directory.title')} pages={pages} total={undefined} nextCursor={data?.nextCursor} />
    </Card>
  );
}
