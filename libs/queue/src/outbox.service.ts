import { Injectable } from '@nestjs/common';
import { TenantContext } from '@sanshe/tenancy';
import { DomainEventMap, DomainEventType } from './domain-event-map';

/**
 * Records a domain event in the same transaction as the change that raised it. Nothing is sent here: the relay
 * picks the row up after commit, so an event exists if and only if its change committed, even when Redis is down.
 */
@Injectable()
export class OutboxService {
  constructor(private readonly ctx: TenantContext) {}

  async publish<K extends DomainEventType>(type: K, payload: DomainEventMap[K]): Promise<string> {
    const rows: Array<{ id: string }> = await this.ctx.manager().query(
      `INSERT INTO outbox_events (tenant_id, type, payload, request_id) VALUES ($1, $2, $3, $4) RETURNING id`,
      [this.ctx.tenantId(), type, JSON.stringify(payload), this.ctx.requestId() ?? null],
    );
    return rows[0].id;
  }
}
