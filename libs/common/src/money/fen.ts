/**
 * Money is integer fen (分). In JSON it travels as a decimal string, because a JSON number cannot carry every bigint
 * and a float cannot carry every fen; in code it is a `bigint` or this branded string. Every rule about the shape
 * of an amount lives here, so a DTO, a service checking an event payload and the OpenAPI document all agree:
 * digits only, no leading zero, no sign unless negative amounts mean something, at most 15 digits
 * (9,999,999,999,999.99 yuan — beyond any district budget, far inside bigint when summed).
 */
import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { ValidateBy, ValidationOptions } from 'class-validator';

/** A whole number of fen as a canonical decimal string ("0", "1500000", "-30000"). */
export type Fen = string & { readonly __fen: unique symbol };

export const FEN_MAX_DIGITS = 15;
/** Unsigned: what almost every amount is. */
export const FEN_PATTERN = `^(0|[1-9][0-9]{0,${FEN_MAX_DIGITS - 1}})$`;
/** Signed: only where a negative amount means something (a movement out of an account). "-0" is not a number. */
export const SIGNED_FEN_PATTERN = `^(0|-?[1-9][0-9]{0,${FEN_MAX_DIGITS - 1}})$`;
const UNSIGNED = new RegExp(FEN_PATTERN);
const SIGNED = new RegExp(SIGNED_FEN_PATTERN);

export interface FenBounds {
  /** Smallest allowed amount (inclusive); default 0, or no floor when `signed`. */
  min?: bigint;
  /** Largest allowed amount (inclusive); default the 15-digit limit. */
  max?: bigint;
  /** Allow a leading minus sign. */
  signed?: boolean;
}

/** True when `value` is a canonical fen string inside the bounds. */
export function isFen(value: unknown, bounds: FenBounds = {}): value is Fen {
  if (typeof value !== 'string' || !(bounds.signed ? SIGNED : UNSIGNED).test(value)) return false;
  const v = BigInt(value);
  if (bounds.min !== undefined && v < bounds.min) return false;
  if (bounds.max !== undefined && v > bounds.max) return false;
  return true;
}

/** A bigint (or a bigint column's text) as the canonical string a response carries. */
export function toFen(value: bigint | number | string): Fen {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) throw new RangeError(`not a whole number of fen: ${value}`);
  return BigInt(value).toString() as Fen;
}

/**
 * Fen as yuan with two decimals, by integer arithmetic only: "1234.50", "-0.05", and with `grouping` "1,234.50"
 * (agreements and exports). A float (`Number(fen) / 100`) loses fen above 2^53 and rounds 0.1 + 0.2 wrongly.
 */
export function formatYuan(fen: Fen | bigint | string, options: { grouping?: boolean } = {}): string {
  const v = BigInt(fen);
  const abs = v < 0n ? -v : v;
  const whole = (abs / 100n).toString();
  const yuan = options.grouping ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole;
  return `${v < 0n ? '-' : ''}${yuan}.${(abs % 100n).toString().padStart(2, '0')}`;
}

export const IS_FEN = 'isFen';

/** Chinese wording for the constraint, used by the validation pipe next to the English. */
export function fenMessageZh(bounds: FenBounds = {}): string {
  const range = rangeText(bounds, (f) => `${formatYuan(f)} 元`, '不少于', '不超过', '，');
  return `应为以“分”为单位的整数金额字符串（如 "1500000" 表示 15000.00 元），${bounds.signed ? '可带负号，' : ''}不带前导零、小数点或空格，最多 ${FEN_MAX_DIGITS} 位${range ? `，${range}` : ''}`;
}

export function fenMessageEn(property: string, bounds: FenBounds = {}): string {
  const range = rangeText(bounds, (f) => `${f} fen`, 'at least', 'at most', ' and ');
  return `${property} must be a whole number of fen as a decimal string (e.g. "1500000" for 15000.00 yuan)${bounds.signed ? ', optionally negative' : ''}, without leading zeros, decimals or spaces, at most ${FEN_MAX_DIGITS} digits${range ? `, ${range}` : ''}`;
}

function rangeText(b: FenBounds, money: (f: bigint) => string, atLeast: string, atMost: string, and: string): string {
  const parts: string[] = [];
  if (b.min !== undefined && !(b.min === 0n && !b.signed)) parts.push(`${atLeast} ${money(b.min)}`);
  if (b.max !== undefined) parts.push(`${atMost} ${money(b.max)}`);
  return parts.join(and);
}

export interface IsFenOptions extends FenBounds {
  /** Example for the OpenAPI document; the field's own `@ApiProperty` may give a better one. */
  example?: string;
}

/**
 * The one money rule for request fields: a canonical fen string within `min`/`max`. It also describes the field in
 * the OpenAPI document (string, pattern, example), so every money field reads the same to a generated client.
 * The error carries code `isFen` and a message in both languages naming the bounds.
 */
export function IsFen(options: IsFenOptions = {}, validationOptions?: ValidationOptions): PropertyDecorator {
  const { example, ...bounds } = options;
  const validate = ValidateBy(
    {
      name: IS_FEN,
      constraints: [bounds],
      validator: {
        validate: (value: unknown) => isFen(value, bounds),
        defaultMessage: (args) => fenMessageEn(args?.property ?? 'amount', bounds),
      },
    },
    { ...validationOptions, context: { zh: fenMessageZh(bounds), ...validationOptions?.context } },
  );
  const describe = ApiProperty(fenSchema({ example: example ?? (bounds.min !== undefined && bounds.min > 0n ? bounds.min.toString() : '1500000'), signed: bounds.signed }));
  return (target: object, key: string | symbol) => {
    describe(target, key);
    validate(target, key);
  };
}

function fenSchema(o: { example: string; signed?: boolean; description?: string; required?: boolean; nullable?: boolean }): ApiPropertyOptions {
  return {
    ...(o.required === false ? { required: false } : {}),
    ...(o.nullable ? { nullable: true } : {}),
    type: String,
    pattern: o.signed ? SIGNED_FEN_PATTERN : FEN_PATTERN,
    example: o.example,
    description: o.description ?? `金额（分，整数字符串）/ integer fen as a decimal string${o.signed ? '; negative when money left the account' : ''}`,
  };
}

/** A money field of a response: described exactly like a request's (string, pattern, example). */
export function ApiFenProperty(options: { example: string; signed?: boolean; description?: string; required?: boolean; nullable?: boolean }): PropertyDecorator {
  return ApiProperty(fenSchema(options));
}
