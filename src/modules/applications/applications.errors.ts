import { ErrorCatalogue, errorFactory } from '@sanshe/common';

export enum ApplicationsErrorCode {
  APPLICATION_NOT_FOUND = 'APPLICATION_NOT_FOUND',
  APPLICATION_INVALID = 'APPLICATION_INVALID',
  APPLICATION_NOT_EDITABLE = 'APPLICATION_NOT_EDITABLE',
  NOT_AN_EDITOR = 'NOT_AN_EDITOR',
  NOT_AN_APPLICANT = 'NOT_AN_APPLICANT',
  APPLICATION_LIMIT_REACHED = 'APPLICATION_LIMIT_REACHED',
  ALREADY_SUBMITTED = 'ALREADY_SUBMITTED',
  NOT_ELIGIBLE = 'NOT_ELIGIBLE',
  EDITOR_NOT_COLLEAGUE = 'EDITOR_NOT_COLLEAGUE',
  SCREENING_CHECKS_FAILED = 'SCREENING_CHECKS_FAILED',
  SCREENING_CLOSED = 'SCREENING_CLOSED',
}

export const APPLICATIONS_ERRORS: ErrorCatalogue<ApplicationsErrorCode> = {
  APPLICATION_NOT_FOUND: { status: 404, zh: '找不到该申报书', en: 'Application not found' },
  APPLICATION_INVALID: { status: 400, zh: '申报书尚不完整或有误，请按提示修改后再提交', en: 'The application is incomplete or invalid; fix the listed items' },
  APPLICATION_NOT_EDITABLE: { status: 409, zh: '申报书已提交，不能再修改', en: 'The application has been submitted and can no longer be edited' },
  NOT_AN_EDITOR: { status: 403, zh: '您不是该申报书的编辑人', en: 'You are not an editor of this application' },
  NOT_AN_APPLICANT: { status: 403, zh: '只有社会组织的管理员或工作人员可以申报', en: 'Only an organisation admin or staff member can apply' },
  APPLICATION_LIMIT_REACHED: { status: 409, zh: '本组织在该征集中的申报数量已达上限', en: 'Your organisation has reached the number of applications this call allows' },
  ALREADY_SUBMITTED: { status: 409, zh: '申报书已提交，无需重复提交', en: 'The application has already been submitted' },
  NOT_ELIGIBLE: { status: 409, zh: '本组织不符合该征集的申报条件', en: 'Your organisation does not meet the call\'s eligibility rules' },
  EDITOR_NOT_COLLEAGUE: { status: 400, zh: '只能邀请本组织的在册人员共同编辑', en: 'Only active members of your organisation can co-edit' },
  SCREENING_CHECKS_FAILED: { status: 409, zh: '自动审查未通过，不能判定为审查通过', en: 'The automatic checks failed; the application cannot pass screening' },
  SCREENING_CLOSED: { status: 409, zh: '评审已启动，资格审查结果不能再更改', en: 'The review has started; screening can no longer change' },
};

export const applicationsError = errorFactory(APPLICATIONS_ERRORS);
