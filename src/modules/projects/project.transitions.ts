import { nextState as nextLifecycleState } from '@sanshe/common';

/**
 * The lifecycles of project implementation, one table each (illegal moves are 409 INVALID_STATE_TRANSITION).
 *
 * Project:  unfunded ──fund──▶ active ──close──▶ closed (read-only)
 *           unfunded ──close──▶ closed (nothing was ever paid)
 * Tranche:  pending ──release──▶ released (once)      pending ──freeze──▶ frozen ──unfreeze──▶ pending
 *           pending|frozen ──cancel──▶ cancelled (at closure; its reservation goes back to the fund)
 * Report:   due ──submit──▶ submitted ──approve──▶ approved
 *                           submitted ──return──▶ returned ──submit──▶ submitted …
 * Change:   pending ──approve──▶ approved | pending ──reject──▶ rejected; small reallocations are born `applied`.
 */
export const PROJECT_TRANSITIONS = {
  fund: { from: ['unfunded'], to: 'active' },
  close: { from: ['unfunded', 'active'], to: 'closed' },
} as const;

export const TRANCHE_TRANSITIONS = {
  release: { from: ['pending'], to: 'released' },
  freeze: { from: ['pending'], to: 'frozen' },
  unfreeze: { from: ['frozen'], to: 'pending' },
  cancel: { from: ['pending', 'frozen'], to: 'cancelled' },
} as const;

export const REPORT_TRANSITIONS = {
  edit: { from: ['due', 'returned'], to: 'due' },
  submit: { from: ['due', 'returned'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  return: { from: ['submitted'], to: 'returned' },
} as const;

export const CHANGE_TRANSITIONS = {
  approve: { from: ['pending'], to: 'approved' },
  reject: { from: ['pending'], to: 'rejected' },
} as const;

export const PROJECT_STATE_LABELS: Record<string, { zh: string; en: string }> = {
  unfunded: { zh: '待落实资金', en: 'awaiting funds' },
  active: { zh: '执行中', en: 'in progress' },
  closed: { zh: '已结项', en: 'closed' },
  pending: { zh: '待拨付/待审批', en: 'pending' },
  frozen: { zh: '已冻结', en: 'frozen' },
  released: { zh: '已拨付', en: 'paid' },
  cancelled: { zh: '已取消', en: 'cancelled' },
  due: { zh: '待提交', en: 'due' },
  submitted: { zh: '待审核', en: 'awaiting review' },
  approved: { zh: '已通过', en: 'approved' },
  returned: { zh: '已退回', en: 'returned' },
  rejected: { zh: '未批准', en: 'rejected' },
  applied: { zh: '已生效', en: 'in effect' },
};

const ACTION_LABELS: Record<string, { zh: string; en: string }> = {
  fund: { zh: '落实资金', en: 'fund' },
  close: { zh: '结项', en: 'close' },
  release: { zh: '拨付', en: 'pay' },
  freeze: { zh: '冻结', en: 'freeze' },
  unfreeze: { zh: '解冻', en: 'unfreeze' },
  cancel: { zh: '取消', en: 'cancel' },
  edit: { zh: '修改', en: 'edit' },
  submit: { zh: '提交', en: 'submit' },
  approve: { zh: '批准', en: 'approve' },
  return: { zh: '退回', en: 'return' },
  reject: { zh: '不予批准', en: 'reject' },
};

/** The target state of a move, or 409 INVALID_STATE_TRANSITION naming the state and the move. */
export function nextState(entity: string, table: Record<string, { from: readonly string[]; to: string }>, action: string, current: string): string {
  return nextLifecycleState(entity, table, action, current, { states: PROJECT_STATE_LABELS, actions: ACTION_LABELS });
}
