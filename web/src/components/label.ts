import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/client';

/** A label the API gives in both languages (status, kind, type…). */
export type Label = Schemas['LocalisedLabel'];

/** Picks a label's text in the reader's language; a missing label shows '—', like any other empty value. */
export function useLabel(): (l: Label | null | undefined) => string {
  const { i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  return useCallback((l: Label | null | undefined) => (l ? (en ? l.en : l.zh) : '—'), [en]);
}

/** A fixed list of codes with their labels as picker options in the reader's language. */
export function options(list: Record<string, Label>, lang: string): Array<{ value: string; label: string }> {
  return Object.entries(list).map(([value, l]) => ({ value, label: lang.startsWith('en') ? l.en : l.zh }));
}

/** Organisation types (codes stored, labels shown). The server's DTOs judge; this only fills pickers and lists. */
export const ORG_TYPES = {
  social_group: { zh: '社会团体', en: 'Social group' },
  social_service_agency: { zh: '社会服务机构', en: 'Social service agency' },
  foundation: { zh: '基金会', en: 'Foundation' },
} as const satisfies Record<string, Label>;
export type OrgType = keyof typeof ORG_TYPES;
