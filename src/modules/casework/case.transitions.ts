/**
 * The case lifecycle (个案工作流程): one table of allowed moves; anything else is 409 INVALID_STATE_TRANSITION.
 *
 *   intake ──accept──▶ assessment ──submit──▶ [assessment_review] ──approve──▶ planning ──submit──▶ [plan_review]
 *     │                    ▲                        │ return                      ▲                      │ return
 *     └─decline─▶ declined └────────────────────────┘                             └──────────────────────┘
 *   plan approved ─▶ intervention ──evaluate──▶ evaluation ──close──▶ [closure_review] ──approve──▶ closed ──follow_up──▶ followed_up
 *                        ▲   └──────────────close (early, e.g. the person withdrew)──┘   │ return
 *                        └───────────────────────────────────────────────────────────────┘
 *
 * The bracketed review states are used only when the organisation's settings require the supervisor's approval for
 * that step; otherwise a submission moves straight on.
 */
export type CaseStatus =
  | 'intake' | 'declined' | 'assessment' | 'assessment_review' | 'planning' | 'plan_review'
  | 'intervention' | 'evaluation' | 'closure_review' | 'closed' | 'followed_up';

export type ApprovalStep = 'assessment' | 'plan' | 'closure';

export interface CaseTransition {
  from: CaseStatus[];
  to: CaseStatus;
  /** A step the organisation may gate: with approval required, the case waits in `review` instead. */
  gate?: { step: ApprovalStep; review: CaseStatus };
}

export const CASE_TRANSITIONS = {
  accept_intake: { from: ['intake'], to: 'assessment' },
  decline_intake: { from: ['intake'], to: 'declined' },
  submit_assessment: { from: ['assessment'], to: 'planning', gate: { step: 'assessment', review: 'assessment_review' } },
  approve_assessment: { from: ['assessment_review'], to: 'planning' },
  return_assessment: { from: ['assessment_review'], to: 'assessment' },
  submit_plan: { from: ['planning'], to: 'intervention', gate: { step: 'plan', review: 'plan_review' } },
  approve_plan: { from: ['plan_review'], to: 'intervention' },
  return_plan: { from: ['plan_review'], to: 'planning' },
  evaluate: { from: ['intervention'], to: 'evaluation' },
  close: { from: ['intervention', 'evaluation'], to: 'closed', gate: { step: 'closure', review: 'closure_review' } },
  approve_closure: { from: ['closure_review'], to: 'closed' },
  return_closure: { from: ['closure_review'], to: 'intervention' },
  follow_up: { from: ['closed', 'followed_up'], to: 'followed_up' },
} satisfies Record<string, CaseTransition>;

export type CaseAction = keyof typeof CASE_TRANSITIONS;

/** Which review state waits for which step, and the approve / return actions that leave it. */
export const REVIEWS: Record<string, { step: ApprovalStep; approve: CaseAction; return: CaseAction }> = {
  assessment_review: { step: 'assessment', approve: 'approve_assessment', return: 'return_assessment' },
  plan_review: { step: 'plan', approve: 'approve_plan', return: 'return_plan' },
  closure_review: { step: 'closure', approve: 'approve_closure', return: 'return_closure' },
};

/** A case in which work is going on: service records may be added. */
export const OPEN_STATUSES: CaseStatus[] = ['assessment', 'assessment_review', 'planning', 'plan_review', 'intervention', 'evaluation', 'closure_review'];
/** Not finished: counts as an open case on caseloads (intake included). */
export const ACTIVE_STATUSES: CaseStatus[] = ['intake', ...OPEN_STATUSES];

export const CASE_STATUS_LABELS: Record<CaseStatus, { zh: string; en: string }> = {
  intake: { zh: '接案', en: 'Intake' },
  declined: { zh: '不予接案', en: 'Declined' },
  assessment: { zh: '预估', en: 'Assessment' },
  assessment_review: { zh: '预估待审批', en: 'Assessment awaiting approval' },
  planning: { zh: '服务计划', en: 'Planning' },
  plan_review: { zh: '计划待审批', en: 'Plan awaiting approval' },
  intervention: { zh: '介入', en: 'Intervention' },
  evaluation: { zh: '评估', en: 'Evaluation' },
  closure_review: { zh: '结案待审批', en: 'Closure awaiting approval' },
  closed: { zh: '已结案', en: 'Closed' },
  followed_up: { zh: '已回访', en: 'Followed up' },
};
