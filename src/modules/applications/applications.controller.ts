import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, PageOf, ParseIdPipe, Role } from '@sanshe/common';
import { ApiContract, CurrentActor, Returns, Roles } from '@sanshe/auth';
import { ApplicationScreeningService } from './application-screening.service';
import { ApplicationSubmissionService } from './application-submission.service';
import { ApplicationsService } from './applications.service';
import {
  AddEditorDto, ApplicationContentDto, ApplicationVersionDto, ListApplicationsQuery, ScreeningDto, UpdateApplicationDto, WithdrawApplicationDto,
} from './dto/application.dto';
import { ApplicationEditorsResponse, ApplicationResponse, ApplicationSummary, ApplicationsChecksResponse, ApplicationsHistoryResponse } from './applications.response';

const APPLICANTS = [Role.OrgAdmin, Role.OrgStaff];
const READERS = [Role.OrgAdmin, Role.OrgStaff, Role.SocialWorker, Role.Supervisor, Role.DistrictAdmin, Role.ProgrammeOfficer, Role.FinanceOfficer];
const SCREENERS = [Role.DistrictAdmin, Role.ProgrammeOfficer];

@ApiContract()
@ApiTags('applications 创投申报')
@Controller()
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly submission: ApplicationSubmissionService,
    private readonly screening: ApplicationScreeningService,
  ) {}

  @Returns(ApplicationResponse)
  @Post('calls/:callId/applications')
  @Roles(...APPLICANTS)
  @ApiOperation({ summary: '新建申报书草稿 / Start an application for your organisation' })
  create(@Param('callId', ParseIdPipe) callId: string, @Body() dto: ApplicationContentDto, @CurrentActor() actor: Actor) {
    return this.applications.create(callId, dto, actor);
  }

  @Returns(PageOf(ApplicationSummary))
  @Get('applications')
  @Roles(...READERS)
  @ApiOperation({ summary: '申报书列表（组织：本组织的；官员：已提交的）/ Applications you may see' })
  list(@Query() query: ListApplicationsQuery, @CurrentActor() actor: Actor) {
    return this.applications.list(query, actor);
  }

  @Returns(ApplicationResponse)
  @Get('applications/:id')
  @Roles(...READERS)
  @ApiOperation({ summary: '申报书详情 / An application' })
  get(@Param('id', ParseIdPipe) id: string, @CurrentActor() actor: Actor) {
    return this.applications.get(id, actor);
  }

  @Returns(ApplicationResponse)
  @Patch('applications/:id')
  @Roles(...APPLICANTS)
  @ApiOperation({ summary: '保存草稿 / Save the draft' })
  update(@Param('id', ParseIdPipe) id: string, @Body() dto: UpdateApplicationDto, @CurrentActor() actor: Actor) {
    return this.applications.update(id, dto, actor);
  }

  @Returns(ApplicationEditorsResponse)
  @Post('applications/:id/editors')
  @Roles(...APPLICANTS)
  @HttpCode(200)
  @ApiOperation({ summary: '邀请同事共同编辑 / Invite a colleague to co-edit' })
  addEditor(@Param('id', ParseIdPipe) id: string, @Body() dto: AddEditorDto, @CurrentActor() actor: Actor) {
    return this.applications.addEditor(id, dto.membershipId, actor);
  }

  @Returns(ApplicationEditorsResponse)
  @Delete('applications/:id/editors/:membershipId')
  @Roles(...APPLICANTS)
  @ApiOperation({ summary: '移除共同编辑人 / Remove a co-editor' })
  removeEditor(@Param('id', ParseIdPipe) id: string, @Param('membershipId', ParseIdPipe) membershipId: string, @CurrentActor() actor: Actor) {
    return this.applications.removeEditor(id, membershipId, actor);
  }

  @Returns(ApplicationSummary)
  @Post('applications/:id/submit')
  @Roles(...APPLICANTS)
  @HttpCode(200)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key returns the first answer' })
  @ApiOperation({ summary: '提交申报书（截止前，按服务器时间）/ Submit before the close (server clock)' })
  submit(@Param('id', ParseIdPipe) id: string, @Body() dto: ApplicationVersionDto, @Headers('idempotency-key') key: string | undefined, @CurrentActor() actor: Actor) {
    return this.submission.submit(id, dto.version, key, actor);
  }

  @Returns(ApplicationSummary)
  @Post('applications/:id/withdraw')
  @Roles(...APPLICANTS)
  @HttpCode(200)
  @ApiOperation({ summary: '撤回申报（截止前）/ Withdraw before the close' })
  withdraw(@Param('id', ParseIdPipe) id: string, @Body() dto: WithdrawApplicationDto, @CurrentActor() actor: Actor) {
    return this.submission.withdraw(id, dto.version, dto.reason, actor);
  }

  @Returns(ApplicationsHistoryResponse)
  @Get('applications/:id/history')
  @Roles(...READERS)
  @ApiOperation({ summary: '申报书处理记录（含资格审查意见）/ What happened, with screening reasons' })
  history(@Param('id', ParseIdPipe) id: string, @CurrentActor() actor: Actor) {
    return this.applications.historyOf(id, actor);
  }

  @Returns(ApplicationsChecksResponse)
  @Get('applications/:id/screening/checks')
  @Roles(...SCREENERS)
  @ApiOperation({ summary: '资格审查自动检查 / Automatic screening checks' })
  checks(@Param('id', ParseIdPipe) id: string, @CurrentActor() actor: Actor) {
    return this.screening.autoChecks(id, actor);
  }

  @Returns(ApplicationSummary)
  @Post('applications/:id/screening')
  @Roles(...SCREENERS)
  @HttpCode(200)
  @ApiOperation({ summary: '资格审查：通过 / 退回补正 / 不通过 / Screening decision with reasons' })
  screen(@Param('id', ParseIdPipe) id: string, @Body() dto: ScreeningDto, @CurrentActor() actor: Actor) {
    return this.screening.screen(id, dto.decision, dto.reason, dto.version, actor);
  }
}
