import { Injectable } from '@nestjs/common';
import { Page } from '@sanshe/common';
import { Clock } from '@sanshe/common/clock';
import { keysetPage } from '@sanshe/database';
import { TenantContext } from '@sanshe/tenancy';
import { DirectoryQuery } from './dto/directory.query';
import { ORGANISATION_TYPES, type OrganisationType, type ServiceArea, gradeLabel, serviceAreaLabels } from './service-areas';

interface DirectoryRow {
  name: string;
  credit_code: string;
  org_type: OrganisationType;
  current_grade: number | null;
  grade_valid_until: string | null;
  qualifications: Array<{ serviceAreas: ServiceArea[]; validFrom: string; validUntil: string | null }>;
}

/**
 * The directory of qualified organisations (承接政府购买服务资质名录) a district publishes: verified organisations in
 * good standing with at least one approved qualification in force today. Public fields only — name, code, type,
 * current grade, qualified areas and dates; never contact, bank, address or people. The SELECT list is the
 * whitelist: nothing else can leak because nothing else is read.
 */
@Injectable()
export class OrganisationDirectoryService {
  constructor(private readonly clock: Clock, private readonly ctx: TenantContext) {}

  async list(query: DirectoryQuery): Promise<Page<ReturnType<typeof presentEntry>> & { district: { code: string; name: string }; asOf: string }> {
    const today = this.clock.today();
    const params: unknown[] = [today];
    const where = [`o.status = 'verified'`, `o.standing = 'good'`];
    const inForce = `q.organisation_id = o.id AND q.status = 'approved' AND q.valid_from <= $1::date AND (q.valid_until IS NULL OR q.valid_until >= $1::date)`;
    if (query.serviceArea) {
      params.push(query.serviceArea);
      where.push(`EXISTS (SELECT 1 FROM organisation_qualifications q WHERE ${inForce} AND q.service_areas @> ARRAY[$${params.length}]::text[])`);
    } else {
      where.push(`EXISTS (SELECT 1 FROM organisation_qualifications q WHERE ${inForce})`);
    }
    if (query.orgType) { params.push(query.orgType); where.push(`o.org_type = $${params.length}`); }
    if (query.q) {
      params.push(`%${query.q.trim().replace(/[%_\\]/g, '\\$&')}%`);
      where.push(`(o.name LIKE $${params.length} OR o.credit_code LIKE upper($${params.length}))`);
    }
    const page = await keysetPage<DirectoryRow & { id: string }>(this.ctx.manager(), {
      select: `SELECT o.id, o.name, o.credit_code, o.org_type,
              CASE WHEN o.grade_valid_from <= $1::date AND o.grade_valid_until >= $1::date THEN o.grade END AS current_grade,
              o.grade_valid_until::text AS grade_valid_until,
              (SELECT json_agg(json_build_object('serviceAreas', q.service_areas, 'validFrom', q.valid_from::text, 'validUntil', q.valid_until::text)
                               ORDER BY q.valid_from) FROM organisation_qualifications q WHERE ${inForce}) AS qualifications
         FROM organisations o`,
      countFrom: 'FROM organisations o', where, params,
      // The cursor carries the row id only as an opaque keyset position; entries themselves are keyed by credit code.
      order: { key: 'o.name', type: 'text', id: 'o.id', direction: 'asc' }, limit: query.limit, cursor: query.cursor,
    });
    const district = await this.ctx.district();
    return {
      district: { code: district.code, name: district.name },
      asOf: today,
      ...page,
      items: page.items.map(presentEntry),
    };
  }
}

function presentEntry(r: DirectoryRow) {
  const areas = [...new Set(r.qualifications.flatMap((q) => q.serviceAreas))].sort();
  return {
    name: r.name,
    creditCode: r.credit_code,
    orgType: r.org_type,
    orgTypeLabel: ORGANISATION_TYPES[r.org_type],
    grade: r.current_grade ? { grade: r.current_grade, label: gradeLabel(r.current_grade), validUntil: r.grade_valid_until } : null,
    qualifiedAreas: serviceAreaLabels(areas),
    qualifications: r.qualifications.map((q) => ({ serviceAreas: serviceAreaLabels(q.serviceAreas), validFrom: q.validFrom, validUntil: q.validUntil })),
  };
}
