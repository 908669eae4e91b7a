/**
 * Calendar days (`YYYY-MM-DD`, no time, no zone) that PostgreSQL's `date` will take without a 22007/22008 error and
 * that make sense for a district's work: a day that exists (no 30 February, no 31 September) in the years 1900 to
 * 2199 (a birth date, a registration date, a project end).
 *
 * The one check for day fields: DTOs use `@IsRealDay()`, services and event handlers `isRealDay()`.
 */
import { ValidateBy, ValidationOptions, buildMessage } from 'class-validator';

export const REAL_DAY_MIN_YEAR = 1900;
export const REAL_DAY_MAX_YEAR = 2199;

const DAY_SHAPE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

/** True when `s` is `YYYY-MM-DD` naming a day that exists, in the years 1900–2199. */
export function isRealDay(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = DAY_SHAPE.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < REAL_DAY_MIN_YEAR || year > REAL_DAY_MAX_YEAR) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export const IS_REAL_DAY = 'isRealDay';

/** Chinese wording for the constraint, used by the validation pipe next to class-validator's English. */
export const IS_REAL_DAY_ZH = `应为真实存在的日期，格式 YYYY-MM-DD（如 2026-09-30），年份在 ${REAL_DAY_MIN_YEAR} 至 ${REAL_DAY_MAX_YEAR} 之间`;

/**
 * A `YYYY-MM-DD` calendar day that exists. Refuses impossible days ("2026-02-30"), timestamps
 * ("2028-03-31T10:00:00Z") and years outside 1900–2199, which would otherwise reach the database.
 */
export function IsRealDay(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_REAL_DAY,
      validator: {
        validate: (value: unknown) => isRealDay(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be a real calendar day YYYY-MM-DD (e.g. 2026-09-30) between ${REAL_DAY_MIN_YEAR} and ${REAL_DAY_MAX_YEAR}`,
          options,
        ),
      },
    },
    options,
  );
}
