import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The service areas the API accepts (organisations/service-areas.ts is the judge); labels are `serviceArea.<code>`
 * in the common namespace.
 */
export const SERVICE_AREAS = [
  'elderly', 'disability', 'youth', 'community_governance', 'assistance', 'women_children', 'community_correction',
  'mental_health', 'environment', 'culture_sports', 'poverty_relief', 'volunteering', 'other',
] as const;
export type ServiceArea = (typeof SERVICE_AREAS)[number];

/**
 * A code's label in the reader's language (an unknown code from a newer server shows as itself) and the picker's
 * options; the same object until the language changes, so it can sit in a memo's dependencies.
 */
export function useServiceAreas(): { label: (code: string) => string; options: Array<{ value: ServiceArea; label: string }> } {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const label = (code: string) => t(`serviceArea.${code}`, { defaultValue: code });
    return { label, options: SERVICE_AREAS.map((value) => ({ value, label: label(value) })) };
  }, [t, i18n.language]);
}
