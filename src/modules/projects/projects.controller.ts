import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, PageOf, ParseIdPipe, Role } from '@sanshe/common';
import { ApiContract, CurrentActor, Returns, Roles } from '@sanshe/auth';
import { CloseProjectDto, ListProjectsQuery, ListTranchesQuery, ProjectSettingsDto, ProjectReasonDto, SignAgreementDto } from './dto/project.dto';
import { PROJECT_OFFICIALS, PROJECT_READERS } from './project-access.service';
import { ProjectLifecycleService } from './project-lifecycle.service';
import { ProjectQueryService } from './project-query.service';
import { ProjectSettingsService } from './project-settings.service';
import { TranchesService } from './tranches.service';
import { ProjectResponse, ProjectSummary, ProjectsBudgetResponse, ProjectsCloseResponse, ProjectsGetSettingsResponse, ProjectsListTranchesResponse, ProjectsPlanVersionsResponse, ProjectsReleaseResponse, ProjectsSignResponse, ProjectsUnfreezeResponse, TrancheListRow } from './projects.response';

@ApiContract()
@ApiTags('projects 项目执行')
@Controller('projects')
export class ProjectsController {
  constructor(
    private readonly query: ProjectQueryService,
    private readonly lifecycle: ProjectLifecycleService,
    private readonly tranches: TranchesService,
    private readonly settings: ProjectSettingsService,
  ) {}

  @Returns(PageOf(ProjectSummary))
  @Get()
  @Roles(...PROJECT_READERS)
  @ApiOperation({ summary: '项目列表 / Projects I may see, with status, money, overdue items and what is due next' })
  list(@Query() q: ListProjectsQuery, @CurrentActor() actor: Actor) {
    return this.query.list(q, actor);
  }

  @Returns(PageOf(TrancheListRow))
  @Get('tranches')
  @Roles(...PROJECT_OFFICIALS)
  @ApiOperation({ summary: '拨款列表 / Tranches of every project, ready to pay first, each with its conditions met or not (and why)' })
  listAllTranches(@Query() q: ListTranchesQuery, @CurrentActor() actor: Actor) {
    return this.tranches.listAll(q, actor);
  }

  @Returns(ProjectsGetSettingsResponse)
  @Get('settings')
  @Roles(...PROJECT_OFFICIALS)
  @ApiOperation({ summary: '项目管理设置 / District rules: reallocation threshold, reminder lead time' })
  getSettings() {
    return this.settings.get();
  }

  @Returns(ProjectsGetSettingsResponse)
  @Put('settings')
  @Roles(Role.DistrictAdmin)
  @ApiOperation({ summary: '修改项目管理设置 / Change the district rules' })
  putSettings(@Body() dto: ProjectSettingsDto) {
    return this.settings.update(dto);
  }

  @Returns(ProjectResponse)
  @Get(':id')
  @Roles(...PROJECT_READERS)
  @ApiOperation({ summary: '项目详情 / Plan, indicators with progress, tranches with their conditions, reports, evaluations, money' })
  get(@Param('id', ParseIdPipe) id: string, @CurrentActor() actor: Actor) {
    return this.query.detail(id, actor);
  }

  @Returns(ProjectsBudgetResponse)
  @Get(':id/budget')
  @Roles(...PROJECT_READERS)
  @ApiOperation({ summary: '预算执行 / Budget against actual per line' })
  budget(@Param('id', ParseIdPipe) id: string, @CurrentActor() actor: Actor) {
    return this.query.budget(id, actor);
  }

  @Returns(ProjectsPlanVersionsResponse)
  @Get(':id/plan-versions')
  @Roles(...PROJECT_READERS)
  @ApiOperation({ summary: '计划版本 / Every version of the plan, newest first' })
  planVersions(@Param('id', ParseIdPipe) id: string, @CurrentActor() actor: Actor) {
    return this.query.planVersions(id, actor);
  }

  @Returns(ProjectsSignResponse)
  @Post(':id/agreement')
  @HttpCode(200)
  @Roles(Role.ProgrammeOfficer)
  @ApiOperation({ summary: '登记协议签订 / Record that the grant agreement is signed' })
  sign(@Param('id', ParseIdPipe) id: string, @Body() dto: SignAgreementDto, @CurrentActor() actor: Actor) {
    return this.lifecycle.signAgreement(id, dto, actor);
  }

  @Returns(ProjectsListTranchesResponse)
  @Get(':id/tranches')
  @Roles(...PROJECT_READERS)
  @ApiOperation({ summary: '分期拨款 / Tranches with each condition met or not' })
  listTranches(@Param('id', ParseIdPipe) id: string, @CurrentActor() actor: Actor) {
    return this.tranches.list(id, actor);
  }

  @Returns(ProjectsReleaseResponse)
  @Post(':id/tranches/:trancheId/release')
  @HttpCode(200)
  @Roles(Role.FinanceOfficer)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '重试时使用同一个键，返回第一次的结果' })
  @ApiOperation({ summary: '拨付 / Pay a tranche once its conditions hold (409 lists the unmet ones)' })
  release(
    @Param('id', ParseIdPipe) id: string, @Param('trancheId', ParseIdPipe) trancheId: string,
    @Headers('idempotency-key') key: string | undefined, @CurrentActor() actor: Actor,
  ) {
    return this.tranches.release(id, trancheId, key, actor);
  }

  @Returns(ProjectsUnfreezeResponse)
  @Post(':id/tranches/:trancheId/unfreeze')
  @HttpCode(200)
  @Roles(Role.ProgrammeOfficer)
  @ApiOperation({ summary: '解冻拨款 / Unfreeze a tranche frozen after a failed evaluation, with a reason' })
  unfreeze(@Param('id', ParseIdPipe) id: string, @Param('trancheId', ParseIdPipe) trancheId: string, @Body() dto: ProjectReasonDto, @CurrentActor() actor: Actor) {
    return this.tranches.unfreeze(id, trancheId, dto.reason, actor);
  }

  @Returns(ProjectsCloseResponse)
  @Post(':id/close')
  @HttpCode(200)
  @Roles(Role.FinanceOfficer)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: '结项 / Close: unpaid reservations return to the fund, the refund of unspent money is recorded' })
  close(@Param('id', ParseIdPipe) id: string, @Body() dto: CloseProjectDto, @Headers('idempotency-key') key: string | undefined, @CurrentActor() actor: Actor) {
    return this.lifecycle.close(id, dto, key, actor);
  }
}
