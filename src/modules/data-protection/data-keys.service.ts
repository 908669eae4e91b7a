import { Injectable } from '@nestjs/common';
import { Actor, CommonErrorCode, commonError } from '@sanshe/common';
import { AuditService } from '@sanshe/audit';
import { FieldReencryptor } from '@sanshe/crypto';
import { DomainEvent, OnDomainEvent, OutboxService } from '@sanshe/queue';

export const REENCRYPT_BATCH = 'crypto.reencrypt_batch' as const;
export interface ReencryptBatchPayload { rotationId: string; batch: number }

/**
 * District field-key rotation and the re-encryption job that follows it. The job is a chain of outbox events, one
 * per batch: each batch commits its rewritten values, its progress and the event for the next batch together, so
 * the job survives a crash or a Redis outage and resumes from the last committed batch; a redelivered event finds
 * nothing left under the old key for what it already did.
 */
@Injectable()
export class DataKeysService {
  constructor(
    private readonly reencryptor: FieldReencryptor,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  async rotate(actor: Actor) {
    const rotation = await this.reencryptor.rotate(actor.userId);
    await this.audit.record({ action: 'data_key.rotated', entityType: 'tenant_key', entityId: rotation.targetKeyId, after: { rotationId: rotation.id, values: rotation.total } });
    await this.outbox.publish(REENCRYPT_BATCH, { rotationId: rotation.id, batch: 1 } satisfies ReencryptBatchPayload);
    return rotation;
  }

  async progress(id?: string) {
    const p = await this.reencryptor.progress(id);
    if (!p) throw commonError(CommonErrorCode.NOT_FOUND, { entity: 'key_rotation', id: id ?? 'latest' });
    return p;
  }

  @OnDomainEvent(REENCRYPT_BATCH, 'reencrypt-field-values')
  async onBatch(event: DomainEvent<ReencryptBatchPayload>): Promise<void> {
    const more = await this.reencryptor.batch(event.payload.rotationId, Number(process.env.REENCRYPT_BATCH_SIZE) || 500);
    if (more) await this.outbox.publish(REENCRYPT_BATCH, { rotationId: event.payload.rotationId, batch: event.payload.batch + 1 } satisfies ReencryptBatchPayload);
  }
}
