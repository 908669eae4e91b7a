import { nextState } from '@sanshe/common';

/**
 * The application lifecycle (申报书):
 *
 *   draft ──submit──▶ submitted ──pass──▶ passed ──(award)──▶ awarded | declined
 *     │  ▲              │  │
 *     │  └──────submit──┤  └──reject──▶ rejected
 *     │      returned ◀─┘ return (before the close, so it can be fixed and resubmitted)
 *   draft | submitted | returned ──withdraw (before the close)──▶ withdrawn
 */
export type ApplicationStatus = 'draft' | 'submitted' | 'returned' | 'withdrawn' | 'passed' | 'rejected' | 'awarded' | 'declined';

export const APPLICATION_TRANSITIONS = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  withdraw: { from: ['draft', 'submitted', 'returned'], to: 'withdrawn' },
  pass: { from: ['submitted'], to: 'passed' },
  return: { from: ['submitted'], to: 'returned' },
  reject: { from: ['submitted'], to: 'rejected' },
  award: { from: ['passed'], to: 'awarded' },
  decline: { from: ['passed'], to: 'declined' },
} as const satisfies Record<string, { from: ApplicationStatus[]; to: ApplicationStatus }>;

export type ApplicationAction = keyof typeof APPLICATION_TRANSITIONS;

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交', en: 'Submitted' },
  returned: { zh: '退回补正', en: 'Returned for correction' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  passed: { zh: '资格审查通过', en: 'Passed screening' },
  rejected: { zh: '资格审查未通过', en: 'Rejected at screening' },
  awarded: { zh: '已立项', en: 'Awarded' },
  declined: { zh: '未入选', en: 'Not selected' },
};

export function nextApplicationStatus(action: ApplicationAction, current: ApplicationStatus): ApplicationStatus {
  return nextState('application', APPLICATION_TRANSITIONS, action, current, { entity: { zh: '申报书', en: 'the application' }, states: APPLICATION_STATUS_LABELS });
}
