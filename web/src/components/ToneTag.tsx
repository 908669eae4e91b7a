import type { ReactNode } from 'react';
import { Badge, Tag } from 'antd';

/**
 * One vocabulary of meanings for every coloured status in the app, so the same meaning has the same colour on every
 * page: neutral (nothing to do), info (in progress / awaiting someone), good (done, passed), warn (act soon, returned),
 * bad (refused, overdue, frozen), notice (publicly announced, open to objection) and award (money granted).
 */
export type Tone = 'neutral' | 'info' | 'good' | 'warn' | 'bad' | 'notice' | 'award';

/**
 * antd's preset tag colours put a mid-tone text on a pale tint (under 4.5:1, which axe reports as serious): the same
 * tints with darker ink meet WCAG AA for small text.
 */
export const TONES: Record<Tone, { color: string; background: string; borderColor: string }> = {
  neutral: { color: 'rgba(0,0,0,0.88)', background: '#fafafa', borderColor: '#d9d9d9' },
  info: { color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff' },
  good: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  warn: { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' },
  bad: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  notice: { color: '#22075e', background: '#f9f0ff', borderColor: '#d3adf7' },
  award: { color: '#613400', background: '#fffbe6', borderColor: '#ffe58f' },
};

type DataProps = { [key: `data-${string}`]: string | undefined };

export function ToneTag({ tone = 'neutral', children, ...rest }: { tone?: Tone; children: ReactNode } & DataProps) {
  return <Tag style={TONES[tone]} {...rest}>{children}</Tag>;
}

/** The quieter form for long lists: a dot in the tone's ink with the label in the body colour. */
export function ToneDot({ tone = 'neutral', children, ...rest }: { tone?: Tone; children: ReactNode } & DataProps) {
  return (
    <span style={{ whiteSpace: 'nowrap' }} {...rest}>
      <Badge color={tone === 'neutral' ? '#8c8c8c' : TONES[tone].color} text={children} />
    </span>
  );
}
