import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, ParseIdPipe, Role } from '@sanshe/common';
import { ApiContract, CurrentActor, Returns, Roles } from '@sanshe/auth';
import { CASEWORK_ROLES } from './casework-access.service';
import { CaseLifecycleService } from './case-lifecycle.service';
import { CasesService } from './cases.service';
import {
  ApprovalDecisionDto, AssessmentDto, CaseAssignmentDto, CaseCommentDto, ClosureDto, DeclineIntakeDto, EvaluationDto, ListCasesQuery, OpenCaseDto, PlanDto, VersionDto,
} from './dto/case.dto';
import { CorrectServiceRecordDto, EditServiceRecordDto, FollowUpDto, ServiceRecordDto } from './dto/service-record.dto';
import { CreateReferralDto } from './dto/referral.dto';
import { ReferralsService } from './referrals.service';
import { ServiceRecordsService } from './service-records.service';
import { CaseListResponse, CaseResponse, CasesCommentResponse, CasesFollowUpResponse, CasesListRecordsResponse } from './cases.response';
import { ReferralResponse } from './casework-team.response';

@ApiContract()
@ApiTags('casework 个案')
@Controller('casework')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly lifecycle: CaseLifecycleService,
    private readonly records: ServiceRecordsService,
    private readonly referrals: ReferralsService,
  ) {}

  @Returns(CaseResponse)
  @Post('cases')
  @Roles(...CASEWORK_ROLES)
  @ApiOperation({ summary: '接案 / Open a case at intake' })
  open(@Body() dto: OpenCaseDto, @CurrentActor() actor: Actor) {
    return this.cases.open(dto, actor);
  }

  @Returns(CaseListResponse)
  @Get('cases')
  @Roles(...CASEWORK_ROLES)
  @ApiOperation({ summary: '个案列表（按状态计数）/ Cases you may see, with counts per status' })
  list(@Query() query: ListCasesQuery, @CurrentActor() actor: Actor) {
    return this.cases.list(query, actor);
  }

  @Returns(CaseResponse)
  @Get('cases/:id')
  @Roles(...CASEWORK_ROLES)
  @ApiOperation({ summary: '个案档案（记入访问日志）/ The case file (logged)' })
  get(@Param('id', ParseIdPipe) id: string, @CurrentActor() actor: Actor) {
    return this.cases.detail(id, actor);
  }

  @Returns(CaseResponse)
  @Post('cases/:id/intake/accept')
  @Roles(...CASEWORK_ROLES)
  @HttpCode(200)
  @ApiOperation({ summary: '接案通过（须服务同意）/ Accept at intake (needs service consent)' })
  accept(@Param('id', ParseIdPipe) id: string, @Body() dto: VersionDto, @CurrentActor() actor: Actor) {
    return this.lifecycle.acceptIntake(id, dto.version, actor);
  }

  @Returns(CaseResponse)
  @Post('cases/:id/intake/decline')
  @Roles(...CASEWORK_ROLES)
  @HttpCode(200)
  @ApiOperation({ summary: '不予接案 / Decline at intake, with the reason' })
  decline(@Param('id', ParseIdPipe) id: string, @Body() dto: DeclineIntakeDto, @CurrentActor() actor: Actor) {
    return this.lifecycle.declineIntake(id, dto.reason, dto.version, actor);
  }

  @Returns(CaseResponse)
  @Post('cases/:id/assessment')
  @Roles(...CASEWORK_ROLES)
  @HttpCode(200)
  @ApiOperation({ summary: '提交预估 / Submit the assessment' })
  assessment(@Param('id', ParseIdPipe) id: string, @Body() dto: AssessmentDto, @CurrentActor() actor: Actor) {
    return this.lifecycle.submitAssessment(id, dto, actor);
  }

  @Returns(CaseResponse)
  @Post('cases/:id/plan')
  @Roles(...CASEWORK_ROLES)
  @HttpCode(200)
  @ApiOperation({ summary: '提交服务计划 / Submit the service plan' })
  plan(@Param('id', ParseIdPipe) id: string, @Body() dto: PlanDto, @CurrentActor() actor: Actor) {
    return this.lifecycle.submitPlan(id, dto, actor);
  }

  @Returns(CaseResponse)
  @Post('cases/:id/evaluation')
  @Roles(...CASEWORK_ROLES)
  @HttpCode(200)
  @ApiOperation({ summary: '评估 / Record the evaluation' })
  evaluation(@Param('id', ParseIdPipe) id: string, @Body() dto: EvaluationDto, @CurrentActor() actor: Actor) {
    return this.lifecycle.evaluate(id, dto, actor);
  }

  @Returns(CaseResponse)
  @Post('cases/:id/closure')
  @Roles(...CASEWORK_ROLES)
  @HttpCode(200)
  @ApiOperation({ summary: '结案 / Close the case' })
  close(@Param('id', ParseIdPipe) id: string, @Body() dto: ClosureDto, @CurrentActor() actor: Actor) {
    return this.lifecycle.close(id, dto, actor);
  }

  @Returns(CaseResponse)
  @Post('cases/:id/approval')
  @Roles(Role.Supervisor)
  @HttpCode(200)
  @ApiOperation({ summary: '督导审批（通过/退回）/ Supervisor approves or returns the pending step' })
  decide(@Param('id', ParseIdPipe) id: string, @Body() dto: ApprovalDecisionDto, @CurrentActor() actor: Actor) {
    return this.lifecycle.decide(id, dto, actor);
  }

  @Returns(CasesFollowUpResponse)
  @Post('cases/:id/follow-ups')
  @Roles(...CASEWORK_ROLES)
  @ApiOperation({ summary: '回访 / Record a follow-up after closure' })
  followUp(@Param('id', ParseIdPipe) id: string, @Body() dto: FollowUpDto, @CurrentActor() actor: Actor) {
    return this.records.followUp(id, dto, actor);
  }

  @Returns(CasesCommentResponse)
  @Post('cases/:id/comments')
  @Roles(...CASEWORK_ROLES)
  @ApiOperation({ summary: '督导意见 / Comment on a case' })
  comment(@Param('id', ParseIdPipe) id: string, @Body() dto: CaseCommentDto, @CurrentActor() actor: Actor) {
    return this.cases.comment(id, dto.body, actor);
  }

  @Returns(CaseResponse)
  @Patch('cases/:id/assignment')
  @Roles(Role.OrgAdmin, Role.Supervisor)
  @ApiOperation({ summary: '分派社工 / Reassign the worker or assisting workers' })
  assign(@Param('id', ParseIdPipe) id: string, @Body() dto: CaseAssignmentDto, @CurrentActor() actor: Actor) {
    return this.cases.assign(id, dto, actor);
  }

  @Returns(CasesFollowUpResponse)
  @Post('cases/:id/service-records')
  @Roles(...CASEWORK_ROLES)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '重试时使用同一个键，返回第一次的结果 / a retry with the same key returns the first answer' })
  @ApiOperation({ summary: '新增服务记录 / Add a service record' })
  addRecord(@Param('id', ParseIdPipe) id: string, @Body() dto: ServiceRecordDto, @Headers('idempotency-key') key: string | undefined, @CurrentActor() actor: Actor) {
    return this.records.add(id, dto, key, actor);
  }

  @Returns(CasesListRecordsResponse)
  @Get('cases/:id/service-records')
  @Roles(...CASEWORK_ROLES)
  @ApiOperation({ summary: '服务记录（记入访问日志）/ Service records of a case (logged)' })
  listRecords(@Param('id', ParseIdPipe) id: string, @CurrentActor() actor: Actor) {
    return this.records.list(id, actor);
  }

  @Returns(CasesFollowUpResponse)
  @Patch('service-records/:id')
  @Roles(...CASEWORK_ROLES)
  @ApiOperation({ summary: '修改服务记录（限期内，记录人）/ Edit a record within the edit window' })
  editRecord(@Param('id', ParseIdPipe) id: string, @Body() dto: EditServiceRecordDto, @CurrentActor() actor: Actor) {
    return this.records.edit(id, dto, actor);
  }

  @Returns(CasesFollowUpResponse)
  @Post('service-records/:id/corrections')
  @Roles(...CASEWORK_ROLES)
  @ApiOperation({ summary: '更正已锁定的服务记录（须理由，审计）/ Correct a locked record, with a reason, audited' })
  correctRecord(@Param('id', ParseIdPipe) id: string, @Body() dto: CorrectServiceRecordDto, @CurrentActor() actor: Actor) {
    return this.records.correct(id, dto, actor);
  }

  @Returns(ReferralResponse)
  @Post('cases/:id/referrals')
  @Roles(...CASEWORK_ROLES)
  @ApiOperation({ summary: '转介到本区其他机构（须转介同意）/ Refer to another organisation (needs referral consent)' })
  refer(@Param('id', ParseIdPipe) id: string, @Body() dto: CreateReferralDto, @CurrentActor() actor: Actor) {
    return this.referrals.create(id, dto, actor);
  }
}
