import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, ParseIdPipe, Role } from '@sanshe/common';
import { ApiContract, CurrentActor, Returns, Roles } from '@sanshe/auth';
import { ORGANISATION_WRITERS, PROJECT_READERS } from '../projects/project-access.service';
import { ProjectReportsService } from './project-reports.service';
import { AddReportDto, ReviewReportDto, UpdateReportDto, VersionDto } from './report.dto';
import { ProjectReportResponse, ProjectReportsListResponse } from './project-reports.response';

@ApiContract()
@ApiTags('project reports 项目报告')
@Controller()
export class ProjectReportsController {
  constructor(private readonly reports: ProjectReportsService) {}

  @Returns(ProjectReportsListResponse)
  @Get('projects/:id/reports')
  @Roles(...PROJECT_READERS)
  @ApiOperation({ summary: '项目报告 / The reports a project owes and has made, with due dates and overdue flags' })
  list(@Param('id', ParseIdPipe) id: string, @CurrentActor() actor: Actor) {
    return this.reports.list(id, actor);
  }

  @Returns(ProjectReportResponse)
  @Post('projects/:id/reports')
  @Roles(Role.ProgrammeOfficer)
  @ApiOperation({ summary: '增加应交报告 / Ask for an additional report' })
  add(@Param('id', ParseIdPipe) id: string, @Body() dto: AddReportDto, @CurrentActor() actor: Actor) {
    return this.reports.add(id, dto, actor);
  }

  @Returns(ProjectReportResponse)
  @Get('project-reports/:id')
  @Roles(...PROJECT_READERS)
  @ApiOperation({ summary: '报告详情 / One report with spending per line and receipts' })
  get(@Param('id', ParseIdPipe) id: string, @CurrentActor() actor: Actor) {
    return this.reports.get(id, actor);
  }

  @Returns(ProjectReportResponse)
  @Patch('project-reports/:id')
  @Roles(...ORGANISATION_WRITERS)
  @ApiOperation({ summary: '填写报告 / Fill in narrative, indicator values, spending, milestone status (receipts: POST /attachments ownerType=project_report)' })
  update(@Param('id', ParseIdPipe) id: string, @Body() dto: UpdateReportDto, @CurrentActor() actor: Actor) {
    return this.reports.update(id, dto, actor);
  }

  @Returns(ProjectReportResponse)
  @Post('project-reports/:id/submit')
  @HttpCode(200)
  @Roles(...ORGANISATION_WRITERS)
  @ApiOperation({ summary: '提交报告 / Submit for review' })
  submit(@Param('id', ParseIdPipe) id: string, @Body() dto: VersionDto, @CurrentActor() actor: Actor) {
    return this.reports.submit(id, dto, actor);
  }

  @Returns(ProjectReportResponse)
  @Post('project-reports/:id/approve')
  @HttpCode(200)
  @Roles(Role.ProgrammeOfficer)
  @ApiOperation({ summary: '审核通过 / Approve' })
  approve(@Param('id', ParseIdPipe) id: string, @Body() dto: ReviewReportDto, @CurrentActor() actor: Actor) {
    return this.reports.review(id, 'approve', dto, actor);
  }

  @Returns(ProjectReportResponse)
  @Post('project-reports/:id/return')
  @HttpCode(200)
  @Roles(Role.ProgrammeOfficer)
  @ApiOperation({ summary: '退回修改 / Return with comments' })
  return(@Param('id', ParseIdPipe) id: string, @Body() dto: ReviewReportDto, @CurrentActor() actor: Actor) {
    return this.reports.review(id, 'return', dto, actor);
  }
}
