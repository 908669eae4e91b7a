import { ErrorDefinition } from './error-code';

export interface FieldError {
  field: string;
  code: string;
  zh: string;
  en: string;
}

/**
 * The one exception type services throw. The filter turns it into problem details; the code is
 * stable for clients, the messages are for people. `detail` carries safe structured context
 * (e.g. which conditions are unmet) — never secrets or personal data.
 */
export class DomainException extends Error {
  constructor(
    readonly code: string,
    readonly definition: ErrorDefinition,
    readonly detail?: Record<string, unknown>,
    readonly fieldErrors?: FieldError[],
    messages?: { zh?: string; en?: string },
  ) {
    super(messages?.en ?? definition.en);
    this.messageZh = messages?.zh ?? definition.zh;
    this.messageEn = messages?.en ?? definition.en;
  }
  readonly messageZh: string;
  readonly messageEn: string;

  get status(): number {
    return this.definition.status;
  }
}

/** Builds a module's throw helper from its catalogue: `throw calls.error('CALL_CLOSED', { closesAt })`. */
export function errorFactory<C extends string>(catalogue: Record<C, ErrorDefinition>) {
  return (
    code: C,
    detail?: Record<string, unknown>,
    messages?: { zh?: string; en?: string },
    fieldErrors?: FieldError[],
  ) => new DomainException(code, catalogue[code], detail, fieldErrors, messages);
}
