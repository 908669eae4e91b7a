/** The codes the API takes for organisation types (labels in this namespace's locales); service areas: components/serviceAreas. */
export const ORG_TYPES = ['social_group', 'social_service_agency', 'foundation'] as const;
export type OrgType = (typeof ORG_TYPES)[number];
