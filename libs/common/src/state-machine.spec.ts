import { DomainException } from './domain.exception';
import { nextState } from './state-machine';

const TABLE = { submit: { from: ['draft', 'returned'], to: 'submitted' }, verify: { from: ['submitted'], to: 'verified' } } as const;

describe('lifecycle moves', () => {
  it('an allowed move gives the next state', () => {
    expect(nextState('organisation', TABLE, 'submit', 'returned')).toBe('submitted');
  });

  it('a move not allowed from the current state is a 409 that names the state and the move in both languages', () => {
    try {
      nextState('organisation', TABLE, 'verify', 'draft', {
        entity: { zh: '登记', en: 'registration' },
        states: { draft: { zh: '草稿', en: 'Draft' } },
        actions: { verify: { zh: '核验', en: 'verify' } },
      });
      throw new Error('expected a refusal');
    } catch (e) {
      const err = e as DomainException;
      expect(err).toBeInstanceOf(DomainException);
      expect(err.status).toBe(409);
      expect(err.code).toBe('INVALID_STATE_TRANSITION');
      expect(err.messageZh).toBe('登记当前状态为「草稿」，不能核验');
      expect(err.messageEn).toBe('Cannot verify registration while it is draft');
      expect(err.detail).toEqual({ entity: 'organisation', action: 'verify', from: 'draft', allowedFrom: ['submitted'] });
    }
  });

  it('an unknown move is refused too, never silently ignored', () => {
    expect(() => nextState('organisation', TABLE as never, 'explode', 'draft' as never)).toThrow(DomainException);
  });
});
