import { Injectable } from '@nestjs/common';
import { TenantContext } from '@sanshe/tenancy';
import { suppress } from './casework-fields';

export interface IndicatorTotals {
  indicatorId: string | null;
  /** Service hours: case service records, group sessions and community events linked to the indicator. */
  hours: number;
  /** Distinct people: case beneficiaries plus group attendees who consented to funder reporting. */
  distinctPeople: number;
  /** 人次: group attendances (consented) plus community event headcounts. */
  personTimes: number;
}

/**
 * What casework contributes to a funded project's indicators; the projects module calls `totalsForProject` for its
 * indicator view. Links are guarded by foreign keys to the same organisation's project and that project's indicators.
 * Only records whose people consented to funder reporting are linked at all (see ServiceRecordsService and
 * GroupWorkService), so these totals never count a person who refused.
 */
@Injectable()
export class CaseworkTotalsService {
  constructor(private readonly ctx: TenantContext) {}

  /**
   * The totals as district officials see them: people counts of 1–4 shown as "<5". The caller must first have
   * established that the project exists and is visible to the reader (casework cannot see projects; the projects
   * module serves this at `GET /casework/project-totals/:projectId`).
   */
  async suppressedTotalsForProject(projectId: string) {
    const t = await this.totalsForProject(projectId);
    return {
      projectId,
      suppression: { below: 5, shownAs: '<5' },
      indicators: t.indicators.map((i) => ({ ...i, distinctPeople: suppress(i.distinctPeople) })),
      total: { ...t.total, distinctPeople: suppress(t.total.distinctPeople) },
    };
  }

  async totalsForProject(projectId: string): Promise<{ projectId: string; indicators: IndicatorTotals[]; total: Omit<IndicatorTotals, 'indicatorId'> }> {
    const rows: Array<{ is_total: number; indicator_id: string | null; minutes: number; people: number; person_times: number }> = await this.ctx.manager().query(
      `WITH facts AS (
         SELECT r.indicator_id, r.duration_minutes AS minutes, c.beneficiary_id AS person, 1 AS headcount
           FROM service_records r JOIN cases c ON c.id = r.case_id WHERE r.project_id = $1
         UNION ALL
         SELECT g.indicator_id, s.duration_minutes, NULL, 0 FROM group_sessions s JOIN casework_groups g ON g.id = s.group_id WHERE g.project_id = $1
         UNION ALL
         SELECT g.indicator_id, 0, a.beneficiary_id, 1 FROM group_attendance a JOIN group_sessions s ON s.id = a.session_id
           JOIN casework_groups g ON g.id = s.group_id WHERE g.project_id = $1 AND a.shared_with_funder
         UNION ALL
         SELECT e.indicator_id, e.duration_minutes, NULL, e.headcount FROM community_events e WHERE e.project_id = $1)
       SELECT GROUPING(indicator_id) AS is_total, indicator_id, sum(minutes)::int AS minutes, count(DISTINCT person)::int AS people,
              sum(headcount)::int AS person_times
         FROM facts GROUP BY GROUPING SETS ((indicator_id), ()) ORDER BY 1, indicator_id NULLS LAST`, [projectId]);
    // The grouping set () is the project-wide row (distinct people are not additive across indicators).
    const hours = (m: number) => Math.round((m / 60) * 100) / 100;
    const all = rows.find((r) => r.is_total === 1) ?? { minutes: 0, people: 0, person_times: 0 };
    rows.splice(0, rows.length, ...rows.filter((r) => r.is_total !== 1));
    return {
      projectId,
      indicators: rows.map((r) => ({ indicatorId: r.indicator_id, hours: hours(r.minutes ?? 0), distinctPeople: r.people, personTimes: r.person_times ?? 0 })),
      total: { hours: hours(all.minutes ?? 0), distinctPeople: all.people, personTimes: all.person_times ?? 0 },
    };
  }
}
