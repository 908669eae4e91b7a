import { DomainException } from '../domain.exception';
import { decodeCursor, encodeCursor } from './pagination';

describe('cursor pagination', () => {
  it('a cursor round-trips the sort key and id', () => {
    const id = '3f1c2d4e-1111-4222-8333-944455556666';
    expect(decodeCursor(encodeCursor('晋阳社区', id))).toEqual({ sortKey: '晋阳社区', id });
  });

  it('no cursor means the first page', () => {
    expect(decodeCursor(undefined)).toBeUndefined();
  });

  it('a tampered or foreign cursor is a 400, not a database error', () => {
    for (const bad of ['garbage', Buffer.from('["a","not-a-uuid"]').toString('base64url'), Buffer.from('{}').toString('base64url')]) {
      expect(() => decodeCursor(bad)).toThrow(DomainException);
    }
  });
});
