import { addYears, isRealDay, shanghaiDay } from '@sanshe/common';
import { Clock } from '@sanshe/common/clock';
import { Injectable } from '@nestjs/common';
import { TenantContext } from '@sanshe/tenancy';
import { OrganisationEntity } from './organisation.entity';
import { currentGrade } from './organisation.store';
import { STATE_LABELS } from './organisation.transitions';
import { OrganisationsErrorCode, organisationsError } from './organisations.errors';
import { SERVICE_AREAS, type ServiceArea, gradeLabel } from './service-areas';

export interface EligibilityCriteria {
  /** Minimum assessment grade (1-5 = 1A-5A), valid on the date judged. */
  minGrade?: number;
  /** Whole years since the registration date, on the date judged. */
  minYearsRegistered?: number;
  /** The service area concerned: declared by the organisation, or (with requireQualification) qualified for. */
  serviceArea?: ServiceArea;
  /** Require an approved, in-force qualification to undertake government purchases (in `serviceArea` if given). */
  requireQualification?: boolean;
  /** The moment (or Shanghai calendar day, YYYY-MM-DD) to judge at; now by default. */
  at?: Date | string;
  /**
   * Take a share lock on the organisation row until the caller's transaction ends, so a blacklisting committed
   * meanwhile waits for the caller's write (e.g. an application submission) instead of racing it.
   */
  lock?: boolean;
}

export type EligibilityReasonCode =
  | 'NOT_VERIFIED'
  | 'CLOSED'
  | 'BLACKLISTED'
  | 'SUSPENDED'
  | 'NO_GRADE'
  | 'GRADE_EXPIRED'
  | 'GRADE_TOO_LOW'
  | 'REGISTERED_TOO_RECENTLY'
  | 'SERVICE_AREA_NOT_DECLARED'
  | 'NOT_QUALIFIED'
  | 'NOT_QUALIFIED_FOR_AREA';

export interface EligibilityReason {
  code: EligibilityReasonCode;
  zh: string;
  en: string;
}

export interface EligibilityResult {
  eligible: boolean;
  /** Every unmet condition, in the order a person would fix them; empty when eligible. */
  reasons: EligibilityReason[];
  judgedOn: string;
  organisation: {
    id: string;
    name: string;
    creditCode: string;
    orgType: OrganisationEntity['orgType'];
    status: OrganisationEntity['status'];
    standing: OrganisationEntity['standing'];
    grade: number | null;
    gradeValidUntil: string | null;
    registeredOn: string;
    qualifiedAreas: ServiceArea[];
  };
}

/**
 * The one answer other modules ask of the registry: "may this organisation take part in X right now?" — verified,
 * not blacklisted or suspended, a valid grade of at least N, registered at least N years, declared for or qualified
 * in service area S — with every reason when it may not. It reads the record in the caller's transaction, so a
 * blacklisting is seen by the very next check anywhere (venture calls, purchases, …).
 */
@Injectable()
export class OrganisationEligibilityService {
  constructor(private readonly clock: Clock, private readonly ctx: TenantContext) {}

  async check(organisationId: string, criteria: EligibilityCriteria = {}): Promise<EligibilityResult> {
    const day = typeof criteria.at === 'string' ? criteria.at : shanghaiDay(criteria.at ?? this.clock.now());
    if (!isRealDay(day)) throw new Error(`EligibilityCriteria.at is not a date: ${criteria.at}`);
    const org = await this.ctx.repo(OrganisationEntity).findOne({
      where: { id: organisationId },
      lock: criteria.lock ? { mode: 'pessimistic_read' } : undefined,
    });
    if (!org) throw organisationsError(OrganisationsErrorCode.ORGANISATION_NOT_FOUND, { id: organisationId });
    const qualifiedRows: Array<{ area: ServiceArea }> = await this.ctx.manager().query(
      `SELECT DISTINCT unnest(service_areas) AS area FROM organisation_qualifications
        WHERE organisation_id = $1 AND status = 'approved' AND valid_from <= $2::date AND (valid_until IS NULL OR valid_until >= $2::date)`,
      [organisationId, day],
    );
    const qualifiedAreas = qualifiedRows.map((r) => r.area).sort();
    const reasons: EligibilityReason[] = [];
    const add = (code: EligibilityReasonCode, zh: string, en: string) => reasons.push({ code, zh, en });

    if (org.status === 'closed') add('CLOSED', '该社会组织的登记记录已注销', 'The registration is closed');
    else if (org.status !== 'verified') {
      add('NOT_VERIFIED', `尚未通过登记核验（当前为「${STATE_LABELS[org.status].zh}」）`, `Not verified (currently ${STATE_LABELS[org.status].en})`);
    }
    if (org.standing === 'blacklisted') add('BLACKLISTED', '已被列入严重违法失信名单', 'On the list of seriously untrustworthy organisations');
    if (org.standing === 'suspended') add('SUSPENDED', '已被暂停', 'Suspended');

    if (criteria.minGrade) {
      const need = gradeLabel(criteria.minGrade);
      const grade = currentGrade(org, day);
      if (!org.grade) {
        add('NO_GRADE', `未取得评估等级，要求${need}及以上`, `No assessment grade; ${need} or higher is required`);
      } else if (grade === null) {
        add('GRADE_EXPIRED', `评估等级${gradeLabel(org.grade)}在${day}不在有效期内（${org.gradeValidFrom}至${org.gradeValidUntil}），要求${need}及以上`,
          `Grade ${gradeLabel(org.grade)} is not valid on ${day} (${org.gradeValidFrom} to ${org.gradeValidUntil}); ${need} or higher is required`);
      } else if (grade < criteria.minGrade) {
        add('GRADE_TOO_LOW', `评估等级为${gradeLabel(grade)}，要求${need}及以上`, `Grade ${gradeLabel(grade)}; ${need} or higher is required`);
      }
    }
    if (criteria.minYearsRegistered) {
      const reached = addYears(org.registeredOn, criteria.minYearsRegistered);
      if (reached > day) {
        add('REGISTERED_TOO_RECENTLY', `成立登记于${org.registeredOn}，未满${criteria.minYearsRegistered}年（${reached}满）`,
          `Registered on ${org.registeredOn}: not yet ${criteria.minYearsRegistered} years (reached on ${reached})`);
      }
    }
    const area = criteria.serviceArea ? SERVICE_AREAS[criteria.serviceArea] : undefined;
    if (criteria.requireQualification) {
      if (criteria.serviceArea && !qualifiedAreas.includes(criteria.serviceArea)) {
        add('NOT_QUALIFIED_FOR_AREA', `未取得「${area!.zh}」领域的有效承接资质`, `No qualification in force for ${area!.en}`);
      } else if (!criteria.serviceArea && !qualifiedAreas.length) {
        add('NOT_QUALIFIED', '未取得有效的承接政府购买服务资质', 'No qualification in force to undertake government purchases');
      }
    } else if (criteria.serviceArea && !org.serviceAreas.includes(criteria.serviceArea)) {
      add('SERVICE_AREA_NOT_DECLARED', `服务领域不含「${area!.zh}」`, `Does not work in ${area!.en}`);
    }

    return {
      eligible: reasons.length === 0,
      reasons,
      judgedOn: day,
      organisation: {
        id: org.id, name: org.name, creditCode: org.creditCode, orgType: org.orgType, status: org.status, standing: org.standing,
        grade: currentGrade(org, day), gradeValidUntil: currentGrade(org, day) ? org.gradeValidUntil : null, registeredOn: org.registeredOn,
        qualifiedAreas,
      },
    };
  }
}
