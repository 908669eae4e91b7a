export * from './queue-names';
export * from './event-handler.decorator';
export * from './event-handler.registry';
export * from './outbox.service';
export * from './outbox.relay';
export * from './queue.module';
export * from './events-producer';
export * from './domain-event-map';
