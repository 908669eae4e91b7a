import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
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
      // A rule whose wording depends on its bounds (`@IsFen({ min })`) brings its own Chinese in its context.
      const zh = (e.contexts?.[code] as { zh?: string } | undefined)?.zh ?? ZH[code] ?? '不符合要求';
      out.push({ field, code, zh: `${field}：${zh}`, en });
    }
    if (e.children?.length) out.push(...flatten(e.children, field));
  }
  return out;
}

/**
 * `null` in a declared field of a request class. class-validator's `@IsOptional()` lets null through as if the field
 * were absent, and the services then took it as a value (`{"communityId": null}` reached TypeORM as a null id, a
 * 500). No request field means "null" on purpose: a field is given or left out. Plain objects held by a field (form
 * answers and the like) are the field's own validator's business and are not walked.
 */
function nullFields(value: unknown, prefix = '', depth = 0): FieldError[] {
  if (value === null || typeof value !== 'object' || depth > 16) return [];
  const proto = Object.getPrototypeOf(value);
  const isRequestClass = proto !== Object.prototype && proto !== null && !Array.isArray(value);
  const out: FieldError[] = [];
  for (const [key, v] of Object.entries(value)) {
    const field = prefix ? `${prefix}.${key}` : key;
    if (v === null && isRequestClass) out.push({ field, code: 'isNotNull', zh: `${field}：不能为 null（不修改时请省略该字段）`, en: `${field} must not be null (leave it out instead)` });
    else if (isRequestClass && Array.isArray(v)) v.forEach((item, i) => out.push(...nullFields(item, `${field}.${i}`, depth + 1)));
    else if (isRequestClass) out.push(...nullFields(v, field, depth + 1));
  }
  return out;
}

class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const out = await super.transform(value, metadata);
    const nulls = nullFields(out);
    if (nulls.length) throw commonError(CommonErrorCode.VALIDATION_FAILED, undefined, undefined, nulls);
    return out;
  }
}

/**
 * Strict DTO validation: unknown fields are refused (so a client cannot slip in `tenantId` or `status`),
 * primitives are not coerced silently, null is not "absent", and every problem is listed per field in both
 * languages — one message per field (`stopAtFirstError`), so a hostile body cannot make the answer grow with the
 * number of rules it breaks.
 */
export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    stopAtFirstError: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      commonError(CommonErrorCode.VALIDATION_FAILED, undefined, undefined, flatten(errors)),
  });
}
