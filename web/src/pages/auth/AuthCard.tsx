import type { ReactNode } from 'react';
import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../app/Shell';

/** The frame of the pages before sign-in: centred, narrow enough for a phone, with the language switch. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <main style={{ minHeight: '100vh', background: '#f5f5f5', padding: '48px 16px' }}>
      <Flex vertical align="center" gap={16}>
        <Flex justify="space-between" align="center" style={{ width: '100%', maxWidth: 400 }}>
          <Typography.Text strong style={{ fontSize: 18 }}>{t('app.name')}</Typography.Text>
          <LanguageSwitch />
        </Flex>
        <Card style={{ width: '100%', maxWidth: 400 }}>
          <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>{title}</Typography.Title>
          {children}
        </Card>
      </Flex>
    </main>
  );
}
