import type { ReactNode } from 'react';
import { Alert, Tag } from 'antd';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';
import { useSession, type Role } from '../../app/session';
import { TIME_ZONE } from '../../components/DateTime';
import { ProblemError, problemMessage } from '../../components/problem';

dayjs.extend(utc);
dayjs.extend(timezone);

export type Call = Schemas['CallResponse'];

/** The codes the API accepts (call-settings.ts and organisations/service-areas.ts); labels live in this namespace. */
export const SERVICE_AREA_CODES = [
  'elderly', 'disability', 'youth', 'community_governance', 'assistance', 'women_children', 'community_correction',
  'mental_health', 'environment', 'culture_sports', 'poverty_relief', 'volunteering', 'other',
] as const;
export const QUESTION_TYPES = ['text', 'long_text', 'number', 'money', 'date', 'choice', 'file', 'budget_table', 'indicator_table'] as const;
export const CALL_STATUSES = ['draft', 'published', 'closed', 'reviewing', 'notice', 'awarded', 'cancelled'] as const;

export const CALL_MANAGERS: Role[] = ['district_admin', 'programme_officer'];

export function hasRole(roles: readonly Role[] | undefined, wanted: readonly Role[]): boolean {
  return !!roles?.some((r) => wanted.includes(r));
}

/** The signed-in person's roles in the current district. */
export function useRoles(): Role[] {
  const { me } = useSession();
  return (me?.roles ?? []).map((r) => r.role);
}

/**
 * antd's light tag palettes put mid-tone text on a pale ground (under 4.5:1); the same hues, text darkened so the
 * tags pass WCAG AA contrast.
 */
const DARK_TEXT: Record<string, string> = {
  green: '#135200', orange: '#873800', red: '#820014', blue: '#003a8c', purple: '#22075e', gold: '#613400', default: 'rgba(0,0,0,0.88)',
};
export function ToneTag({ tone, children, ...rest }: { tone: string; children: ReactNode; 'data-testid'?: string; 'data-status'?: string }) {
  return <Tag color={tone === 'default' ? undefined : tone} style={{ color: DARK_TEXT[tone] ?? DARK_TEXT.default }} {...rest}>{children}</Tag>;
}

/** Select fields are checked with a validator, not `required`: antd would set aria-required on the wrapper div too. */
export function chosen(message: string) {
  return {
    validator: async (_: unknown, v: unknown) => {
      if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) throw new Error(message);
    },
  };
}

const STATUS_COLOURS: Record<string, string> = {
  draft: 'default', published: 'green', closed: 'orange', reviewing: 'blue', notice: 'purple', awarded: 'gold', cancelled: 'red',
};

/** The server's own label of the status, in the reader's language. */
export function CallStatusTag({ call }: { call: Pick<Call, 'status' | 'statusLabel'> }) {
  const { i18n } = useTranslation();
  const label = i18n.language.startsWith('en') ? call.statusLabel.en : call.statusLabel.zh;
  return <ToneTag tone={STATUS_COLOURS[call.status] ?? 'default'} data-testid="call-status" data-status={call.status}>{label}</ToneTag>;
}

/** "3 天 4 小时" until a deadline, judged by the browser clock (the server judges for real). */
export function Remaining({ until }: { until: string }) {
  const { t } = useTranslation('calls');
  const ms = new Date(until).getTime() - Date.now();
  if (ms <= 0) return <ToneTag tone="red">{t('remaining.passed')}</ToneTag>;
  const days = Math.floor(ms / 86_400_000);
  const hours = Math.floor((ms % 86_400_000) / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  return <ToneTag tone={days < 2 ? 'orange' : 'green'}>{days > 0 ? t('remaining.days', { days, hours }) : t('remaining.hours', { hours, minutes })}</ToneTag>;
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

/** The server's refusal with every problem it listed, in the reader's language (fields not on the form included). */
export function ProblemDetails({ error }: { error: unknown }) {
  const { i18n, t } = useTranslation();
  if (!error) return null;
  const problem = error instanceof ProblemError ? error.problem : null;
  const en = i18n.language.startsWith('en');
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-code={problem?.code}
      style={{ marginBottom: 16 }}
      message={problem ? problemMessage(problem, i18n.language) : t('error.network')}
      description={problem?.errors?.length ? <ul style={{ margin: 0, paddingLeft: 18 }}>{problem.errors.map((e, i) => <li key={i}>{en ? e.en : e.zh}</li>)}</ul> : undefined}
    />
  );
}
