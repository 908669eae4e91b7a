import { Injectable } from '@nestjs/common';
import type { Actor } from '@sanshe/common';
import { AttachmentsErrorCode, attachmentsError } from './attachments.errors';

/**
 * How a module that owns records (organisations, applications, reports …) decides who may read and attach files
 * to them. The attachments module stores and serves bytes; it never decides access itself.
 */
export interface AttachmentOwnerPolicy {
  /** The `owner_type` stored with each attachment, e.g. `organisation`. */
  readonly ownerType: string;
  /** Kinds of document this owner accepts, with labels for people. */
  readonly kinds: Readonly<Record<string, { zh: string; en: string }>>;
  /**
   * Whether the actor may see the owner's attachments (false also when the owner does not exist). With `kind`, whether
   * the actor may see files of that kind: some readers see only some kinds (a blind reviewer never sees the files that
   * name the applicant). Without it, whether the actor may see any of them; lists then ask per kind.
   */
  canRead(ownerId: string, actor: Actor, kind?: string): Promise<boolean>;
  /** Whether the actor may add or remove attachments of this kind now. */
  canWrite(ownerId: string, actor: Actor, kind: string): Promise<boolean>;
}

@Injectable()
export class AttachmentPolicyRegistry {
  private readonly policies = new Map<string, AttachmentOwnerPolicy>();

  register(policy: AttachmentOwnerPolicy): void {
    if (this.policies.has(policy.ownerType)) throw new Error(`Two attachment policies for owner type "${policy.ownerType}"`);
    this.policies.set(policy.ownerType, policy);
  }

  get(ownerType: string): AttachmentOwnerPolicy {
    const policy = this.policies.get(ownerType);
    if (!policy) throw attachmentsError(AttachmentsErrorCode.ATTACHMENT_OWNER_TYPE_UNKNOWN, { ownerType });
    return policy;
  }
}
