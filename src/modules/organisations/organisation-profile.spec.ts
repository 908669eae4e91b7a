import { DomainException } from '@sanshe/common';
import { checkRegisteredOn, checkStaffNumbers, normaliseBankAccount, normaliseContactPhone, normaliseCreditCode } from './organisation-profile';
import { STANDING_TRANSITIONS, STATUS_TRANSITIONS, nextState } from './organisation.transitions';

function refusal(fn: () => unknown): { field: string; code: string; zh: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainException) return e.fieldErrors![0] as { field: string; code: string; zh: string };
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('registration form checks', () => {
  it('accepts the foundation code of 中国社会福利基金会 as a foundation and refuses it as a social group', () => {
    expect(normaliseCreditCode(' 53100000500019795a ', 'foundation')).toBe('53100000500019795A');
    expect(refusal(() => normaliseCreditCode('53100000500019795A', 'social_group'))).toMatchObject({ field: 'creditCode', code: 'CREDIT_CODE_TYPE_MISMATCH' });
  });

  it('accepts mobile numbers and landlines with an area code, in the forms people type them', () => {
    expect(normaliseContactPhone('028-85001234')).toBe('028-85001234');
    expect(normaliseContactPhone('028 8500 1234')).toBe('02885001234');
    expect(normaliseContactPhone('0571-87001234-801')).toBe('0571-87001234-801');
    expect(normaliseContactPhone('+86 138 0051 0107')).toBe('13800510107');
    expect(refusal(() => normaliseContactPhone('85001234'))).toMatchObject({ field: 'contactPhone', code: 'PHONE_FORMAT' });
  });

  it('keeps bank account numbers as digits only', () => {
    expect(normaliseBankAccount('6217 0000-1234 5678')).toBe('6217000012345678');
    expect(refusal(() => normaliseBankAccount('6217-ABC'))).toMatchObject({ field: 'bankAccountNo' });
  });

  it('refuses impossible registration dates and more certified social workers than staff', () => {
    expect(refusal(() => checkRegisteredOn('2023-02-30', '2026-11-24')).code).toBe('DATE_INVALID');
    expect(refusal(() => checkRegisteredOn('2099-01-01', '2026-11-24')).code).toBe('DATE_IN_FUTURE');
    expect(checkRegisteredOn('2016-04-18', '2026-11-24')).toBe('2016-04-18');
    expect(refusal(() => checkStaffNumbers(3, 5)).zh).toContain('持证社会工作者人数（5）不能多于专职工作人员数（3）');
    expect(() => checkStaffNumbers(null, 5)).not.toThrow();
  });
});

describe('the registration and standing state machines', () => {
  it('allows exactly the documented moves and names the state in the refusal', () => {
    const statuses = ['draft', 'submitted', 'verified', 'returned', 'closed'] as const;
    const allowed: Record<string, string[]> = {
      submit: ['draft', 'returned'], withdraw: ['submitted'], verify: ['submitted'], return: ['submitted'], close: ['draft', 'submitted', 'returned', 'verified'],
    };
    for (const [action, from] of Object.entries(allowed)) {
      for (const s of statuses) {
        if (from.includes(s)) expect(nextState('organisation', STATUS_TRANSITIONS, action, s)).toBe(STATUS_TRANSITIONS[action as keyof typeof STATUS_TRANSITIONS].to);
        else expect(() => nextState('organisation', STATUS_TRANSITIONS, action, s)).toThrow(DomainException);
      }
    }
  });

  it('reinstates only a suspension and delists only a blacklisting', () => {
    expect(nextState('standing', STANDING_TRANSITIONS, 'blacklist', 'suspended')).toBe('blacklisted');
    try {
      nextState('standing', STANDING_TRANSITIONS, 'reinstate', 'blacklisted');
      throw new Error('expected a refusal');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainException);
      expect((e as DomainException).code).toBe('INVALID_STATE_TRANSITION');
      expect((e as DomainException).messageZh).toBe('当前状态为「严重违法失信」，不能恢复');
      expect((e as DomainException).status).toBe(409);
    }
  });
});
