import { HttpStatus } from '@nestjs/common';

/** A stable machine-readable code with its HTTP status and the two messages a user may read. */
export interface ErrorDefinition {
  status: HttpStatus;
  zh: string;
  en: string;
}

export type ErrorCatalogue<C extends string> = Record<C, ErrorDefinition>;

/** Platform-wide codes: request shape, authentication, access, concurrency. Modules add their own catalogues. */
export enum CommonErrorCode {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  MALFORMED_JSON = 'MALFORMED_JSON',
  JSON_TOO_COMPLEX = 'JSON_TOO_COMPLEX',
  INVALID_CHARACTERS = 'INVALID_CHARACTERS',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  NOT_FOUND = 'NOT_FOUND',
  ROUTE_NOT_FOUND = 'ROUTE_NOT_FOUND',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  TOKEN_EXPIRED = 'TOKEN_EXPIRED',
  SESSION_REVOKED = 'SESSION_REVOKED',
  FORBIDDEN_ROLE = 'FORBIDDEN_ROLE',
  DISTRICT_REQUIRED = 'DISTRICT_REQUIRED',
  MEMBERSHIP_INACTIVE = 'MEMBERSHIP_INACTIVE',
  STALE_VERSION = 'STALE_VERSION',
  CONFLICT = 'CONFLICT',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  INVALID_STATE_TRANSITION = 'INVALID_STATE_TRANSITION',
  RATE_LIMITED = 'RATE_LIMITED',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_ERROR = 'INTERNAL_ERROR',
}

export const COMMON_ERRORS: ErrorCatalogue<CommonErrorCode> = {
  VALIDATION_FAILED: { status: 400, zh: '提交的内容有误，请检查标出的字段', en: 'The request has invalid fields' },
  MALFORMED_JSON: { status: 400, zh: '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  JSON_TOO_COMPLEX: { status: 400, zh: '请求内容层级过深或字段过多', en: 'The request body is nested too deeply or has too many fields' },
  INVALID_CHARACTERS: { status: 400, zh: '请求含有不允许的字符（空字符或无效的 Unicode）', en: 'The request contains a NUL character or invalid Unicode' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '请求内容过大', en: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  NOT_FOUND: { status: 404, zh: '找不到该记录', en: 'Record not found' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在', en: 'No such endpoint' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please sign in' },
  TOKEN_EXPIRED: { status: 401, zh: '登录已过期，请重新登录', en: 'Your session has expired' },
  SESSION_REVOKED: { status: 401, zh: '该登录已被注销，请重新登录', en: 'This session has been signed out' },
  FORBIDDEN_ROLE: { status: 403, zh: '您的角色无权执行此操作', en: 'Your role does not allow this action' },
  DISTRICT_REQUIRED: { status: 403, zh: '请先选择要进入的区县', en: 'Choose a district first' },
  MEMBERSHIP_INACTIVE: { status: 403, zh: '您在该区县的账号已停用', en: 'Your membership in this district is not active' },
  STALE_VERSION: { status: 409, zh: '记录已被他人修改，请刷新后重试', en: 'The record was changed by someone else; reload and retry' },
  CONFLICT: { status: 409, zh: '与现有记录冲突', en: 'Conflicts with an existing record' },
  IDEMPOTENCY_KEY_REUSED: { status: 409, zh: '该幂等键已用于不同的请求', en: 'This Idempotency-Key was used for a different request' },
  INVALID_STATE_TRANSITION: { status: 409, zh: '当前状态下不能执行此操作', en: 'This action is not allowed in the current state' },
  RATE_LIMITED: { status: 429, zh: '操作过于频繁，请稍后再试', en: 'Too many attempts; try again later' },
  SERVICE_UNAVAILABLE: { status: 503, zh: '服务暂时不可用，请稍后重试', en: 'The service is briefly unavailable; please retry shortly' },
  INTERNAL_ERROR: { status: 500, zh: '系统内部错误，请稍后再试', en: 'Internal error; please try again later' },
};
