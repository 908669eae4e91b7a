import { Injectable, OnModuleInit } from '@nestjs/common';
import { Actor } from '@sanshe/common';
import { TenantContext } from '@sanshe/tenancy';
import { AttachmentOwnerPolicy, AttachmentPolicyRegistry } from '../attachments/attachment-policy.registry';
import { canEditApplication, canReadApplication, toApplicationRecord, APPLICATION_SELECT } from './application.record';

export const APPLICATION_OWNER_TYPE = 'application';

export const APPLICATION_DOCUMENT_KINDS = {
  proposal: { zh: '项目申报书附件', en: 'proposal' },
  budget: { zh: '预算说明', en: 'budget notes' },
  cofunding_proof: { zh: '配套资金证明', en: 'proof of co-funding' },
  team: { zh: '团队资质', en: 'team credentials' },
  other: { zh: '其他材料', en: 'other document' },
} as const;

/**
 * Files attached to an application: read by whoever may read the application, added or removed by its editors while it
 * is a draft or returned for correction. Once submitted, the snapshot records each file's checksum.
 */
@Injectable()
export class ApplicationDocumentsPolicy implements AttachmentOwnerPolicy, OnModuleInit {
  readonly ownerType = APPLICATION_OWNER_TYPE;
  readonly kinds = APPLICATION_DOCUMENT_KINDS;

  constructor(
    private readonly registry: AttachmentPolicyRegistry,
    private readonly ctx: TenantContext,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async canRead(ownerId: string, actor: Actor): Promise<boolean> {
    const app = await this.find(ownerId);
    return !!app && canReadApplication(actor, app);
  }

  async canWrite(ownerId: string, actor: Actor): Promise<boolean> {
    const app = await this.find(ownerId);
    if (!app || (app.status !== 'draft' && app.status !== 'returned')) return false;
    const editors: Array<{ membership_id: string }> = await this.ctx.manager().query(
      `SELECT membership_id FROM application_editors WHERE application_id = $1`, [ownerId]);
    return canEditApplication(actor, app, editors.map((e) => e.membership_id));
  }

  private async find(id: string) {
    const [row] = await this.ctx.manager().query(`${APPLICATION_SELECT} WHERE a.id = $1`, [id]);
    return row ? toApplicationRecord(row) : undefined;
  }
}
