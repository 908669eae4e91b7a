/**
 * Balanced reviewer assignment as a pure function: every application gets `perApplication` reviewers, never one that
 * is excluded for its organisation (declared conflict, staff or former staff), each time taking the reviewers with
 * the fewest assignments so far (ties by panel order). The most constrained applications are served first, so
 * exclusions do not strand them. Returns null with the applications it could not staff when the panel is too small.
 */
export interface AssignmentInput {
  applications: Array<{ id: string; organisationId: string }>;
  reviewers: string[];
  perApplication: number;
  /** Current assignments (kept) and loads (counted). */
  existing: Array<{ applicationId: string; reviewerId: string }>;
  excluded: (reviewerId: string, organisationId: string) => boolean;
}

export function assignReviewers(input: AssignmentInput):
  { assignments: Array<{ applicationId: string; reviewerId: string }>; shortages: string[] } {
  const load = new Map(input.reviewers.map((r) => [r, 0]));
  const have = new Map<string, Set<string>>();
  for (const e of input.existing) {
    load.set(e.reviewerId, (load.get(e.reviewerId) ?? 0) + 1);
    have.set(e.applicationId, (have.get(e.applicationId) ?? new Set()).add(e.reviewerId));
  }
  const order = new Map(input.reviewers.map((r, i) => [r, i]));
  const candidates = (app: { id: string; organisationId: string }) =>
    input.reviewers.filter((r) => !input.excluded(r, app.organisationId) && !have.get(app.id)?.has(r));
  const apps = [...input.applications].sort((a, b) => candidates(a).length - candidates(b).length);
  const assignments: Array<{ applicationId: string; reviewerId: string }> = [];
  const shortages: string[] = [];
  for (const app of apps) {
    const need = input.perApplication - (have.get(app.id)?.size ?? 0);
    if (need <= 0) continue;
    const pool = candidates(app).sort((a, b) => load.get(a)! - load.get(b)! || order.get(a)! - order.get(b)!);
    if (pool.length < need) { shortages.push(app.id); continue; }
    for (const r of pool.slice(0, need)) {
      assignments.push({ applicationId: app.id, reviewerId: r });
      load.set(r, load.get(r)! + 1);
      have.set(app.id, (have.get(app.id) ?? new Set()).add(r));
    }
  }
  return { assignments, shortages };
}
