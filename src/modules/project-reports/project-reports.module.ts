import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module';
import { ProjectsModule } from '../projects/projects.module';
import { ProjectReportsController } from './project-reports.controller';
import { ProjectReportsService } from './project-reports.service';
import { ReportDeadlinesService } from './report-deadlines.service';
import { ReportReceiptsPolicy } from './report-receipts.policy';

/** Project reports (月报 / 中期 / 结项) with receipts, their review, and the reminders and overdue flags. */
@Module({
  imports: [ProjectsModule, AttachmentsModule],
  controllers: [ProjectReportsController],
  providers: [ProjectReportsService, ReportReceiptsPolicy, ReportDeadlinesService],
  exports: [ReportDeadlinesService, ProjectReportsService],
})
export class ProjectReportsModule {}
