import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays } from '@sanshe/common';
import { Clock } from '@sanshe/common/clock';
import { ScheduledJob } from '@sanshe/queue';
import { TenantContext, TenantTransactionRunner } from '@sanshe/tenancy';
import { ProjectAccess } from '../projects/project-access.service';
import { ProjectNotices } from '../projects/project-notices';
import { ProjectSettingsService } from '../projects/project-settings.service';

const KIND: Record<string, { zh: string; en: string }> = { monthly: { zh: '月报', en: 'monthly report' }, interim: { zh: '中期报告', en: 'interim report' }, final: { zh: '结项报告', en: 'final report' } };
const EVERY_MS = 60 * 60 * 1000;

/**
 * Reminders before a report is due and the overdue flag after, per district: the scan walks the global district
 * list and works in each district's own transaction (RLS as usual). It may run any number of times, in several
 * workers at once: each reminder and each overdue flag is claimed in `project_report_alerts`, unique per report,
 * kind and due day, before its notice is sent (a moved due date gets a fresh reminder). A BullMQ job scheduler runs
 * `scanToday` hourly once per cluster (and when the schedule is first made); `scanAll(day)` lets tests and
 * operators run it for a given day.
 */
@Injectable()
export class ReportDeadlinesService {
  constructor(
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runner: TenantTransactionRunner,
    private readonly ctx: TenantContext,
    private readonly access: ProjectAccess,
    private readonly notices: ProjectNotices,
    private readonly settings: ProjectSettingsService,
  ) {}

  @ScheduledJob('project-reports.deadline-scan', EVERY_MS)
  scanToday(): Promise<{ districts: number; reminders: number; overdue: number }> {
    return this.scanAll();
  }

  async scanAll(today: string = this.clock.today()): Promise<{ districts: number; reminders: number; overdue: number }> {
    const tenants: Array<{ id: string }> = await this.dataSource.query(`SELECT id FROM tenants WHERE status = 'active' ORDER BY id`);
    const total = { districts: tenants.length, reminders: 0, overdue: 0 };
    for (const t of tenants) {
      const r = await this.runner.run({ tenantId: t.id }, () => this.scanDistrict(today));
      total.reminders += r.reminders;
      total.overdue += r.overdue;
    }
    return total;
  }

  async scanDistrict(today: string): Promise<{ reminders: number; overdue: number }> {
    const m = this.ctx.manager();
    const { reminderDaysBefore } = await this.settings.get();
    const open = `r.status IN ('due','returned') AND p.status <> 'closed'`;
    const reminders: Array<{ id: string; project_id: string; kind: string; due_on: string; period_end: string }> = await m.query(
      `WITH due AS (SELECT r.id, r.project_id, r.kind, r.due_on, r.period_end FROM project_reports r JOIN projects p ON p.id = r.project_id
                     WHERE ${open} AND r.due_on >= $2::date AND r.due_on <= $3::date),
            claimed AS (INSERT INTO project_report_alerts (tenant_id, report_id, kind, due_on) SELECT $1, id, 'reminder', due_on FROM due
                        ON CONFLICT (tenant_id, report_id, kind, due_on) DO NOTHING RETURNING report_id)
       SELECT d.id, d.project_id, d.kind, d.due_on::text, d.period_end::text FROM due d JOIN claimed c ON c.report_id = d.id`,
      [this.ctx.tenantId(), today, addDays(today, reminderDaysBefore)]);
    for (const r of reminders) {
      const p = (await this.access.loadAsSystem(r.project_id))!;
      await this.notices.send(p, ['organisation'], {
        kind: 'project.report_reminder', titleZh: `${KIND[r.kind].zh}将于 ${r.due_on} 到期：${p.referenceNo}`, titleEn: `${KIND[r.kind].en} due ${r.due_on}: ${p.referenceNo}`,
        bodyZh: `请在 ${r.due_on} 前提交「${p.title}」截至 ${r.period_end} 的${KIND[r.kind].zh}。`,
        bodyEn: `Submit the ${KIND[r.kind].en} of "${p.title}" to ${r.period_end} by ${r.due_on}.`,
        data: { reportId: r.id },
      });
    }
    const overdue: Array<{ id: string; project_id: string; kind: string; due_on: string }> = await m.query(
      `WITH late AS (SELECT r.id, r.project_id, r.kind, r.due_on FROM project_reports r JOIN projects p ON p.id = r.project_id WHERE ${open} AND r.due_on < $2::date),
            claimed AS (INSERT INTO project_report_alerts (tenant_id, report_id, kind, due_on) SELECT $1, id, 'overdue', due_on FROM late
                        ON CONFLICT (tenant_id, report_id, kind, due_on) DO NOTHING RETURNING report_id)
       SELECT l.id, l.project_id, l.kind, l.due_on::text FROM late l JOIN claimed c ON c.report_id = l.id`, [this.ctx.tenantId(), today]);
    for (const r of overdue) {
      await m.query(`UPDATE project_reports SET overdue_since = $2 WHERE id = $1`, [r.id, today]);
      const p = (await this.access.loadAsSystem(r.project_id))!;
      await this.notices.send(p, ['organisation', 'officer'], {
        kind: 'project.report_overdue', titleZh: `${KIND[r.kind].zh}已逾期：${p.referenceNo}`, titleEn: `${KIND[r.kind].en} overdue: ${p.referenceNo}`,
        bodyZh: `「${p.title}」的${KIND[r.kind].zh}应于 ${r.due_on} 提交，至今未交。`, bodyEn: `The ${KIND[r.kind].en} of "${p.title}" was due on ${r.due_on} and is not in.`,
        data: { reportId: r.id },
      });
    }
    return { reminders: reminders.length, overdue: overdue.length };
  }
}
