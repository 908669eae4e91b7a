import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, must } from '../../api/client';
import { DateTime } from '../../components/DateTime';
import { Pager, useCursorPages } from '../../components/Pager';
import { ProblemAlert } from '../../components/ProblemAlert';

/** A page of notifications; older ones are a "next" away (the API pages by cursor, newest first). */
const PAGE = 20;

export default function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const en = i18n.language === 'en';
  const pages = useCursorPages('notifications');
  const list = useQuery({
    queryKey: ['notifications', 'list', pages.cursor],
    queryFn: () => must(api.GET('/api/v1/notifications', { params: { query: { limit: PAGE, cursor: pages.cursor } } })),
    placeholderData: keepPreviousData,
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['notifications'] });
  const readOne = useMutation({
    mutationFn: (id: string) => must(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: refresh,
  });
  const readAll = useMutation({ mutationFn: () => must(api.POST('/api/v1/notifications/read-all')), onSuccess: refresh });
  return (
    <Card
      title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('menu.notifications')}</h1>}
      extra={
        <Button onClick={() => readAll.mutate()} loading={readAll.isPending} disabled={!list.data?.unread}>
          {t('notifications.readAll')}
        </Button>
      }
    >
      <ProblemAlert error={list.error ?? readOne.error ?? readAll.error} />
      {list.data && list.data.items.length === 0 && <Empty description={t('notifications.empty')} />}
      <List
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        renderItem={(n) => (
          <List.Item
            data-testid="notification"
            actions={n.readAt ? [] : [
              <Button key="read" size="small" onClick={() => readOne.mutate(n.id)} aria-label={`${t('notifications.markRead')}: ${en ? n.titleEn : n.titleZh}`}>
                {t('notifications.markRead')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={<Space wrap>{!n.readAt && <Tag color="blue">{t('notifications.unread')}</Tag>}<Typography.Text strong={!n.readAt}>{en ? n.titleEn : n.titleZh}</Typography.Text></Space>}
              description={<><div>{en ? n.bodyEn : n.bodyZh}</div><DateTime value={n.createdAt} /></>}
            />
          </List.Item>
        )}
      />
      {(pages.index > 0 || list.data?.nextCursor) && (
        <Pager label={t('paging.label')} pages={pages} total={list.data?.total} nextCursor={list.data?.nextCursor} />
      )}
    </Card>
  );
}
