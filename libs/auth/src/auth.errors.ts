import { ErrorCatalogue, errorFactory } from '@sanshe/common';

export enum AuthErrorCode {
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  ACCOUNT_LOCKED = 'ACCOUNT_LOCKED',
  ACCOUNT_DISABLED = 'ACCOUNT_DISABLED',
  PASSWORD_NOT_SET = 'PASSWORD_NOT_SET',
  REFRESH_TOKEN_INVALID = 'REFRESH_TOKEN_INVALID',
  REFRESH_TOKEN_REUSED = 'REFRESH_TOKEN_REUSED',
  NOT_A_MEMBER = 'NOT_A_MEMBER',
  MEMBERSHIP_SUSPENDED = 'MEMBERSHIP_SUSPENDED',
  WEAK_PASSWORD = 'WEAK_PASSWORD',
  PLATFORM_OPERATOR_ONLY = 'PLATFORM_OPERATOR_ONLY',
}

export const AUTH_ERRORS: ErrorCatalogue<AuthErrorCode> = {
  INVALID_CREDENTIALS: { status: 401, zh: '账号或密码错误，或尝试次数过多（请稍后再试；未激活的账号请先通过邀请链接设置密码）', en: 'Wrong login or password, or too many attempts (try again later; a new account sets its password through its invitation first)' },
  ACCOUNT_LOCKED: { status: 429, zh: '密码错误次数过多，账号已暂时锁定，请稍后再试', en: 'Too many wrong passwords; the account is locked for a while' },
  ACCOUNT_DISABLED: { status: 403, zh: '该账号已停用', en: 'This account is disabled' },
  PASSWORD_NOT_SET: { status: 401, zh: '该账号尚未设置密码，请通过邀请链接激活', en: 'This account has no password yet; accept your invitation first' },
  REFRESH_TOKEN_INVALID: { status: 401, zh: '登录凭证无效或已过期，请重新登录', en: 'The refresh token is invalid or expired' },
  REFRESH_TOKEN_REUSED: { status: 401, zh: '检测到登录凭证被重复使用，为安全起见已注销该登录', en: 'A refresh token was reused; the session has been revoked' },
  NOT_A_MEMBER: { status: 403, zh: '您不是该区县的成员，或成员资格未激活', en: 'You are not an active member of that district' },
  MEMBERSHIP_SUSPENDED: { status: 403, zh: '您在所属区县的账号已被停用，暂不能登录，请联系区县管理员', en: 'Your district has suspended your account; you cannot sign in until its administrator reactivates you' },
  WEAK_PASSWORD: { status: 400, zh: '密码至少 10 位，且需同时包含字母和数字', en: 'Passwords need at least 10 characters with letters and digits' },
  PLATFORM_OPERATOR_ONLY: { status: 403, zh: '仅平台运营人员可执行此操作', en: 'Only the platform operator may do this' },
};

export const authError = errorFactory(AUTH_ERRORS);
