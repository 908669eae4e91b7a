/**
 * The fixed list of service areas (服务领域) organisations declare and qualify for. The codes are stored; the labels
 * are what people read. The migration's CHECK lists the same codes — add a code in both places.
 */
export const SERVICE_AREAS = {
  elderly: { zh: '养老服务', en: 'Elderly care' },
  disability: { zh: '助残服务', en: 'Disability support' },
  youth: { zh: '青少年服务', en: 'Youth services' },
  community_governance: { zh: '社区治理', en: 'Community governance' },
  assistance: { zh: '社会救助', en: 'Social assistance' },
  women_children: { zh: '妇女儿童', en: 'Women and children' },
  community_correction: { zh: '社区矫正', en: 'Community correction' },
  mental_health: { zh: '心理健康', en: 'Mental health' },
  environment: { zh: '环境保护', en: 'Environmental protection' },
  culture_sports: { zh: '文化体育', en: 'Culture and sports' },
  poverty_relief: { zh: '乡村振兴与帮扶', en: 'Rural revitalisation and poverty relief' },
  volunteering: { zh: '志愿服务', en: 'Volunteering' },
  other: { zh: '其他', en: 'Other' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type ServiceArea = keyof typeof SERVICE_AREAS;
export const SERVICE_AREA_CODES = Object.keys(SERVICE_AREAS) as ServiceArea[];

export function serviceAreaLabels(codes: readonly string[]): Array<{ code: string; zh: string; en: string }> {
  return codes.map((code) => ({ code, ...(SERVICE_AREAS[code as ServiceArea] ?? { zh: code, en: code }) }));
}

/** Organisation types (社会组织类型) as chosen on registration; position 2 of the credit code must agree. */
export const ORGANISATION_TYPES = {
  social_group: { zh: '社会团体', en: 'Social group' },
  social_service_agency: { zh: '社会服务机构', en: 'Social service agency' },
  foundation: { zh: '基金会', en: 'Foundation' },
} as const;

export type OrganisationType = keyof typeof ORGANISATION_TYPES;
export const ORGANISATION_TYPE_CODES = Object.keys(ORGANISATION_TYPES) as OrganisationType[];

/** Assessment grades (评估等级) are stored as 1-5 and shown as 1A-5A. */
export function gradeLabel(grade: number | null | undefined): string | null {
  return grade ? `${grade}A` : null;
}
