import { ModulesContainer, NestFactory } from '@nestjs/core';
import { EVENT_HANDLER, EventHandlerMeta, eventCoverageProblems } from '@sanshe/queue';
import { loadConfig } from '@sanshe/common';
import { AppModule } from './app.module';
import { DOMAIN_EVENT_CATALOGUE } from './domain-events.catalogue';

/** The same check the handler registry makes at start-up, on the real module graph, without a database. */
describe('every domain event the application raises', () => {
  it('is handled, or declared without subscribers on purpose', async () => {
    const config = loadConfig({
      NODE_ENV: 'test', DATABASE_URL: 'postgres://x@127.0.0.1:1/x', REDIS_URL: 'redis://127.0.0.1:1',
      JWT_SECRET: 'unit-test-secret-that-is-long-enough-0123', MASTER_KEY: Buffer.alloc(32).toString('base64'),
    });
    const app = await NestFactory.create(AppModule.forRoot(config), { preview: true, logger: false });
    const handled: string[] = [];
    for (const mod of app.get(ModulesContainer).values()) {
      for (const wrapper of mod.providers.values()) {
        const proto = (wrapper.metatype as { prototype?: Record<string, unknown> } | null)?.prototype;
        if (!proto) continue;
        for (const key of Object.getOwnPropertyNames(proto)) {
          // Read the descriptor, not the property: some providers (ModuleRef) have getters that need an instance.
          const value = Object.getOwnPropertyDescriptor(proto, key)?.value as unknown;
          const meta = typeof value === 'function' ? (Reflect.getMetadata(EVENT_HANDLER, value) as EventHandlerMeta | undefined) : undefined;
          if (meta) handled.push(meta.eventType);
        }
      }
    }
    await app.close();
    expect(handled).toContain('casework.referral.created');
    expect(eventCoverageProblems(DOMAIN_EVENT_CATALOGUE, handled)).toEqual([]);
  });
});
