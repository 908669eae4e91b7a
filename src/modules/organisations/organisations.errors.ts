import { ErrorCatalogue, errorFactory } from '@sanshe/common';

export enum OrganisationsErrorCode {
  ORGANISATION_NOT_FOUND = 'ORGANISATION_NOT_FOUND',
  CREDIT_CODE_TAKEN = 'CREDIT_CODE_TAKEN',
  ORGANISATION_INCOMPLETE = 'ORGANISATION_INCOMPLETE',
  ORGANISATION_CLOSED = 'ORGANISATION_CLOSED',
  CORE_FACTS_UNDER_REVIEW = 'CORE_FACTS_UNDER_REVIEW',
  NO_PENDING_CHANGE = 'NO_PENDING_CHANGE',
  NOT_YOUR_ORGANISATION = 'NOT_YOUR_ORGANISATION',
  ORGANISATION_NOT_VERIFIED = 'ORGANISATION_NOT_VERIFIED',
  ORGANISATION_NOT_IN_GOOD_STANDING = 'ORGANISATION_NOT_IN_GOOD_STANDING',
  QUALIFICATION_NOT_FOUND = 'QUALIFICATION_NOT_FOUND',
  QUALIFICATION_PENDING = 'QUALIFICATION_PENDING',
  QUALIFICATION_AREAS_INVALID = 'QUALIFICATION_AREAS_INVALID',
  DATE_RANGE_INVALID = 'DATE_RANGE_INVALID',
  EXPORT_TOO_LARGE = 'EXPORT_TOO_LARGE',
  APPLICANT_ALREADY_MEMBER = 'APPLICANT_ALREADY_MEMBER',
  STAFF_ROLE_NOT_ALLOWED = 'STAFF_ROLE_NOT_ALLOWED',
}

export const ORGANISATIONS_ERRORS: ErrorCatalogue<OrganisationsErrorCode> = {
  ORGANISATION_NOT_FOUND: { status: 404, zh: '找不到该社会组织', en: 'Organisation not found' },
  CREDIT_CODE_TAKEN: {
    status: 409,
    zh: '本区县已有使用该统一社会信用代码的社会组织登记记录（一个组织在一个区县只登记一次）',
    en: 'An organisation with this unified social credit code is already registered in this district',
  },
  ORGANISATION_INCOMPLETE: { status: 409, zh: '资料尚不完整，请补全标出的内容后再提交', en: 'The registration is incomplete; complete the listed items first' },
  ORGANISATION_CLOSED: { status: 409, zh: '该社会组织已注销，不能修改', en: 'This organisation is closed and cannot be changed' },
  CORE_FACTS_UNDER_REVIEW: { status: 409, zh: '已提交核验，核验期间不能修改名称、信用代码和法定代表人', en: 'Name, credit code and legal representative cannot change while verification is pending' },
  NO_PENDING_CHANGE: { status: 409, zh: '没有待审核的变更', en: 'There is no pending change to review' },
  NOT_YOUR_ORGANISATION: { status: 403, zh: '只能管理本组织的信息', en: 'You can only manage your own organisation' },
  ORGANISATION_NOT_VERIFIED: { status: 409, zh: '社会组织尚未通过核验', en: 'The organisation is not verified yet' },
  ORGANISATION_NOT_IN_GOOD_STANDING: { status: 409, zh: '社会组织处于暂停或严重违法失信状态', en: 'The organisation is suspended or blacklisted' },
  QUALIFICATION_NOT_FOUND: { status: 404, zh: '找不到该承接资质申请', en: 'Qualification not found' },
  QUALIFICATION_PENDING: { status: 409, zh: '已有一份待审核的承接资质申请，请等待审核结果或先撤回', en: 'An application is already awaiting review; wait for it or withdraw it first' },
  QUALIFICATION_AREAS_INVALID: { status: 400, zh: '批准的服务领域必须是申请领域的一部分', en: 'Approved service areas must be among those applied for' },
  DATE_RANGE_INVALID: { status: 400, zh: '结束日期不能早于开始日期', en: 'The end date cannot be before the start date' },
  EXPORT_TOO_LARGE: { status: 409, zh: '符合条件的记录过多，请缩小筛选范围后再导出', en: 'Too many rows to export; narrow the filters' },
  APPLICANT_ALREADY_MEMBER: {
    status: 409,
    zh: '该手机号已是本区县平台成员，请登录后联系区民政部门办理登记',
    en: 'This phone number already belongs to a member of this district; sign in and ask the district to register the organisation',
  },
  STAFF_ROLE_NOT_ALLOWED: { status: 400, zh: '只能邀请社会组织管理员、工作人员、社工或督导', en: 'Only organisation admin, staff, social worker or supervisor roles can be given' },
};

export const organisationsError = errorFactory(ORGANISATIONS_ERRORS);
