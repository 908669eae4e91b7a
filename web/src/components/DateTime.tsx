import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Deadlines are judged in Beijing time on the server; show them in Beijing time whatever the viewer's clock says. */
export const TIME_ZONE = 'Asia/Shanghai';

export function formatDateTime(value: string | Date, withTime = true): string {
  return dayjs(value).tz(TIME_ZONE).format(withTime ? 'YYYY-MM-DD HH:mm' : 'YYYY-MM-DD');
}

export function DateTime({ value, withTime = true }: { value: string | Date | null | undefined; withTime?: boolean }) {
  if (!value) return <span>—</span>;
  return <time dateTime={new Date(value).toISOString()}>{formatDateTime(value, withTime)}</time>;
}
