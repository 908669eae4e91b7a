/**
 * Every domain event type with its payload type. Each module declares the events it raises in its `*.events.ts` by
 * augmenting this interface (`declare module '@sanshe/queue' { interface DomainEventMap { … } }`), so
 * `OutboxService.publish` refuses an unknown type or a wrong payload at compile time.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface DomainEventMap {}

export type DomainEventType = keyof DomainEventMap & string;

/** How an event is consumed: by at least one `@OnDomainEvent` handler, or by nobody on purpose (say why). */
export type EventSubscription = 'handled' | { noSubscriber: string };

/** One entry per event type: the compiler makes the application list every declared event. */
export type EventCatalogue = { [K in DomainEventType]: EventSubscription };

export const EVENT_CATALOGUE = Symbol('EVENT_CATALOGUE');

/**
 * What is wrong between the catalogue and the handlers found at start-up: an event said to be handled with no
 * handler (nobody would be told), a handler for an event said to have none, or a handler for an event type that is
 * not in the catalogue (a typo, or an event nobody raises).
 */
export function eventCoverageProblems(catalogue: Record<string, EventSubscription>, handledTypes: Iterable<string>): string[] {
  const handled = new Set(handledTypes);
  const problems: string[] = [];
  for (const [type, sub] of Object.entries(catalogue)) {
    if (sub === 'handled' && !handled.has(type)) problems.push(`"${type}" is declared handled but has no @OnDomainEvent handler`);
    if (sub !== 'handled' && handled.has(type)) problems.push(`"${type}" is declared without subscribers but has a handler`);
  }
  for (const type of handled) if (!(type in catalogue)) problems.push(`a handler listens to "${type}", which is not in the event catalogue`);
  return problems;
}
