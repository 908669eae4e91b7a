import { Injectable } from '@nestjs/common';
import { TenantContext } from '@sanshe/tenancy';
import { VULNERABILITY_TAGS, suppress } from './casework-fields';
import { CaseworkTagCounts } from './casework-tag-counts.service';
import { CaseworkTotalsService } from './casework-totals.service';
import { SERVICE_MODES } from './dto/service-record.dto';

/**
 * What district officials see of casework: counts, hours and tags by community and project, never a person.
 * Counts of people from 1 to 4 are shown as "<5" (small-cell suppression) so that a small group cannot be singled
 * out; hours are not about people and are shown as they are.
 */
@Injectable()
export class CaseworkAggregatesService {
  constructor(
    private readonly ctx: TenantContext,
    private readonly tagCounts: CaseworkTagCounts,
    private readonly totals: CaseworkTotalsService,
  ) {}

  async district(range: { from?: string; to?: string }) {
    const m = this.ctx.manager();
    const from = range.from ?? '1900-01-01';
    const to = range.to ?? '9999-12-31';
    const byCommunity: Array<Record<string, any>> = await m.query(
      `SELECT p.id AS community_id, p.name AS community_name,
              (SELECT count(*)::int FROM beneficiaries b WHERE b.community_id = p.id AND b.status = 'active') AS beneficiaries,
              (SELECT count(*)::int FROM cases c JOIN beneficiaries b ON b.id = c.beneficiary_id
                 WHERE b.community_id = p.id AND c.status NOT IN ('declined','closed','followed_up')) AS open_cases,
              (SELECT coalesce(sum(r.duration_minutes), 0)::int FROM service_records r JOIN cases c ON c.id = r.case_id JOIN beneficiaries b ON b.id = c.beneficiary_id
                 WHERE b.community_id = p.id AND r.service_date BETWEEN $1 AND $2) AS case_minutes,
              (SELECT coalesce(sum(e.duration_minutes), 0)::int FROM community_events e WHERE e.community_id = p.id AND e.held_on BETWEEN $1 AND $2) AS event_minutes,
              (SELECT coalesce(sum(e.headcount), 0)::int FROM community_events e WHERE e.community_id = p.id AND e.held_on BETWEEN $1 AND $2) AS event_headcount
         FROM places p WHERE p.level = 'community' AND p.status = 'active' ORDER BY p.name`, [from, to]);
    // Which person has which tag is encrypted; the counts are kept per community in casework_tag_counts.
    const tagRows = await this.tagCounts.all();
    const tagsFor = (communityId: string | null | 'all') => {
      const counts = new Map<string, number>();
      for (const t of tagRows) {
        if (communityId !== 'all' && t.community_id !== communityId) continue;
        const code = t.tag;
        counts.set(code, (counts.get(code) ?? 0) + t.n);
      }
      return Object.fromEntries([...counts].map(([code, n]) => [code, { label: VULNERABILITY_TAGS[code as keyof typeof VULNERABILITY_TAGS] ?? null, people: suppress(n) }]));
    };
    const [totals] = await m.query(
      `SELECT (SELECT count(*)::int FROM beneficiaries WHERE status = 'active') AS beneficiaries,
              (SELECT count(*)::int FROM cases WHERE status NOT IN ('declined','closed','followed_up')) AS open_cases,
              (SELECT count(*)::int FROM cases WHERE status IN ('closed','followed_up')) AS closed_cases,
              (SELECT coalesce(sum(duration_minutes), 0)::int FROM service_records WHERE service_date BETWEEN $1 AND $2) AS case_minutes,
              (SELECT coalesce(sum(s.duration_minutes), 0)::int FROM group_sessions s WHERE s.held_on BETWEEN $1 AND $2) AS group_minutes,
              (SELECT coalesce(sum(duration_minutes), 0)::int FROM community_events WHERE held_on BETWEEN $1 AND $2) AS event_minutes,
              (SELECT coalesce(sum(headcount), 0)::int FROM community_events WHERE held_on BETWEEN $1 AND $2) AS event_headcount`, [from, to]);
    const certs: Array<{ level: string; n: number }> = await m.query(
      `SELECT level, count(DISTINCT membership_id)::int AS n FROM worker_certificates GROUP BY level`);
    const hours = (min: number) => Math.round((min / 60) * 100) / 100;
    const services = await this.services(from, to, hours);
    return {
      range: { from: range.from ?? null, to: range.to ?? null },
      suppression: { below: 5, shownAs: '<5' },
      district: {
        beneficiaries: suppress(totals.beneficiaries), openCases: suppress(totals.open_cases), closedCases: suppress(totals.closed_cases),
        caseHours: hours(totals.case_minutes), groupHours: hours(totals.group_minutes), communityEventHours: hours(totals.event_minutes),
        communityEventHeadcount: totals.event_headcount, vulnerabilityTags: tagsFor('all'),
        certifiedWorkers: Object.fromEntries(certs.map((c) => [c.level, c.n])),
      },
      communities: byCommunity.map((c) => ({
        community: { id: c.community_id, name: c.community_name },
        beneficiaries: suppress(c.beneficiaries), openCases: suppress(c.open_cases),
        caseHours: hours(c.case_minutes), communityEventHours: hours(c.event_minutes), communityEventHeadcount: c.event_headcount,
        vulnerabilityTags: tagsFor(c.community_id),
      })),
      services,
    };
  }

  /**
   * Case service records in the range (service and follow-up alike) by the person's community, by method (面谈 / 家访 /
   * 电话 / 线上) and by month, with the district total: hours as they are, records and distinct people with 1–4 shown
   * as "<5" (a count of records under 5 would otherwise bound the people behind it). One scan, grouped four ways.
   */
  private async services(from: string, to: string, hours: (min: number) => number) {
    const rows: Array<{ g_community: number; g_mode: number; g_month: number; community_id: string | null; community_name: string | null;
      mode: string | null; month: string | null; minutes: number; records: number; people: number }> = await this.ctx.manager().query(
      `WITH facts AS (
         SELECT b.community_id, r.mode, to_char(r.service_date, 'YYYY-MM') AS month, r.duration_minutes AS minutes, c.beneficiary_id AS person
           FROM service_records r JOIN cases c ON c.id = r.case_id JOIN beneficiaries b ON b.id = c.beneficiary_id
          WHERE r.service_date BETWEEN $1 AND $2)
       SELECT GROUPING(f.community_id) AS g_community, GROUPING(f.mode) AS g_mode, GROUPING(f.month) AS g_month,
              f.community_id, min(p.name) AS community_name, f.mode, f.month,
              sum(f.minutes)::int AS minutes, count(*)::int AS records, count(DISTINCT f.person)::int AS people
         FROM facts f LEFT JOIN places p ON p.id = f.community_id
        GROUP BY GROUPING SETS ((f.community_id), (f.mode), (f.month), ())`, [from, to]);
    const figures = (r: { minutes: number; records: number; people: number } | undefined) =>
      ({ hours: hours(r?.minutes ?? 0), records: suppress(r?.records ?? 0), people: suppress(r?.people ?? 0) });
    const total = rows.find((r) => r.g_community === 1 && r.g_mode === 1 && r.g_month === 1);
    const byCommunity = rows.filter((r) => r.g_community === 0)
      .sort((a, b) => (a.community_name ?? '\uffff').localeCompare(b.community_name ?? '\uffff', 'zh-CN'))
      .map((r) => ({ community: r.community_id ? { id: r.community_id, name: r.community_name ?? '' } : null, ...figures(r) }));
    const byMode = SERVICE_MODES.map((mode) => ({ mode, ...figures(rows.find((r) => r.g_mode === 0 && r.mode === mode)) }));
    const byMonth = rows.filter((r) => r.g_month === 0).sort((a, b) => a.month!.localeCompare(b.month!)).map((r) => ({ month: r.month!, ...figures(r) }));
    return { total: figures(total), byCommunity, byMode, byMonth };
  }

  /** A project's indicator totals as officials see them: hours as they are, people suppressed below 5. */
}
