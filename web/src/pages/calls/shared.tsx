import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';
import type { Role } from '../../app/session';
import { TIME_ZONE } from '../../components/DateTime';
import { ToneTag, type Tone } from '../../components/ToneTag';

dayjs.extend(utc);
dayjs.extend(timezone);

export type Call = Schemas['CallResponse'];

export const QUESTION_TYPES = ['text', 'long_text', 'number', 'money', 'date', 'choice', 'file', 'budget_table', 'indicator_table'] as const;
export const CALL_STATUSES = ['draft', 'published', 'closed', 'reviewing', 'notice', 'awarded', 'cancelled'] as const;

export const CALL_MANAGERS: Role[] = ['district_admin', 'programme_officer'];


const STATUS_TONE: Record<string, Tone> = {
  draft: 'neutral', published: 'good', closed: 'warn', reviewing: 'info', notice: 'notice', awarded: 'award', cancelled: 'bad',
};

/** The server's own label of the status, in the reader's language. */
export function CallStatusTag({ call }: { call: Pick<Call, 'status' | 'statusLabel'> }) {
  const { i18n } = useTranslation();
  const label = i18n.language.startsWith('en') ? call.statusLabel.en : call.statusLabel.zh;
  return <ToneTag tone={STATUS_TONE[call.status]} data-testid="call-status" data-status={call.status}>{label}</ToneTag>;
}

/** `<input type="datetime-local">` holds a wall-clock time: read and written as Beijing time whatever the browser's zone. */
export function isoToLocalInput(iso: string | null | undefined): string {
  return iso ? dayjs(iso).tz(TIME_ZONE).format('YYYY-MM-DDTHH:mm') : '';
}
export function localInputToIso(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const d = dayjs.tz(value, 'YYYY-MM-DDTHH:mm', TIME_ZONE);
  return d.isValid() ? d.toISOString() : undefined;
}

