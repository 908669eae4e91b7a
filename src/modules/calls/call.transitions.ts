import { nextState } from '@sanshe/common';

/**
 * The call lifecycle (征集):
 *
 *   draft ──publish──▶ published ──close (scheduled job at closes_at)──▶ closed ──start_review──▶ reviewing
 *     │                    │                                                                         │ publish_notice
 *     └──cancel──▶ cancelled ◀──cancel                                  awarded ◀──award── notice ◀───┘
 *
 * A published call takes applications between opens_at and closes_at (server clock); closing is not a user action.
 */
export type CallStatus = 'draft' | 'published' | 'closed' | 'reviewing' | 'notice' | 'awarded' | 'cancelled';

export const CALL_TRANSITIONS = {
  publish: { from: ['draft'], to: 'published' },
  close: { from: ['published'], to: 'closed' },
  start_review: { from: ['closed'], to: 'reviewing' },
  publish_notice: { from: ['reviewing'], to: 'notice' },
  award: { from: ['notice'], to: 'awarded' },
  cancel: { from: ['draft', 'published'], to: 'cancelled' },
} as const satisfies Record<string, { from: CallStatus[]; to: CallStatus }>;

export type CallAction = keyof typeof CALL_TRANSITIONS;

export const CALL_STATUS_LABELS: Record<CallStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  published: { zh: '征集中', en: 'Open' },
  closed: { zh: '已截止', en: 'Closed' },
  reviewing: { zh: '评审中', en: 'Under review' },
  notice: { zh: '公示中', en: 'Public notice' },
  awarded: { zh: '已立项', en: 'Awarded' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

const ACTION_LABELS: Record<CallAction, { zh: string; en: string }> = {
  publish: { zh: '发布', en: 'publish' },
  close: { zh: '截止', en: 'close' },
  start_review: { zh: '启动评审', en: 'start the review' },
  publish_notice: { zh: '发布公示', en: 'publish the notice' },
  award: { zh: '立项', en: 'award' },
  cancel: { zh: '取消', en: 'cancel' },
};

export function nextCallStatus(action: CallAction, current: CallStatus): CallStatus {
  return nextState('call', CALL_TRANSITIONS, action, current, { entity: { zh: '征集', en: 'the call' }, states: CALL_STATUS_LABELS, actions: ACTION_LABELS });
}
