import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from './DateTime';
import { ToneTag } from './ToneTag';

/** Re-renders every `ms` so a countdown stays true while the page is open. */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(id);
  }, [ms]);
  return now;
}

const DAY = 86_400_000;

/**
 * The time left before a deadline, by the viewer's clock. The server judges lateness by its own clock; this is a
 * guide to act in time, and a late action still shows the server's refusal.
 */
export function Remaining({ until, testId }: { until: string | null | undefined; testId?: string }) {
  const { t } = useTranslation();
  const now = useNow();
  if (!until) return null;
  const left = new Date(until).getTime() - now;
  if (left <= 0) return <ToneTag tone="bad" data-testid={testId}>{t('remaining.passed')}</ToneTag>;
  const days = Math.floor(left / DAY);
  const hours = Math.floor((left % DAY) / 3_600_000);
  const minutes = Math.floor((left % 3_600_000) / 60_000);
  const text = days > 0 ? t('remaining.days', { days, hours }) : hours > 0 ? t('remaining.hours', { hours, minutes }) : t('remaining.minutes', { minutes });
  return <ToneTag tone={left < 2 * DAY ? 'warn' : 'info'} data-testid={testId}>{text}</ToneTag>;
}

/**
 * A due date (YYYY-MM-DD, a day in Beijing) as the instant it runs out: the end of that day in Beijing, so "due
 * today" still shows hours left and the day after shows it passed, whatever the viewer's own time zone.
 */
export function endOfBeijingDay(date: string): string {
  return `${date.slice(0, 10)}T23:59:59.999+08:00`;
}

/** A deadline in Beijing time with the time left beside it, for someone who must act before it. */
export function Deadline({ value, testId, showRemaining = true }: { value: string | null | undefined; testId?: string; showRemaining?: boolean }) {
  return (
    <span>
      <DateTime value={value} />
      {showRemaining && value && <>{' '}<Remaining until={value} testId={testId} /></>}
    </span>
  );
}
