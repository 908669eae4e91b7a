import { Injectable } from '@nestjs/common';
import { Actor, Role } from '@sanshe/common';
import { MembersService } from '../members/members.service';
import { InviteStaffDto } from './dto/organisation.dto';
import { canManageOrganisation } from './organisation-access';
import { OrganisationStore } from './organisation.store';
import { OrganisationsErrorCode, organisationsError } from './organisations.errors';

/**
 * An organisation's own people: its admins invite staff, social workers and supervisors into the district for
 * their organisation, under the district's membership rules (one membership per person per district, invitation
 * links, the same audit) — the members module does the inviting; this only fixes the organisation and the roles.
 */
@Injectable()
export class OrganisationStaffService {
  constructor(
    private readonly store: OrganisationStore,
    private readonly members: MembersService,
  ) {}

  async invite(organisationId: string, dto: InviteStaffDto, actor: Actor) {
    const org = await this.store.findVisible(organisationId, actor);
    if (!canManageOrganisation(actor, organisationId)) throw organisationsError(OrganisationsErrorCode.NOT_YOUR_ORGANISATION);
    if (org.status === 'closed') throw organisationsError(OrganisationsErrorCode.ORGANISATION_CLOSED);
    return this.members.invite(
      { name: dto.name, phone: dto.phone, email: dto.email, roles: dto.roles as Role[], organisationId, title: dto.title },
      actor,
    );
  }

  async list(organisationId: string, actor: Actor, page: { limit?: number; cursor?: string; q?: string }) {
    await this.store.findVisible(organisationId, actor);
    return this.members.list({ organisationId, q: page.q, limit: page.limit, cursor: page.cursor }, actor);
  }
}
