import { ErrorCatalogue, errorFactory } from '@sanshe/common';

export enum MembersErrorCode {
  MEMBER_NOT_FOUND = 'MEMBER_NOT_FOUND',
  USER_NOT_FOUND = 'USER_NOT_FOUND',
  MEMBER_EXISTS = 'MEMBER_EXISTS',
  CONTACT_REQUIRED = 'CONTACT_REQUIRED',
  CONTACT_BELONGS_TO_TWO_PEOPLE = 'CONTACT_BELONGS_TO_TWO_PEOPLE',
  ORGANISATION_REQUIRED = 'ORGANISATION_REQUIRED',
  COMMUNITY_REQUIRED = 'COMMUNITY_REQUIRED',
  LAST_DISTRICT_ADMIN = 'LAST_DISTRICT_ADMIN',
  CANNOT_SUSPEND_SELF = 'CANNOT_SUSPEND_SELF',
  MEMBERSHIP_STATE = 'MEMBERSHIP_STATE',
  INVITATION_INVALID = 'INVITATION_INVALID',
  INVITATION_EXPIRED = 'INVITATION_EXPIRED',
  INVITATION_USED = 'INVITATION_USED',
  PASSWORD_REQUIRED = 'PASSWORD_REQUIRED',
}

export const MEMBERS_ERRORS: ErrorCatalogue<MembersErrorCode> = {
  MEMBER_NOT_FOUND: { status: 404, zh: '找不到该成员', en: 'Member not found' },
  USER_NOT_FOUND: { status: 404, zh: '找不到该用户', en: 'User not found' },
  MEMBER_EXISTS: { status: 409, zh: '此人已是本区县成员', en: 'This person is already a member of this district' },
  CONTACT_REQUIRED: { status: 400, zh: '请填写手机号或电子邮箱', en: 'Give a mobile phone number or an e-mail address' },
  CONTACT_BELONGS_TO_TWO_PEOPLE: { status: 409, zh: '该手机号和邮箱分属两个不同账号', en: 'The phone and e-mail belong to two different accounts' },
  ORGANISATION_REQUIRED: { status: 400, zh: '社会组织相关角色需指定所属社会组织', en: 'Organisation roles need the organisation they act for' },
  COMMUNITY_REQUIRED: { status: 400, zh: '社区工作者需指定所在社区', en: 'Community staff need their community' },
  LAST_DISTRICT_ADMIN: { status: 409, zh: '不能移除本区县最后一名区级管理员', en: 'The last district admin cannot be removed' },
  CANNOT_SUSPEND_SELF: { status: 409, zh: '不能停用自己的账号', en: 'You cannot suspend yourself' },
  MEMBERSHIP_STATE: { status: 409, zh: '成员当前状态下不能执行此操作', en: 'Not possible in the membership\'s current state' },
  INVITATION_INVALID: { status: 400, zh: '邀请链接无效', en: 'The invitation link is not valid' },
  INVITATION_EXPIRED: { status: 410, zh: '邀请链接已过期，请联系管理员重新邀请', en: 'The invitation has expired; ask for a new one' },
  INVITATION_USED: { status: 409, zh: '该邀请已被接受', en: 'This invitation was already accepted' },
  PASSWORD_REQUIRED: { status: 400, zh: '首次加入请设置登录密码', en: 'Set a password to activate your account' },
};

export const membersError = errorFactory(MEMBERS_ERRORS);
