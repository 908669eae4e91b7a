/**
 * The shape every owning module answers "what is waiting for this person in my domain" with. Modules import this
 * type only (never the workbench itself), so the dependency runs one way: workbench → domains.
 */

/** Stable strings the web app translates as `workbench.kind.<kind>`. */
export const WORKBENCH_KINDS = [
  'application_to_screen', 'review_to_score', 'notice_ending', 'objection_to_answer', 'award_to_accept', 'tranche_to_release',
  'report_to_submit', 'report_to_approve', 'report_overdue', 'evaluation_due', 'change_to_approve', 'organisation_to_verify',
  'qualification_to_review', 'closure_ready', 'invitation_pending', 'application_to_submit', 'call_to_publish',
  'case_due', 'case_to_approve',
] as const;
export type WorkbenchKind = (typeof WORKBENCH_KINDS)[number];

/** At most this many items of one kind travel; `total` still counts them all. */
export const WAITING_LIMIT = 50;

export interface WaitingItem {
  /** The record itself (application, assignment, call, objection, award, tranche, report, change, …). */
  id: string;
  title: string;
  reference: string | null;
  /** The instant the thing is late from; `null` when nothing dates it. */
  dueAt: Date | null;
  /** The SPA route that opens it (see web-contract.md). */
  path: string;
  /** What exactly, when the title alone is ambiguous (e.g. which report of a project). */
  detail?: { zh: string; en: string } | null;
}

export interface WaitingList {
  total: number;
  items: WaitingItem[];
}

/** The limit clause every waiting query ends with; nulls last so dated work comes first. */
export const WAITING_ORDER = `ORDER BY due_at ASC NULLS LAST, sort_key ASC, id ASC LIMIT ${WAITING_LIMIT}`;

/**
 * Rows read with `count(*) OVER () AS total` (the window counts before LIMIT, so one query gives both the first
 * page and the full count) turned into a list.
 */
export function toWaitingList<R extends { total: number | string }>(rows: R[], map: (r: R) => WaitingItem): WaitingList {
  return { total: rows.length ? Number(rows[0].total) : 0, items: rows.map(map) };
}
