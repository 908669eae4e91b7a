import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COMMON_ERRORS, CommonErrorCode } from '../error-code';

/** Both languages a user may read an error in. */
export class LocalisedMessage {
  @ApiProperty({ name: 'zh-CN', example: '提交的内容有误，请检查标出的字段' }) 'zh-CN': string;
  @ApiProperty({ example: 'The request has invalid fields' }) en: string;
}

/** One refused field of a 400 VALIDATION_FAILED. */
export class ProblemFieldError {
  @ApiProperty({ example: 'version', description: 'dotted path of the field in the request (body, query or path)' }) field: string;
  @ApiProperty({ example: 'isInt' }) code: string;
  @ApiProperty({ example: 'version 必须是整数' }) zh: string;
  @ApiProperty({ example: 'version must be an integer number' }) en: string;
}

/**
 * The one error body of the API (RFC 9457 problem details, `application/problem+json`). Clients branch on `code`,
 * which never changes for a given failure; `message` is for people.
 */
export class ProblemDetails {
  @ApiProperty({ example: 'https://sanshe.cn/problems/validation-failed' }) type: string;
  @ApiProperty({ example: 'The request has invalid fields' }) title: string;
  @ApiProperty({ example: 400 }) status: number;
  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'stable machine-readable code (module catalogues in *.errors.ts)' }) code: string;
  @ApiProperty({ type: () => LocalisedMessage }) message: LocalisedMessage;
  // An honest map: which facts depend on `code` (each module's *.errors.ts), so there are no fixed properties.
  @ApiPropertyOptional({
    type: 'object', additionalProperties: true, example: { entity: 'application', action: 'submit', from: 'submitted' },
    description: 'facts about this failure, depending on `code` (never schema names or internals)',
  })
  detail?: Record<string, unknown>;
  @ApiPropertyOptional({ type: () => [ProblemFieldError] }) errors?: ProblemFieldError[];
  @ApiPropertyOptional({ example: '5f0c6b7e-3d1a-4c43-9a55-0f3e2a1b7c9d', description: 'quote this to support' }) requestId?: string;
}

/** The statuses an operation may document, with what each means here and a typical code. */
export const PROBLEM_STATUSES = {
  400: { description: 'Bad request: invalid fields, malformed JSON or a value the operation refuses', code: CommonErrorCode.VALIDATION_FAILED },
  401: { description: 'Not signed in, or the session expired or was signed out', code: CommonErrorCode.UNAUTHENTICATED },
  403: { description: 'Signed in, but the role, district or membership does not allow this', code: CommonErrorCode.FORBIDDEN_ROLE },
  404: { description: 'Not there — or not yours: both answer the same', code: CommonErrorCode.NOT_FOUND },
  409: { description: 'Conflicts with the current state: stale `version`, a transition not allowed now, a duplicate', code: CommonErrorCode.STALE_VERSION },
  413: { description: 'The request body or file is too large', code: CommonErrorCode.PAYLOAD_TOO_LARGE },
  415: { description: 'The content type or file type is not accepted', code: CommonErrorCode.UNSUPPORTED_MEDIA_TYPE },
  429: { description: 'Too many attempts; retry after the period in `Retry-After`', code: CommonErrorCode.RATE_LIMITED },
} as const;

export type ProblemStatus = keyof typeof PROBLEM_STATUSES;

export function problemExample(status: ProblemStatus): Record<string, unknown> {
  const code = PROBLEM_STATUSES[status].code;
  const def = COMMON_ERRORS[code];
  return {
    type: `https://sanshe.cn/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title: def.en,
    status,
    code,
    message: { 'zh-CN': def.zh, en: def.en },
    requestId: '5f0c6b7e-3d1a-4c43-9a55-0f3e2a1b7c9d',
  };
}
