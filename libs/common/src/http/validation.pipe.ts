import { ValidationError, ValidationPipe } from '@nestjs/common';
import { CommonErrorCode } from '../error-code';
import { FieldError } from '../domain.exception';
import { commonError } from '../errors';
import { IS_REAL_DAY, IS_REAL_DAY_ZH } from '../validation/real-date';

/** Chinese wording for class-validator constraints; the English comes from class-validator itself. */
const ZH: Record<string, string> = {
  whitelistValidation: '不允许的字段',
  isString: '应为文字',
  isInt: '应为整数',
  isNumber: '应为数字',
  isBoolean: '应为是/否',
  isEnum: '不是允许的选项',
  isIn: '不是允许的选项',
  isUUID: '不是有效的编号',
  isEmail: '不是有效的电子邮箱',
  isNotEmpty: '不能为空',
  isDefined: '必须填写',
  isArray: '应为列表',
  arrayNotEmpty: '至少选择一项',
  arrayMinSize: '选择的项目太少',
  arrayMaxSize: '选择的项目太多',
  arrayUnique: '不能重复',
  maxLength: '内容过长',
  minLength: '内容过短',
  length: '长度不符合要求',
  min: '数值过小',
  max: '数值过大',
  matches: '格式不正确',
  isDateString: '不是有效的日期',
  isISO8601: '不是有效的日期时间',
  isObject: '应为对象',
  nestedValidation: '内容有误',
  [IS_REAL_DAY]: IS_REAL_DAY_ZH,
};

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    for (const [code, en] of Object.entries(e.constraints ?? {})) {
      out.push({ field, code, zh: `${field}：${ZH[code] ?? '不符合要求'}`, en });
    }
    if (e.children?.length) out.push(...flatten(e.children, field));
  }
  return out;
}

/**
 * Strict DTO validation: unknown fields are refused (so a client cannot slip in `tenantId` or `status`),
 * primitives are not coerced silently, and every problem is listed per field in both languages.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      commonError(CommonErrorCode.VALIDATION_FAILED, undefined, undefined, flatten(errors)),
  });
}
