import { Injectable, OnModuleInit } from '@nestjs/common';
import { Actor } from '@sanshe/common';
import { TenantContext } from '@sanshe/tenancy';
import { AttachmentOwnerPolicy, AttachmentPolicyRegistry } from '../attachments/attachment-policy.registry';
import { ORGANISATION_WRITERS, ProjectAccess } from '../projects/project-access.service';

export const REPORT_OWNER_TYPE = 'project_report';

/**
 * Receipts (票据) and other files of a report: read by whoever may see the project; added or removed by the
 * organisation's admins and staff while the report is still theirs to edit (due or returned) and the project open.
 */
@Injectable()
export class ReportReceiptsPolicy implements AttachmentOwnerPolicy, OnModuleInit {
  readonly ownerType = REPORT_OWNER_TYPE;
  readonly kinds = { receipt: { zh: '支出票据', en: 'receipt' }, other: { zh: '其他附件', en: 'other document' } };

  constructor(private readonly registry: AttachmentPolicyRegistry, private readonly ctx: TenantContext, private readonly access: ProjectAccess) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async canRead(ownerId: string, actor: Actor): Promise<boolean> {
    const r = await this.report(ownerId);
    return !!r && this.access.canSee({ id: r.project_id, organisationId: r.organisation_id }, actor);
  }

  async canWrite(ownerId: string, actor: Actor): Promise<boolean> {
    const r = await this.report(ownerId);
    return !!r && actor.organisationId === r.organisation_id && actor.roles.some((x) => ORGANISATION_WRITERS.includes(x))
      && ['due', 'returned'].includes(r.status) && r.project_status !== 'closed';
  }

  private async report(id: string) {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const [r]: Array<{ project_id: string; organisation_id: string; status: string; project_status: string }> = await this.ctx.manager().query(
      `SELECT r.project_id, p.organisation_id, r.status, p.status AS project_status FROM project_reports r JOIN projects p ON p.id = r.project_id WHERE r.id = $1`, [id]);
    return r;
  }
}
