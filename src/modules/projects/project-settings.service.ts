import { Injectable } from '@nestjs/common';
import { AuditService } from '@sanshe/audit';
import { assertVersion } from '@sanshe/database';
import { TenantContext } from '@sanshe/tenancy';
import { ProjectSettingsDto } from './dto/project.dto';

export interface ProjectSettings {
  reallocationThresholdPercent: number;
  reminderDaysBefore: number;
  version: number;
}

/** The district's rules for projects: when a reallocation needs approval, how early reports are reminded. */
@Injectable()
export class ProjectSettingsService {
  constructor(private readonly ctx: TenantContext, private readonly audit: AuditService) {}

  async get(): Promise<ProjectSettings> {
    await this.ctx.manager().query(`INSERT INTO project_settings (tenant_id) VALUES ($1) ON CONFLICT (tenant_id) DO NOTHING`, [this.ctx.tenantId()]);
    const [r] = await this.ctx.manager().query(`SELECT reallocation_threshold_percent, reminder_days_before, version FROM project_settings`);
    return { reallocationThresholdPercent: r.reallocation_threshold_percent, reminderDaysBefore: r.reminder_days_before, version: r.version };
  }

  async update(dto: ProjectSettingsDto): Promise<ProjectSettings> {
    const before = await this.get();
    assertVersion(before, dto.version);
    await this.ctx.manager().query(
      `UPDATE project_settings SET reallocation_threshold_percent = $1, reminder_days_before = $2, version = version + 1, updated_by = $3, updated_at = now()`,
      [dto.reallocationThresholdPercent, dto.reminderDaysBefore, this.ctx.actor().userId]);
    const after = await this.get();
    await this.audit.record({ action: 'project.settings_updated', entityType: 'project_settings', before, after });
    return after;
  }
}
