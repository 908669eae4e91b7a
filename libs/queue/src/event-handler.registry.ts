import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { DomainEvent } from './queue-names';
import { EVENT_HANDLER, EventHandlerMeta } from './event-handler.decorator';
import { EVENT_CATALOGUE, EventSubscription, eventCoverageProblems } from './domain-event-map';

export type BoundEventHandler = EventHandlerMeta & { run: (event: DomainEvent) => Promise<void> };

/**
 * Finds every `@OnDomainEvent` method at start-up. Two handlers with one name fail the start, and so does any
 * mismatch with the event catalogue: an event raised for someone to act on must have a handler.
 */
@Injectable()
export class EventHandlerRegistry implements OnModuleInit {
  private readonly byName = new Map<string, BoundEventHandler>();
  private readonly byType = new Map<string, BoundEventHandler[]>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    @Inject(EVENT_CATALOGUE) private readonly catalogue: Record<string, EventSubscription>,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const proto = Object.getPrototypeOf(instance);
      for (const method of this.scanner.getAllMethodNames(proto)) {
        const meta = this.reflector.get<EventHandlerMeta | undefined>(EVENT_HANDLER, proto[method]);
        if (!meta) continue;
        if (this.byName.has(meta.name)) throw new Error(`Two event handlers are named "${meta.name}"`);
        const bound: BoundEventHandler = { ...meta, run: (e) => (instance[method] as (e: DomainEvent) => Promise<void>).call(instance, e) };
        this.byName.set(meta.name, bound);
        this.byType.set(meta.eventType, [...(this.byType.get(meta.eventType) ?? []), bound]);
      }
    }
    const problems = eventCoverageProblems(this.catalogue, this.byType.keys());
    if (problems.length) throw new Error(`Domain events and their handlers disagree:\n- ${problems.join('\n- ')}`);
  }

  handlersFor(eventType: string): BoundEventHandler[] {
    return this.byType.get(eventType) ?? [];
  }

  /** A job naming a handler that no longer exists is an error, not a silent skip. */
  get(name: string): BoundEventHandler {
    const h = this.byName.get(name);
    if (!h) throw new Error(`No event handler named "${name}"`);
    return h;
  }
}
