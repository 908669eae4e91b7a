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
      {/* antd's warning colour fails WCAG AA contrast on white; this darker orange passes. */}
      <Typography.Text type={left ? undefined : 'secondary'} style={left ? { color: '#ad4e00' } : undefined} data-testid="time-left">
        {left ? t('timeLeft', { days: left.days, hours: left.hours }) : t('ended')}
      </Typography.Text>
    </span>
  );
}
