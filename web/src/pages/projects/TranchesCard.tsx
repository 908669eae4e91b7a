import { Card, Descriptions, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Schemas } from '../../api/client';
import { DateTime } from '../../components/DateTime';
import { Money } from '../../components/Money';
import { TONES } from '../../components/ToneTag';
import { ReleaseButton, StatusTag, TrancheChecks, UnfreezeButton } from './shared';
import { useRoles } from '../../app/session';

type Tranche = Schemas['ProjectTranche'];

export function TrancheItem({ projectId, tranche }: { projectId: string; tranche: Tranche }) {
  const { t } = useTranslation('projects');
  const { has } = useRoles();
  const open = tranche.status === 'pending' || tranche.status === 'frozen';
  return (
    <List.Item data-testid={`tranche-${tranche.seq}`}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text strong>{tranche.name}</Typography.Text>
          <Money fen={tranche.amountFen} />
          <span>{tranche.percent}%</span>
          <StatusTag status={tranche.status} />
          {open && tranche.ready && <span style={{ color: TONES.good.color }}>{t('tranche.ready')}</span>}
        </Space>
        {tranche.releasedAt && <span>{t('tranche.releasedAt')} <DateTime value={tranche.releasedAt} /></span>}
        {tranche.frozenReason && <span style={{ color: TONES.bad.color }}>{t('tranche.frozenReason')}: {tranche.frozenReason}</span>}
        {tranche.frozenAt && <span data-testid="frozen-at">{t('tranche.frozenAt')} <DateTime value={tranche.frozenAt} /></span>}
        {open && <TrancheChecks checks={tranche.checks} />}
        {open && has('finance_officer') && (
          <ReleaseButton projectId={projectId} trancheId={tranche.id} ready={tranche.ready}
            label={`${t('tranche.release')}: ${tranche.name}`} done={t('tranche.released')} />
        )}
        {tranche.status === 'frozen' && has('programme_officer') && (
          <UnfreezeButton projectId={projectId} trancheId={tranche.id} label={`${t('tranche.unfreeze')}: ${tranche.name}`} />
        )}
      </Space>
    </List.Item>
  );
}

export function TranchesCard({ project }: { project: Schemas['ProjectResponse'] }) {
  const { t } = useTranslation('projects');
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('section.tranches')}</h2>} data-testid="tranches">
      <List dataSource={project.tranches} renderItem={(tr) => <TrancheItem projectId={project.id} tranche={tr} />} />
      <Descriptions size="small" column={1} style={{ marginTop: 8 }}>
        <Descriptions.Item label={t('field.agreementSignedOn')}>
          {project.agreementSignedOn ? <DateTime value={project.agreementSignedOn} withTime={false} /> : t('field.notSigned')}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
