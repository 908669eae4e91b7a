/**
 * TODO(W8 merge): the shape of GET /api/v1/workbench as /work/briefs/web-contract.md fixes it. The endpoint is being
 * built on another branch and is not in this branch's OpenAPI document yet; once it is, run `npm run web:api`,
 * replace these with `Schemas['…']` from ../../api/client and delete this file.
 */
export const WORKBENCH_KINDS = [
  'application_to_screen', 'review_to_score', 'notice_ending', 'objection_to_answer', 'award_to_accept',
  'tranche_to_release', 'report_to_submit', 'report_to_approve', 'report_overdue', 'evaluation_due',
  'change_to_approve', 'organisation_to_verify', 'qualification_to_review', 'closure_ready', 'invitation_pending',
] as const;

export interface WorkbenchItem {
  kind: string;
  id: string;
  title: string;
  reference: string | null;
  dueAt: string | null;
  overdue: boolean;
  path: string;
}

export interface Workbench {
  items: WorkbenchItem[];
  counts: Record<string, number>;
  generatedAt: string;
}
