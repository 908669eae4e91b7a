import { Injectable, OnModuleInit } from '@nestjs/common';
import { Actor, Role } from '@sanshe/common';
import { TenantContext } from '@sanshe/tenancy';
import { AttachmentOwnerPolicy, AttachmentPolicyRegistry } from '../attachments/attachment-policy.registry';
import { actsFor, canManageOrganisation, canSeeOrganisation } from './organisation-access';

export const ORGANISATION_OWNER_TYPE = 'organisation';

/** The documents an organisation keeps in the registry. */
export const ORGANISATION_DOCUMENT_KINDS = {
  registration_certificate: { zh: '登记证书', en: 'registration certificate' },
  charter: { zh: '章程', en: 'charter' },
  audit_report: { zh: '审计报告', en: 'audit report' },
  grade_certificate: { zh: '评估等级证书', en: 'assessment grade certificate' },
  other: { zh: '其他材料', en: 'other document' },
} as const;

export type OrganisationDocumentKind = keyof typeof ORGANISATION_DOCUMENT_KINDS;

/** Needed before a registration can be submitted for verification. */
export const REQUIRED_DOCUMENTS: OrganisationDocumentKind[] = ['registration_certificate', 'charter'];

/**
 * Documents of an organisation are read by those who can see the record (its own people, district officials) and
 * added or removed by its admins and staff and by district deciders — never while the record is closed.
 */
@Injectable()
export class OrganisationDocumentsPolicy implements AttachmentOwnerPolicy, OnModuleInit {
  readonly ownerType = ORGANISATION_OWNER_TYPE;
  readonly kinds = ORGANISATION_DOCUMENT_KINDS;

  constructor(
    private readonly registry: AttachmentPolicyRegistry,
    private readonly ctx: TenantContext,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async canRead(ownerId: string, actor: Actor): Promise<boolean> {
    return canSeeOrganisation(actor, ownerId) && (await this.status(ownerId)) !== undefined;
  }

  async canWrite(ownerId: string, actor: Actor): Promise<boolean> {
    const mayWrite = canManageOrganisation(actor, ownerId) || (actsFor(actor, ownerId) && actor.roles.includes(Role.OrgStaff));
    if (!mayWrite) return false;
    const status = await this.status(ownerId);
    return status !== undefined && status !== 'closed';
  }

  private async status(id: string): Promise<string | undefined> {
    const [row]: Array<{ status: string }> = await this.ctx.manager().query(`SELECT status FROM organisations WHERE id = $1`, [id]);
    return row?.status;
  }
}
