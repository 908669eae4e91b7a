import { Injectable } from '@nestjs/common';
import { EntityManager, EntityTarget, ObjectLiteral, Repository } from 'typeorm';
import { Actor, currentContext } from '@sanshe/common';

/**
 * How services reach the current district and the open transaction. Both come from the request context that the
 * access interceptor (HTTP) or the job runner (worker) opened; code that needs them and finds none throws, so a
 * query can never run outside a tenant by accident.
 */
@Injectable()
export class TenantContext {
  tenantId(): string {
    const id = currentContext()?.tenantId;
    if (!id) throw new Error('No district (tenant) in the current context');
    return id;
  }

  actor(): Actor {
    const actor = currentContext()?.actor;
    if (!actor) throw new Error('No authenticated actor in the current context');
    return actor;
  }

  actorOrUndefined(): Actor | undefined {
    return currentContext()?.actor;
  }

  requestId(): string | undefined {
    return currentContext()?.requestId;
  }

  manager(): EntityManager {
    const manager = currentContext()?.manager;
    if (!manager) throw new Error('No open transaction in the current context');
    return manager;
  }

  repo<T extends ObjectLiteral>(entity: EntityTarget<T>): Repository<T> {
    return this.manager().getRepository(entity);
  }

  /** The current district's code and name (for messages and headers). */
  async district(): Promise<{ id: string; code: string; name: string }> {
    const [row] = await this.manager().query(`SELECT id, code, name FROM tenants WHERE id = $1`, [this.tenantId()]);
    if (!row) throw new Error('Current district does not exist');
    return row;
  }

  /** Switch the open transaction to another district. Only for the platform operator opening a new district. */
  async enterTenant(tenantId: string): Promise<void> {
    const ctx = currentContext();
    if (!ctx?.manager) throw new Error('No open transaction in the current context');
    await ctx.manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    ctx.tenantId = tenantId;
  }
}
