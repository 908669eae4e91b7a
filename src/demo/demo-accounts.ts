import { Role } from '@sanshe/common';

/** Every demo account signs in with this password (listed in the README; never use it outside a demo). */
export const DEMO_PASSWORD = 'Sanshe@2026';

export interface DemoAccount {
  phone: string;
  name: string;
  /** District code → roles (and, for community staff, the community name). */
  memberships: Array<{ district: string; roles: Role[]; community?: string; title?: string }>;
}

export const DEMO_OPERATOR = { phone: '13800000000', name: '平台运营' };

/** One account per role in 武侯区, a district admin in each other district, and one person in two districts. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { phone: '13800510101', name: '王建国', memberships: [{ district: '510107', roles: [Role.DistrictAdmin], title: '民政局社会组织科科长' }] },
  { phone: '13800510102', name: '李晓梅', memberships: [{ district: '510107', roles: [Role.ProgrammeOfficer], title: '项目官员' }] },
  { phone: '13800510103', name: '陈会计', memberships: [{ district: '510107', roles: [Role.FinanceOfficer] }] },
  { phone: '13800510104', name: '周教授', memberships: [{ district: '510107', roles: [Role.Reviewer], title: '评审专家' }] },
  { phone: '13800510105', name: '评估中心', memberships: [{ district: '510107', roles: [Role.Evaluator] }] },
  { phone: '13800510106', name: '赵书记', memberships: [{ district: '510107', roles: [Role.CommunityStaff], community: '晋阳社区', title: '社区党委书记' }] },
  {
    phone: '13800510107', name: '刘理事长',
    memberships: [{ district: '510107', roles: [Role.OrgAdmin] }, { district: '330102', roles: [Role.OrgAdmin] }],
  },
  { phone: '13800510108', name: '孙干事', memberships: [{ district: '510107', roles: [Role.OrgStaff] }] },
  { phone: '13800510109', name: '吴社工', memberships: [{ district: '510107', roles: [Role.SocialWorker] }] },
  { phone: '13800510110', name: '郑督导', memberships: [{ district: '510107', roles: [Role.Supervisor] }] },
  { phone: '13800510111', name: '钱基金', memberships: [{ district: '510107', roles: [Role.FundManager] }] },
  // A second applicant in the demo's venture calls (成都市武侯区玉林青少年成长服务中心).
  { phone: '13800510112', name: '何主任', memberships: [{ district: '510107', roles: [Role.OrgAdmin], title: '中心主任' }] },
  { phone: '13800330101', name: '杭州上城管理员', memberships: [{ district: '330102', roles: [Role.DistrictAdmin] }] },
  { phone: '13800420101', name: '武汉江汉管理员', memberships: [{ district: '420103', roles: [Role.DistrictAdmin] }] },
  { phone: '13800500101', name: '重庆武隆管理员', memberships: [{ district: '500156', roles: [Role.DistrictAdmin] }] },
];
