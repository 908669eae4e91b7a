import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Role } from '@sanshe/common';
import { Clock } from '@sanshe/common/clock';
import { hashSecret, newSecret } from '@sanshe/auth';
import { TenantContext } from '@sanshe/tenancy';
import { InvitationEntity } from './invitation.entity';

/** What the message to an invited person says, read when it is sent. */
export interface PendingInvitation {
  invitationId: string;
  membershipId: string;
  userId: string;
  roles: Role[];
  districtName: string;
  inviterName: string | null;
  expiresAt: Date;
}

/**
 * The one place an invitation's secret exists in clear: created when the message is sent, handed to the sender and
 * forgotten. The invitation row keeps only its hash, and the event that asks for the message carries only the
 * invitation id — so no API response, outbox row, queue job or database dump ever holds a usable link.
 */
@Injectable()
export class InvitationLinksService {
  constructor(
    private readonly clock: Clock,
    private readonly ctx: TenantContext,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The invitation, locked until the sender's transaction ends, or null when it no longer needs a message (accepted,
   * expired, replaced by a newer one). Locking first makes two runs of the same job wait for each other, so the
   * second sees the first one's notification and never replaces the secret the first one mailed.
   */
  async lockPending(invitationId: string): Promise<PendingInvitation | null> {
    const [row]: Array<{ id: string; membership_id: string; user_id: string; roles: Role[]; status: string; expires_at: Date; accepted_at: Date | null; inviter: string | null }> =
      await this.ctx.manager().query(
        `SELECT i.id, i.membership_id, m.user_id, m.roles, m.status, i.expires_at, i.accepted_at, u.name AS inviter
           FROM invitations i JOIN memberships m ON m.id = i.membership_id LEFT JOIN users u ON u.id = i.created_by
          WHERE i.id = $1 FOR UPDATE OF i`, [invitationId]);
    if (!row || row.accepted_at || row.status !== 'invited' || row.expires_at <= this.clock.now()) return null;
    const district = await this.ctx.district();
    return {
      invitationId: row.id, membershipId: row.membership_id, userId: row.user_id, roles: row.roles,
      districtName: district.name, inviterName: row.inviter, expiresAt: row.expires_at,
    };
  }

  /** A fresh secret for a locked pending invitation; any earlier link for it stops working. Returns the link. */
  async issueLink(invitationId: string): Promise<string> {
    const secret = newSecret();
    await this.ctx.repo(InvitationEntity).update({ id: invitationId }, { tokenHash: hashSecret(secret) });
    const token = `${this.ctx.tenantId()}.${invitationId}.${secret}`;
    // In the fragment: a browser never sends it to the server, so no access or proxy log records it.
    return `${this.config.publicBaseUrl}/invitations/accept#token=${token}`;
  }
}

/** A hash nobody holds the secret of: an invitation is unusable until its message has gone out. */
export function unusableTokenHash(): Buffer {
  return hashSecret(newSecret());
}
