import { Injectable } from '@nestjs/common';
import { Actor } from '@sanshe/common';
import { AuditService } from '@sanshe/audit';
import { assertVersion } from '@sanshe/database';
import { TenantContext } from '@sanshe/tenancy';
import { CaseworkAccess } from './casework-access.service';
import { UpdateCaseworkSettingsDto } from './dto/settings.dto';

export interface CaseworkSettings {
  requireAssessmentApproval: boolean;
  requirePlanApproval: boolean;
  requireClosureApproval: boolean;
  recordLockDays: number;
  assessmentDueDays: number;
  planDueDays: number;
  followUpDueDays: number;
  version: number;
}

const COLUMNS: Record<keyof Omit<CaseworkSettings, 'version'>, string> = {
  requireAssessmentApproval: 'require_assessment_approval',
  requirePlanApproval: 'require_plan_approval',
  requireClosureApproval: 'require_closure_approval',
  recordLockDays: 'record_lock_days',
  assessmentDueDays: 'assessment_due_days',
  planDueDays: 'plan_due_days',
  followUpDueDays: 'follow_up_due_days',
};

/**
 * An organisation's casework rules: which steps need the supervisor's approval (all three by default, as most
 * organisations' supervision agreements require) and how long service records stay editable (7 days by default).
 * The row is created with the defaults the first time it is needed.
 */
@Injectable()
export class CaseworkSettingsService {
  constructor(
    private readonly ctx: TenantContext,
    private readonly access: CaseworkAccess,
    private readonly audit: AuditService,
  ) {}

  async forOrganisation(organisationId: string): Promise<CaseworkSettings> {
    const m = this.ctx.manager();
    await m.query(
      `INSERT INTO casework_settings (tenant_id, organisation_id) VALUES ($1, $2) ON CONFLICT (tenant_id, organisation_id) DO NOTHING`,
      [this.ctx.tenantId(), organisationId]);
    const [r] = await m.query(`SELECT * FROM casework_settings WHERE organisation_id = $1`, [organisationId]);
    const out = { version: r.version } as CaseworkSettings;
    for (const [k, col] of Object.entries(COLUMNS)) (out as unknown as Record<string, unknown>)[k] = r[col];
    return out;
  }

  async get(actor: Actor): Promise<CaseworkSettings> {
    const scope = await this.access.scope(actor);
    return this.forOrganisation(scope.organisationId);
  }

  async update(dto: UpdateCaseworkSettingsDto, actor: Actor): Promise<CaseworkSettings> {
    const scope = await this.access.scope(actor);
    const before = await this.forOrganisation(scope.organisationId);
    assertVersion(before, dto.version);
    const sets: string[] = [];
    const params: unknown[] = [scope.organisationId, scope.membershipId];
    for (const [k, col] of Object.entries(COLUMNS)) {
      const v = (dto as unknown as Record<string, unknown>)[k];
      if (v !== undefined) { params.push(v); sets.push(`${col} = $${params.length}`); }
    }
    await this.ctx.manager().query(
      `UPDATE casework_settings SET ${[...sets, 'updated_by = $2', 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE organisation_id = $1`, params);
    const after = await this.forOrganisation(scope.organisationId);
    await this.audit.record({ action: 'casework_settings.updated', entityType: 'casework_settings', before, after });
    return after;
  }
}
