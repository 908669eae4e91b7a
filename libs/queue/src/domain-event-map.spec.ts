import { eventCoverageProblems } from './domain-event-map';

describe('the domain event catalogue against the handlers found at start-up', () => {
  it('is satisfied when handled events have handlers and the others have none', () => {
    expect(eventCoverageProblems({ 'a.done': 'handled', 'b.done': { noSubscriber: 'audit only' } }, ['a.done'])).toEqual([]);
  });

  it('refuses an event declared handled that nobody handles', () => {
    expect(eventCoverageProblems({ 'a.done': 'handled' }, [])).toEqual(['"a.done" is declared handled but has no @OnDomainEvent handler']);
  });

  it('refuses a handler for an event declared without subscribers, and one for an unknown event', () => {
    expect(eventCoverageProblems({ 'b.done': { noSubscriber: 'audit only' } }, ['b.done', 'c.typo'])).toEqual([
      '"b.done" is declared without subscribers but has a handler',
      'a handler listens to "c.typo", which is not in the event catalogue',
    ]);
  });
});
