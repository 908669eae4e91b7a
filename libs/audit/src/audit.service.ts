import { Injectable } from '@nestjs/common';
import { TenantContext } from '@sanshe/tenancy';

const SECRET_KEY = /(password|token|secret|hash|credential)/i;
const PERSONAL_KEY = /(phone|mobile|email|contact|id_?number|idnumber|address)/i;

function maskPersonal(value: unknown): unknown {
  if (typeof value !== 'string') return value === null || value === undefined ? value : '[redacted]';
  if (value.length <= 4) return '*'.repeat(value.length);
  return value.slice(0, 3) + '*'.repeat(Math.max(1, value.length - 5)) + value.slice(-2);
}

/** Copies a record for the audit trail: secrets dropped, personal contact data masked, at any depth. */
export function redactForAudit(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactForAudit);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (SECRET_KEY.test(k)) out[k] = '[redacted]';
      else if (PERSONAL_KEY.test(k)) out[k] = maskPersonal(v);
      else out[k] = redactForAudit(v);
    }
    return out;
  }
  return value;
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Writes the append-only audit row in the caller's transaction: if the change rolls back, so does its audit row,
 * and a change cannot commit without one. Who and which request come from the context.
 */
@Injectable()
export class AuditService {
  constructor(private readonly ctx: TenantContext) {}

  async record(entry: AuditEntry): Promise<void> {
    const actor = this.ctx.actorOrUndefined();
    await this.ctx.manager().query(
      `INSERT INTO audit_log (tenant_id, actor_user_id, action, entity_type, entity_id, before, after, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        this.ctx.tenantId(),
        actor?.userId ?? null,
        entry.action,
        entry.entityType,
        entry.entityId ?? null,
        entry.before === undefined ? null : JSON.stringify(redactForAudit(entry.before)),
        entry.after === undefined ? null : JSON.stringify(redactForAudit(entry.after)),
        this.ctx.requestId() ?? null,
      ],
    );
  }
}
