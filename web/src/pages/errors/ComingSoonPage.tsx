import { Result } from 'antd';
import { useTranslation } from 'react-i18next';

/** Honest placeholder for pages of later issues: the menu shows where they will be, not a fake page. */
export default function ComingSoonPage() {
  const { t } = useTranslation();
  return <Result status="info" title={<h1 style={{ fontSize: 22 }}>{t('comingSoon.title')}</h1>} subTitle={t('comingSoon.body')} />;
}
