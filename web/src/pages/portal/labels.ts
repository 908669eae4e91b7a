/** The codes the API takes for organisation types and service areas (labels in this namespace's locales). */
export const ORG_TYPES = ['social_group', 'social_service_agency', 'foundation'] as const;
export const SERVICE_AREAS = [
  'elderly', 'disability', 'youth', 'community_governance', 'assistance', 'women_children', 'community_correction',
  'mental_health', 'environment', 'culture_sports', 'poverty_relief', 'volunteering', 'other',
] as const;
export type OrgType = (typeof ORG_TYPES)[number];
export type ServiceArea = (typeof SERVICE_AREAS)[number];
