import { useState } from 'react';
import { Button, List } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../../app/session';
import { ProblemAlert } from '../../components/ProblemAlert';
import { AuthCard } from './AuthCard';

export default function ChooseDistrictPage() {
  const { t } = useTranslation();
  const { me, chooseDistrict } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const districts = me?.districts ?? [];
  return (
    <AuthCard title={t('district.chooseTitle')}>
      <ProblemAlert error={error} />
      {districts.length === 0 ? (
        <p>{t('district.none')}</p>
      ) : (
        <List
          dataSource={districts}
          renderItem={(d) => (
            <List.Item>
              <Button
                block
                size="large"
                disabled={d.status !== 'active'}
                loading={busy === d.districtCode}
                onClick={async () => {
                  setBusy(d.districtCode);
                  setError(null);
                  try {
                    await chooseDistrict(d.districtCode);
                    navigate('/workbench', { replace: true });
                  } catch (err) {
                    setError(err);
                  } finally {
                    setBusy(null);
                  }
                }}
              >
                {d.districtName}（{d.districtCode}）{d.status !== 'active' ? ` · ${t('district.suspended')}` : ''}
              </Button>
            </List.Item>
          )}
        />
      )}
    </AuthCard>
  );
}
