import type { MembershipInvitedPayload } from './members.service';

/** Events the members module raises (see libs/queue DomainEventMap). */
declare module '@sanshe/queue' {
  interface DomainEventMap {
    'membership.invited': MembershipInvitedPayload;
  }
}
export {};
