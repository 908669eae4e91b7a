import { Injectable } from '@nestjs/common';
import { Workbook } from 'exceljs';
import { Page } from '@sanshe/common';
import { Clock } from '@sanshe/common/clock';
import { cappedCountsBy, keysetPage } from '@sanshe/database';
import { TenantContext } from '@sanshe/tenancy';
import { ListOrganisationsQuery, OrganisationFilters, STATUSES } from './dto/list-organisations.query';
import { OrganisationsErrorCode, organisationsError } from './organisations.errors';
import { STATE_LABELS } from './organisation.transitions';
import { ORGANISATION_TYPES, type OrganisationType, SERVICE_AREAS, type ServiceArea, gradeLabel, serviceAreaLabels } from './service-areas';

export const EXPORT_MAX_ROWS = 10_000;

interface Row {
  id: string;
  name: string;
  credit_code: string;
  org_type: OrganisationType;
  registration_authority: string;
  registered_on: string;
  legal_representative: string;
  place_id: string | null;
  place_name: string | null;
  service_areas: ServiceArea[];
  contact_name: string | null;
  contact_phone: string | null;
  staff_count: number | null;
  certified_social_workers: number | null;
  status: string;
  standing: string;
  grade: number | null;
  grade_valid_until: string | null;
  current_grade: number | null;
  qualified_areas: ServiceArea[] | null;
  has_pending_change: boolean;
  version: number;
  updated_at: Date;
}

/** In-force qualifications of `o` on date `$1`. */
const IN_FORCE = `q.organisation_id = o.id AND q.status = 'approved' AND q.valid_from <= $1::date AND (q.valid_until IS NULL OR q.valid_until >= $1::date)`;

const SELECT = `
  SELECT o.id, o.name, o.credit_code, o.org_type, o.registration_authority, o.registered_on::text AS registered_on,
         o.legal_representative, o.place_id, p.name AS place_name, o.service_areas, o.contact_name, o.contact_phone,
         o.staff_count, o.certified_social_workers, o.status, o.standing, o.grade, o.grade_valid_until::text AS grade_valid_until,
         CASE WHEN o.grade_valid_from <= $1::date AND o.grade_valid_until >= $1::date THEN o.grade END AS current_grade,
         (SELECT array_agg(DISTINCT a ORDER BY a) FROM organisation_qualifications q, unnest(q.service_areas) a WHERE ${IN_FORCE}) AS qualified_areas,
         o.pending_change IS NOT NULL AS has_pending_change, o.version, o.updated_at
    FROM organisations o LEFT JOIN places p ON p.id = o.place_id`;

/**
 * Officials' view of the registry: search and filter (name or code, type, current grade, service area, community or
 * street, status, standing, qualified), paged by name with counts per status for the tabs, and the same filtered
 * rows as an Excel workbook with Chinese headers.
 */
@Injectable()
export class OrganisationQueryService {
  constructor(private readonly clock: Clock, private readonly ctx: TenantContext) {}

  async list(query: ListOrganisationsQuery): Promise<Page<ReturnType<typeof presentListItem>> & { counts: Record<string, number> }> {
    const { where, params } = this.filters(query, { withStatus: false });
    // `d` only references $1 (today) so the counts bind the same parameters as the filters that may use it.
    const from = 'FROM organisations o, (SELECT $1::date AS today) d';
    const m = this.ctx.manager();
    const tabs = await cappedCountsBy(m, 'o.status', STATUSES, `${from} WHERE ${where.length ? where.join(' AND ') : 'true'}`, params);
    if (query.status) {
      params.push(query.status);
      where.push(`o.status = $${params.length}`);
    }
    const page = await keysetPage<Row>(m, {
      select: SELECT, countFrom: from, where, params, total: query.status ? tabs.totalOf(query.status) : tabs.all,
      order: { key: 'o.name', type: 'text', id: 'o.id', direction: 'asc' }, limit: query.limit, cursor: query.cursor,
    });
    return { ...page, items: page.items.map(presentListItem), counts: tabs.counts };
  }

  /** The filtered registry as .xlsx. Bank accounts are left out: an export travels further than the screen. */
  async exportXlsx(filters: OrganisationFilters): Promise<{ buffer: Buffer; filename: string; rows: number }> {
    const { where, params } = this.filters(filters, { withStatus: true });
    params.push(EXPORT_MAX_ROWS + 1);
    const rows: Row[] = await this.ctx.manager().query(`${SELECT} ${sqlWhere(where)} ORDER BY o.name, o.id LIMIT $${params.length}`, params);
    if (rows.length > EXPORT_MAX_ROWS) throw organisationsError(OrganisationsErrorCode.EXPORT_TOO_LARGE, { max: EXPORT_MAX_ROWS });
    const district = await this.ctx.district();
    const today = this.clock.today();

    const wb = new Workbook();
    wb.creator = 'Sanshe 三社联动';
    wb.created = this.clock.now();
    const ws = wb.addWorksheet('社会组织名录', { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = [
      { header: '序号', key: 'n', width: 6 },
      { header: '组织名称', key: 'name', width: 36 },
      { header: '统一社会信用代码', key: 'code', width: 22 },
      { header: '组织类型', key: 'type', width: 14 },
      { header: '登记管理机关', key: 'authority', width: 22 },
      { header: '成立登记日期', key: 'registeredOn', width: 14 },
      { header: '法定代表人', key: 'legalRep', width: 12 },
      { header: '所在社区', key: 'community', width: 16 },
      { header: '服务领域', key: 'areas', width: 30 },
      { header: '登记状态', key: 'status', width: 10 },
      { header: '信用状态', key: 'standing', width: 14 },
      { header: '评估等级', key: 'grade', width: 10 },
      { header: '等级有效期至', key: 'gradeUntil', width: 14 },
      { header: '承接资质领域', key: 'qualified', width: 30 },
      { header: '专职人员', key: 'staff', width: 10 },
      { header: '持证社工', key: 'certified', width: 10 },
      { header: '联系人', key: 'contact', width: 12 },
      { header: '联系电话', key: 'phone', width: 16 },
    ];
    ws.getRow(1).font = { bold: true };
    rows.forEach((r, i) => {
      ws.addRow({
        n: i + 1,
        name: r.name,
        code: r.credit_code,
        type: ORGANISATION_TYPES[r.org_type].zh,
        authority: r.registration_authority,
        registeredOn: r.registered_on,
        legalRep: r.legal_representative,
        community: r.place_name ?? '',
        areas: r.service_areas.map((a) => SERVICE_AREAS[a]?.zh ?? a).join('、'),
        status: STATE_LABELS[r.status]?.zh ?? r.status,
        standing: STATE_LABELS[r.standing]?.zh ?? r.standing,
        grade: gradeLabel(r.current_grade) ?? '',
        gradeUntil: r.current_grade ? r.grade_valid_until : '',
        qualified: (r.qualified_areas ?? []).map((a) => SERVICE_AREAS[a]?.zh ?? a).join('、'),
        staff: r.staff_count ?? '',
        certified: r.certified_social_workers ?? '',
        contact: r.contact_name ?? '',
        phone: r.contact_phone ?? '',
      });
    });
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ws.columns.length } };
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    return { buffer, filename: `社会组织名录-${district.name}-${today}.xlsx`, rows: rows.length };
  }

  private filters(f: OrganisationFilters, opts: { withStatus: boolean }): { where: string[]; params: unknown[] } {
    const params: unknown[] = [this.clock.today()];
    const where: string[] = [];
    const add = (sql: string, ...values: unknown[]) => {
      let out = sql;
      for (const v of values) {
        params.push(v);
        out = out.replace('?', `$${params.length}`);
      }
      where.push(out);
    };
    if (f.q) {
      const pattern = `%${f.q.trim().replace(/[%_\\]/g, '\\$&')}%`;
      add('(o.name LIKE ? OR o.credit_code LIKE upper(?))', pattern, pattern);
    }
    if (f.orgType) add('o.org_type = ?', f.orgType);
    if (f.grade) add('(o.grade = ? AND o.grade_valid_from <= $1::date AND o.grade_valid_until >= $1::date)', f.grade);
    if (f.serviceArea) add('o.service_areas @> ARRAY[?]::text[]', f.serviceArea);
    if (f.placeId) add('o.place_id IN (SELECT id FROM places WHERE id = ? OR parent_id = ?)', f.placeId, f.placeId);
    if (f.standing) add('o.standing = ?', f.standing);
    if (f.qualified) add(`${f.qualified === 'true' ? '' : 'NOT '}EXISTS (SELECT 1 FROM organisation_qualifications q WHERE ${IN_FORCE})`);
    if (opts.withStatus && f.status) add('o.status = ?', f.status);
    return { where, params };
  }
}

function sqlWhere(where: string[]): string {
  return where.length ? `WHERE ${where.join(' AND ')}` : '';
}

function presentListItem(r: Row) {
  return {
    id: r.id,
    name: r.name,
    creditCode: r.credit_code,
    orgType: r.org_type,
    orgTypeLabel: ORGANISATION_TYPES[r.org_type],
    registeredOn: r.registered_on,
    legalRepresentative: r.legal_representative,
    community: r.place_id ? { id: r.place_id, name: r.place_name } : null,
    serviceAreas: serviceAreaLabels(r.service_areas),
    status: r.status,
    statusLabel: STATE_LABELS[r.status],
    standing: r.standing,
    standingLabel: STATE_LABELS[r.standing],
    grade: r.current_grade ? { grade: r.current_grade, label: gradeLabel(r.current_grade), validUntil: r.grade_valid_until } : null,
    qualifiedAreas: serviceAreaLabels(r.qualified_areas ?? []),
    contact: { name: r.contact_name, phone: r.contact_phone },
    staffCount: r.staff_count,
    certifiedSocialWorkers: r.certified_social_workers,
    hasPendingChange: r.has_pending_change,
    version: r.version,
    updatedAt: r.updated_at,
  };
}
