/** Roles a membership can hold inside one district (see shared/DOMAIN.md "The people who use it"). */
export enum Role {
  DistrictAdmin = 'district_admin',
  ProgrammeOfficer = 'programme_officer',
  FinanceOfficer = 'finance_officer',
  Reviewer = 'reviewer',
  Evaluator = 'evaluator',
  CommunityStaff = 'community_staff',
  OrgAdmin = 'org_admin',
  OrgStaff = 'org_staff',
  SocialWorker = 'social_worker',
  Supervisor = 'supervisor',
  FundManager = 'fund_manager',
}

export const ALL_ROLES: Role[] = Object.values(Role);

/** Roles that act for a social organisation: a membership holding one must name the organisation. */
export const ORGANISATION_ROLES: Role[] = [Role.OrgAdmin, Role.OrgStaff, Role.SocialWorker, Role.Supervisor];

/** District officials: may see district-wide aggregates. */
export const DISTRICT_OFFICIAL_ROLES: Role[] = [Role.DistrictAdmin, Role.ProgrammeOfficer, Role.FinanceOfficer];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  district_admin: { zh: '区级管理员', en: 'District admin' },
  programme_officer: { zh: '项目官员', en: 'Programme officer' },
  finance_officer: { zh: '财务', en: 'Finance officer' },
  reviewer: { zh: '评审专家', en: 'Reviewer' },
  evaluator: { zh: '评估机构', en: 'Evaluator' },
  community_staff: { zh: '社区工作者', en: 'Community staff' },
  org_admin: { zh: '社会组织管理员', en: 'Organisation admin' },
  org_staff: { zh: '社会组织工作人员', en: 'Organisation staff' },
  social_worker: { zh: '社工', en: 'Social worker' },
  supervisor: { zh: '督导', en: 'Supervisor' },
  fund_manager: { zh: '基金管理人', en: 'Fund manager' },
};

/** A district official (admin, programme officer, finance): sees district-wide records, never casework identities. */
export function isDistrictOfficial(actor: { roles: Role[] }): boolean {
  return actor.roles.some((r) => DISTRICT_OFFICIAL_ROLES.includes(r));
}
