import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../components/DateTime';
import { remaining } from './district';

/** A deadline in Beijing time with the time left, for someone who must act before it. */
export function Deadline({ value }: { value: string }) {
  const { t } = useTranslation('portal');
  const left = remaining(value);
  return (
    <span>
      <DateTime value={value} />{' '}
      <Typography.Text type={left ? 'warning' : 'secondary'} data-testid="time-left">
        {left ? t('timeLeft', { days: left.days, hours: left.hours }) : t('ended')}
      </Typography.Text>
    </span>
  );
}
