import { ErrorCatalogue, errorFactory } from '@sanshe/common';
import { QueryFailedError } from 'typeorm';

export enum CaseworkErrorCode {
  ORGANISATION_REQUIRED = 'CASEWORK_ORGANISATION_REQUIRED',
  BENEFICIARY_NOT_FOUND = 'BENEFICIARY_NOT_FOUND',
  CASE_NOT_FOUND = 'CASE_NOT_FOUND',
  RECORD_NOT_FOUND = 'SERVICE_RECORD_NOT_FOUND',
  GROUP_NOT_FOUND = 'GROUP_NOT_FOUND',
  REFERRAL_NOT_FOUND = 'REFERRAL_NOT_FOUND',
  ASSIGNMENT_NOT_FOUND = 'SUPERVISION_ASSIGNMENT_NOT_FOUND',
  MEMBER_NOT_IN_ORGANISATION = 'MEMBER_NOT_IN_ORGANISATION',
  ID_NUMBER_MISMATCH = 'ID_NUMBER_MISMATCH',
  CONSENT_REQUIRED = 'CONSENT_REQUIRED',
  GUARDIAN_CONSENT_REQUIRED = 'GUARDIAN_CONSENT_REQUIRED',
  GUARDIAN_REQUIRED = 'GUARDIAN_REQUIRED',
  CONSENT_NOT_ACTIVE = 'CONSENT_NOT_ACTIVE',
  CONSENT_SCOPE = 'CONSENT_SCOPE',
  NO_SUPERVISOR = 'NO_SUPERVISOR',
  NOT_YOUR_SUPERVISEE = 'NOT_YOUR_SUPERVISEE',
  SELF_APPROVAL = 'SELF_APPROVAL',
  CASE_NOT_OPEN = 'CASE_NOT_OPEN',
  CASE_ALREADY_OPEN = 'CASE_ALREADY_OPEN',
  RECORD_LOCKED = 'SERVICE_RECORD_LOCKED',
  NOT_RECORD_LOCKED = 'SERVICE_RECORD_NOT_LOCKED',
  NOT_AUTHOR = 'NOT_RECORD_AUTHOR',
  REFERRAL_SAME_ORGANISATION = 'REFERRAL_SAME_ORGANISATION',
  REFERRAL_TARGET_NOT_FOUND = 'REFERRAL_TARGET_NOT_FOUND',
  REFERRAL_TARGET_NOT_ELIGIBLE = 'REFERRAL_TARGET_NOT_ELIGIBLE',
  REFERRAL_NOT_YOURS = 'REFERRAL_NOT_YOURS',
  SERVICE_DATE_OUTSIDE_CASE = 'SERVICE_DATE_OUTSIDE_CASE',
  SERVICE_DATE_BEFORE_CONSENT = 'SERVICE_DATE_BEFORE_CONSENT',
  REFERRAL_IDENTITY_REQUIRED = 'REFERRAL_IDENTITY_REQUIRED',
  ASSIGNMENT_EXISTS = 'SUPERVISION_ASSIGNMENT_EXISTS',
  ROLE_MISMATCH = 'CASEWORK_ROLE_MISMATCH',
  SESSION_NUMBER_TAKEN = 'GROUP_SESSION_NUMBER_TAKEN',
  CERTIFICATE_TAKEN = 'CERTIFICATE_NUMBER_TAKEN',
  FIELD_NOT_REVEALABLE = 'FIELD_NOT_REVEALABLE',
  PROJECT_LINK_INVALID = 'PROJECT_LINK_INVALID',
  NOT_CASE_WORKER = 'NOT_CASE_WORKER',
  NO_PENDING_APPROVAL = 'NO_PENDING_APPROVAL',
}

export const CASEWORK_ERRORS: ErrorCatalogue<CaseworkErrorCode> = {
  CASEWORK_ORGANISATION_REQUIRED: { status: 403, zh: '您的账号未关联社会组织，不能处理个案', en: 'Your membership is not tied to an organisation, so it cannot do casework' },
  BENEFICIARY_NOT_FOUND: { status: 404, zh: '找不到该服务对象，或您无权查看', en: 'Beneficiary not found, or not visible to you' },
  CASE_NOT_FOUND: { status: 404, zh: '找不到该个案，或您无权查看', en: 'Case not found, or not visible to you' },
  SERVICE_RECORD_NOT_FOUND: { status: 404, zh: '找不到该服务记录，或您无权查看', en: 'Service record not found, or not visible to you' },
  GROUP_NOT_FOUND: { status: 404, zh: '找不到该小组，或您无权查看', en: 'Group not found, or not visible to you' },
  SUPERVISION_ASSIGNMENT_NOT_FOUND: { status: 404, zh: '找不到该督导关系', en: 'Supervision assignment not found' },
  REFERRAL_NOT_FOUND: { status: 404, zh: '找不到该转介，或您无权查看', en: 'Referral not found, or not visible to you' },
  MEMBER_NOT_IN_ORGANISATION: { status: 400, zh: '该人员不是本机构的在岗社工或督导', en: 'That person is not an active worker or supervisor of your organisation' },
  ID_NUMBER_MISMATCH: { status: 400, zh: '填写的性别或出生日期与身份证号码不一致', en: 'The gender or birth date given does not match the ID number' },
  CONSENT_REQUIRED: { status: 409, zh: '服务对象尚未签署（或已撤回）此项知情同意，不能执行该操作', en: 'The beneficiary has not given (or has withdrawn) the consent this action needs' },
  GUARDIAN_CONSENT_REQUIRED: { status: 400, zh: '未满14周岁的服务对象，须由监护人签署同意', en: 'For a child under 14, consent must be given by the guardian' },
  GUARDIAN_REQUIRED: { status: 400, zh: '未成年服务对象须登记监护人', en: 'A minor needs a recorded guardian' },
  CONSENT_NOT_ACTIVE: { status: 409, zh: '该同意已撤回或已被新版本取代', en: 'This consent has already been withdrawn or superseded' },
  CONSENT_SCOPE: { status: 409, zh: '服务对象同意共享的信息不包括所选内容', en: 'The beneficiary did not consent to sharing some of the selected information' },
  NO_SUPERVISOR: { status: 409, zh: '本机构要求督导审批，但您尚未分配督导，请联系机构管理员', en: 'Your organisation requires supervisor approval but no supervisor is assigned to you' },
  NOT_YOUR_SUPERVISEE: { status: 403, zh: '只有该社工的督导可以审批', en: 'Only a supervisor of this worker may approve' },
  SELF_APPROVAL: { status: 403, zh: '不能审批自己的个案', en: 'You cannot approve your own case' },
  CASE_NOT_OPEN: { status: 409, zh: '个案当前状态下不能添加服务记录', en: 'Service records cannot be added to the case in its current state' },
  CASE_ALREADY_OPEN: { status: 409, zh: '该服务对象在本机构已有进行中的个案', en: 'This beneficiary already has an open case in your organisation' },
  SERVICE_RECORD_LOCKED: { status: 409, zh: '服务记录已超过可修改期限，请使用“更正”并说明理由', en: 'The record is locked; use a correction with a reason' },
  SERVICE_RECORD_NOT_LOCKED: { status: 409, zh: '记录仍在可修改期内，请直接修改', en: 'The record is still editable; edit it directly' },
  NOT_RECORD_AUTHOR: { status: 403, zh: '只有记录人可以修改该服务记录', en: 'Only the author may edit this service record' },
  REFERRAL_SAME_ORGANISATION: { status: 400, zh: '不能转介给本机构', en: 'A referral must go to another organisation' },
  REFERRAL_TARGET_NOT_FOUND: { status: 404, zh: '找不到接收机构（须为本区已认证的社会组织）', en: 'Receiving organisation not found (it must be a verified organisation of this district)' },
  REFERRAL_TARGET_NOT_ELIGIBLE: { status: 409, zh: '接收机构当前不能接收转介', en: 'The receiving organisation cannot take referrals at present' },
  SERVICE_DATE_OUTSIDE_CASE: { status: 409, zh: '服务日期不在个案的开案至结案期间内', en: 'The service date is outside the period the case was open' },
  SERVICE_DATE_BEFORE_CONSENT: {
    status: 409, zh: '服务日期不在服务对象的接受服务同意有效期内', en: 'The service date is not covered by the beneficiary\'s consent to receive services',
  },
  REFERRAL_IDENTITY_REQUIRED: { status: 400, zh: '转介未共享服务对象的姓名或身份证号，接收时须自行采集填写', en: 'The referral did not share the name or ID number; enter them from your own intake to accept' },
  REFERRAL_NOT_YOURS: { status: 403, zh: '只有接收机构可以处理该转介', en: 'Only the receiving organisation may decide on this referral' },
  SUPERVISION_ASSIGNMENT_EXISTS: { status: 409, zh: '该督导关系已存在', en: 'This supervision assignment already exists' },
  CASEWORK_ROLE_MISMATCH: { status: 400, zh: '所选人员不具备相应角色（督导/社工）', en: 'The selected person does not hold the needed role (supervisor / social worker)' },
  GROUP_SESSION_NUMBER_TAKEN: { status: 409, zh: '该节次已有记录', en: 'This session number is already recorded' },
  CERTIFICATE_NUMBER_TAKEN: { status: 409, zh: '该证书编号已登记', en: 'This certificate number is already registered' },
  FIELD_NOT_REVEALABLE: { status: 400, zh: '该项信息没有可查看的明文', en: 'This field has no value to reveal' },
  NOT_CASE_WORKER: { status: 403, zh: '只有该个案的负责社工（或协助社工、机构管理员）可以执行此操作', en: 'Only the case\'s worker, an assisting worker or the organisation admin may do this' },
  NO_PENDING_APPROVAL: { status: 409, zh: '该个案没有待审批的事项', en: 'Nothing in this case is waiting for approval' },
  PROJECT_LINK_INVALID: {
    status: 400,
    zh: '所选项目不存在或不属于本机构，或指标不属于该项目',
    en: 'The selected project does not exist or is not your organisation\'s, or the indicator is not one of that project\'s',
  },
};

export const caseworkError = errorFactory(CASEWORK_ERRORS);

interface ProjectLink { projectId?: string | null; indicatorId?: string | null }

/** An indicator is always an indicator of a project: linking one without its project is refused before any write. */
export function assertIndicatorHasProject(link: ProjectLink): void {
  if (link.indicatorId && !link.projectId) {
    throw caseworkError(CaseworkErrorCode.PROJECT_LINK_INVALID, { field: 'projectId', indicatorId: link.indicatorId },
      { zh: '关联指标时须同时关联项目', en: 'An indicator needs its project' });
  }
}

/**
 * The foreign keys the projects migration puts on casework's links: `<table>_project_fk` (a project of the same
 * organisation, in this district) and `<table>_indicator_fk` (an indicator of that project).
 */
const LINK_FK = /^(service_records|casework_groups|community_events)_(project|indicator)_fk$/;

/**
 * Runs the write that stores a project link and turns the database's refusal of the link into PROJECT_LINK_INVALID
 * (naming the field). The refused statement has aborted the request's transaction; the thrown error rolls back all of
 * the request's writes, so nothing of it is kept. Any other error passes through unchanged.
 */
export async function writeProjectLink<T>(link: ProjectLink, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    const pg = (err as { driverError?: { code?: string; constraint?: string } }).driverError;
    const fk = err instanceof QueryFailedError && pg?.code === '23503' ? LINK_FK.exec(pg.constraint ?? '') : null;
    if (!fk) throw err;
    throw caseworkError(CaseworkErrorCode.PROJECT_LINK_INVALID, {
      field: fk[2] === 'project' ? 'projectId' : 'indicatorId', projectId: link.projectId ?? null, indicatorId: link.indicatorId ?? null,
    });
  }
}
