import { MembershipStatus } from './membership.entity';

/** The membership lifecycle: one table of allowed moves. */
export const MEMBERSHIP_TRANSITIONS: Record<string, { from: MembershipStatus[]; to: MembershipStatus }> = {
  accept: { from: ['invited'], to: 'active' },
  suspend: { from: ['invited', 'active'], to: 'suspended' },
  reactivate: { from: ['suspended'], to: 'active' },
};
