import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CallEditor } from './CallEditor';

export default function CallNewPage() {
  const { t } = useTranslation('calls');
  const navigate = useNavigate();
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>{t('new.title')}</Typography.Title>
      <CallEditor onSaved={(c) => navigate(`/calls/${c.id}`, { replace: true })} />
    </>
  );
}
