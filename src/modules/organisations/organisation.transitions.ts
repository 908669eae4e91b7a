import { nextState as nextLifecycleState } from '@sanshe/common';
import type { OrganisationStanding, OrganisationStatus } from './organisation.entity';
import type { QualificationStatus } from './organisation-qualification.entity';

/**
 * The registration lifecycle (登记核验):
 *
 *   draft ──submit──▶ submitted ──verify──▶ verified
 *     ▲                 │  │
 *     └──withdraw───────┘  └──return──▶ returned ──submit──▶ submitted …
 *   any but closed ──close──▶ closed (注销/撤销; frees the credit code)
 *
 * Changes to a verified record's core facts do not leave `verified`: they wait as a pending change the district
 * approves or returns (see OrganisationReviewService), so the organisation stays eligible on its verified facts.
 */
export const STATUS_TRANSITIONS = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  withdraw: { from: ['submitted'], to: 'draft' },
  verify: { from: ['submitted'], to: 'verified' },
  return: { from: ['submitted'], to: 'returned' },
  close: { from: ['draft', 'submitted', 'returned', 'verified'], to: 'closed' },
} as const satisfies Record<string, { from: OrganisationStatus[]; to: OrganisationStatus }>;

export type StatusAction = keyof typeof STATUS_TRANSITIONS;

/**
 * Credit standing (信用状态), independent of registration: suspension (暂停) and the list of seriously untrustworthy
 * organisations (严重违法失信名单), each with a reason and a way back.
 */
export const STANDING_TRANSITIONS = {
  suspend: { from: ['good'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'good' },
  blacklist: { from: ['good', 'suspended'], to: 'blacklisted' },
  delist: { from: ['blacklisted'], to: 'good' },
} as const satisfies Record<string, { from: OrganisationStanding[]; to: OrganisationStanding }>;

export type StandingAction = keyof typeof STANDING_TRANSITIONS;

/** Qualification to undertake government purchases (承接资质). Expiry is a date on an approved one, not a state. */
export const QUALIFICATION_TRANSITIONS = {
  approve: { from: ['applied'], to: 'approved' },
  reject: { from: ['applied'], to: 'rejected' },
  withdraw: { from: ['applied'], to: 'withdrawn' },
  expire: { from: ['approved'], to: 'approved' },
  revoke: { from: ['approved'], to: 'revoked' },
} as const satisfies Record<string, { from: QualificationStatus[]; to: QualificationStatus }>;

export type QualificationAction = keyof typeof QUALIFICATION_TRANSITIONS;

/** What people read for each state and move, in the 409 message and in the status history. */
export const STATE_LABELS: Record<string, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'draft' },
  submitted: { zh: '待核验', en: 'awaiting verification' },
  verified: { zh: '已核验', en: 'verified' },
  returned: { zh: '已退回', en: 'returned' },
  closed: { zh: '已注销', en: 'closed' },
  good: { zh: '正常', en: 'in good standing' },
  suspended: { zh: '暂停', en: 'suspended' },
  blacklisted: { zh: '严重违法失信', en: 'blacklisted' },
  applied: { zh: '待审核', en: 'awaiting review' },
  approved: { zh: '已批准', en: 'approved' },
  rejected: { zh: '未通过', en: 'rejected' },
  withdrawn: { zh: '已撤回', en: 'withdrawn' },
  revoked: { zh: '已撤销', en: 'revoked' },
};

export const ACTION_LABELS: Record<string, { zh: string; en: string }> = {
  submit: { zh: '提交核验', en: 'submit for verification' },
  withdraw: { zh: '撤回', en: 'withdraw' },
  verify: { zh: '核验通过', en: 'verify' },
  return: { zh: '退回修改', en: 'return' },
  close: { zh: '注销', en: 'close' },
  suspend: { zh: '暂停', en: 'suspend' },
  reinstate: { zh: '恢复', en: 'reinstate' },
  blacklist: { zh: '列入严重违法失信名单', en: 'blacklist' },
  delist: { zh: '移出严重违法失信名单', en: 'remove from the blacklist' },
  approve: { zh: '批准', en: 'approve' },
  reject: { zh: '不予批准', en: 'reject' },
  expire: { zh: '设定到期日', en: 'set an expiry date' },
  revoke: { zh: '撤销', en: 'revoke' },
};

/** The target state of a move, or 409 INVALID_STATE_TRANSITION saying which state forbids which move. */
export function nextState<S extends string>(
  entity: string,
  table: Record<string, { from: readonly S[]; to: S }>,
  action: string,
  current: S,
): S {
  return nextLifecycleState(entity, table, action, current, { states: STATE_LABELS, actions: ACTION_LABELS });
}
