import { Injectable, OnModuleInit } from '@nestjs/common';
import { Actor, Role } from '@sanshe/common';
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
 * Kinds that name the applicant, withheld from reviewers when the call is blind. Proof of co-funding is the funder's
 * letter or the organisation's bank statement (its name, account, seal); team credentials are the staff's CVs and
 * certificates with the organisation's name on them; "other" is where applicants put the registration certificate,
 * articles and similar organisation documents, so it is withheld too rather than guessed at. The proposal and the
 * budget notes are what the reviewer scores and stay readable.
 */
export const APPLICANT_IDENTIFYING_KINDS: ReadonlySet<string> = new Set(['cofunding_proof', 'team', 'other']);

/**
 * How the reviews module answers whether a reviewer is assigned to an application. Reviews depends on applications, so
 * it registers this here at start-up rather than applications importing reviews.
 */
export interface ReviewerFileAccess {
  /** The call's blindness when the actor has a live (not conflicted) assignment on the application, else null. */
  reviewerAccess(applicationId: string, actor: Actor): Promise<{ blind: boolean } | null>;
}

/**
 * Files attached to an application: read by whoever may read the application and by its assigned reviewers (without
 * the files that name the applicant when the call is blind), added or removed by its editors while it
 * is a draft or returned for correction. Once submitted, the snapshot records each file's checksum.
 */
@Injectable()
export class ApplicationDocumentsPolicy implements AttachmentOwnerPolicy, OnModuleInit {
  readonly ownerType = APPLICATION_OWNER_TYPE;
  readonly kinds = APPLICATION_DOCUMENT_KINDS;

  private reviewers?: ReviewerFileAccess;

  constructor(
    private readonly registry: AttachmentPolicyRegistry,
    private readonly ctx: TenantContext,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  allowReviewers(access: ReviewerFileAccess): void {
    this.reviewers = access;
  }

  async canRead(ownerId: string, actor: Actor, kind?: string): Promise<boolean> {
    const app = await this.find(ownerId);
    if (!app) return false;
    if (canReadApplication(actor, app)) return true;
    if (!this.reviewers || !actor.membershipId || !actor.roles.includes(Role.Reviewer)) return false;
    const access = await this.reviewers.reviewerAccess(ownerId, actor);
    if (!access) return false;
    return !(access.blind && kind !== undefined && APPLICANT_IDENTIFYING_KINDS.has(kind));
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
