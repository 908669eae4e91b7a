import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Actor, PageOf, ParseIdPipe, Role } from '@sanshe/common';
import { ApiContract, CurrentActor, Returns, Roles } from '@sanshe/auth';
import { CaseloadService } from './caseload.service';
import { CASEWORK_ROLES, OFFICIAL_ROLES } from './casework-access.service';
import { CaseworkAggregatesService } from './casework-aggregates.service';
import { CaseworkSettingsService } from './casework-settings.service';
import { CommunityEventDto, CreateGroupDto, GroupSessionDto, ListCommunityEventsQuery, ListGroupsQuery } from './dto/group-work.dto';
import { ListReferralsQuery, ReferralDecisionDto } from './dto/referral.dto';
import { AggregatesQuery } from './dto/report.dto';
import { UpdateCaseworkSettingsDto } from './dto/settings.dto';
import { CertificateDto, ListAssignmentsQuery, SupervisionAssignmentDto, SupervisionSessionDto } from './dto/supervision.dto';
import { GroupWorkService } from './group-work.service';
import { ReferralsService } from './referrals.service';
import { SupervisionService } from './supervision.service';
import {
  CaseworkTeamAddCertificateResponse, CaseworkTeamAddEventResponse, CaseworkTeamDistrictAggregatesResponse,
  CaseworkTeamGetSettingsResponse, CaseworkTeamListCertificatesResponse, CaseworkTeamListSessionsResponse, CaseworkTeamLogSessionResponse,
  CaseworkTeamMineResponse, CaseworkTeamTeamResponse, CommunityEventSummary, GroupResponse, GroupSummary, ReferralResponse, ReferralSummary,
  SupervisionAssignmentResponse,
} from './casework-team.response';

@ApiContract()
@ApiTags('casework 小组·社区·督导·转介·统计')
@Controller('casework')
export class CaseworkTeamController {
  constructor(
    private readonly groups: GroupWorkService,
    private readonly supervision: SupervisionService,
    private readonly referrals: ReferralsService,
    private readonly caseload: CaseloadService,
    private readonly settings: CaseworkSettingsService,
    private readonly aggregates: CaseworkAggregatesService,
  ) {}

  @Returns(CaseworkTeamGetSettingsResponse)
  @Get('settings') @Roles(...CASEWORK_ROLES)
  @ApiOperation({ summary: '本机构个案设置 / Organisation casework settings' })
  getSettings(@CurrentActor() actor: Actor) { return this.settings.get(actor); }

  @Returns(CaseworkTeamGetSettingsResponse)
  @Patch('settings') @Roles(Role.OrgAdmin)
  @ApiOperation({ summary: '修改审批要求与锁定天数 / Change approval gates and record lock days' })
  updateSettings(@Body() dto: UpdateCaseworkSettingsDto, @CurrentActor() actor: Actor) { return this.settings.update(dto, actor); }

  @Returns(GroupResponse)
  @Post('groups') @Roles(...CASEWORK_ROLES)
  @ApiOperation({ summary: '新建小组 / Create a group' })
  createGroup(@Body() dto: CreateGroupDto, @CurrentActor() actor: Actor) { return this.groups.createGroup(dto, actor); }

  @Returns(PageOf(GroupSummary))
  @Get('groups') @Roles(...CASEWORK_ROLES)
  @ApiOperation({ summary: '小组列表 / Groups (a worker: the groups they or their supervisees lead)' })
  listGroups(@Query() q: ListGroupsQuery, @CurrentActor() actor: Actor) { return this.groups.listGroups(q, actor); }

  @Returns(GroupResponse)
  @Get('groups/:id') @Roles(...CASEWORK_ROLES)
  @ApiOperation({ summary: '小组详情（节次、出席）/ A group with sessions and attendance' })
  getGroup(@Param('id', ParseIdPipe) id: string, @CurrentActor() actor: Actor) { return this.groups.getGroup(id, actor); }

  @Returns(GroupResponse)
  @Post('groups/:id/sessions') @Roles(...CASEWORK_ROLES)
  @ApiOperation({ summary: '小组节次记录与出席 / Record a session and who attended' })
  addSession(@Param('id', ParseIdPipe) id: string, @Body() dto: GroupSessionDto, @CurrentActor() actor: Actor) { return this.groups.addSession(id, dto, actor); }

  @Returns(CaseworkTeamAddEventResponse)
  @Post('community-events') @Roles(...CASEWORK_ROLES)
  @ApiOperation({ summary: '社区活动 / Record a community event' })
  addEvent(@Body() dto: CommunityEventDto, @CurrentActor() actor: Actor) { return this.groups.addEvent(dto, actor); }

  @Returns(PageOf(CommunityEventSummary))
  @Get('community-events') @Roles(...CASEWORK_ROLES)
  @ApiOperation({ summary: '社区活动列表 / Community events' })
  listEvents(@Query() q: ListCommunityEventsQuery, @CurrentActor() actor: Actor) { return this.groups.listEvents(q, actor); }

  @Returns(SupervisionAssignmentResponse)
  @Post('supervision/assignments') @Roles(Role.OrgAdmin)
  @ApiOperation({ summary: '指定督导关系 / Assign a supervisor to a worker' })
  assign(@Body() dto: SupervisionAssignmentDto, @CurrentActor() actor: Actor) { return this.supervision.assign(dto, actor); }

  @Returns(PageOf(SupervisionAssignmentResponse))
  @Get('supervision/assignments') @Roles(...CASEWORK_ROLES)
  @ApiOperation({ summary: '督导关系 / Supervision assignments (current ones unless status=ended)' })
  listAssignments(@Query() q: ListAssignmentsQuery, @CurrentActor() actor: Actor) { return this.supervision.listAssignments(q, actor); }

  @Returns(SupervisionAssignmentResponse)
  @Post('supervision/assignments/:id/end') @Roles(Role.OrgAdmin) @HttpCode(200)
  @ApiOperation({ summary: '结束督导关系 / End an assignment' })
  endAssignment(@Param('id', ParseIdPipe) id: string, @CurrentActor() actor: Actor) { return this.supervision.endAssignment(id, actor); }

  @Returns(CaseworkTeamLogSessionResponse)
  @Post('supervision/sessions') @Roles(Role.Supervisor)
  @ApiOperation({ summary: '督导记录 / Log a supervision session' })
  logSession(@Body() dto: SupervisionSessionDto, @CurrentActor() actor: Actor) { return this.supervision.logSession(dto, actor); }

  @Returns(CaseworkTeamListSessionsResponse)
  @Get('supervision/sessions') @Roles(...CASEWORK_ROLES)
  @ApiOperation({ summary: '督导记录列表 / Supervision sessions' })
  listSessions(@CurrentActor() actor: Actor) { return this.supervision.listSessions(actor); }

  @Returns(CaseworkTeamAddCertificateResponse)
  @Post('certificates') @Roles(...CASEWORK_ROLES)
  @ApiOperation({ summary: '登记职业资格证书 / Add a social work certificate' })
  addCertificate(@Body() dto: CertificateDto, @CurrentActor() actor: Actor) { return this.supervision.addCertificate(dto, actor); }

  @Returns(CaseworkTeamListCertificatesResponse)
  @Get('certificates') @Roles(...CASEWORK_ROLES)
  @ApiQuery({ name: 'membershipId', required: false })
  @ApiOperation({ summary: '证书 / Certificates of a worker (default: yourself)' })
  listCertificates(@Query('membershipId') membershipId: string | undefined, @CurrentActor() actor: Actor) {
    return this.supervision.listCertificates(membershipId ? new ParseIdPipe().transform(membershipId) : undefined, actor);
  }

  @Returns(PageOf(ReferralSummary))
  @Get('referrals') @Roles(...CASEWORK_ROLES)
  @ApiOperation({ summary: '转介（收到/发出）/ Referrals, incoming or outgoing' })
  listReferrals(@Query() q: ListReferralsQuery, @CurrentActor() actor: Actor) { return this.referrals.list(q, actor); }

  @Returns(ReferralResponse)
  @Get('referrals/:id') @Roles(...CASEWORK_ROLES)
  @ApiOperation({ summary: '转介详情 / A referral (the receiver sees what was shared)' })
  getReferral(@Param('id', ParseIdPipe) id: string, @CurrentActor() actor: Actor) { return this.referrals.get(id, actor); }

  @Returns(ReferralResponse)
  @Post('referrals/:id/decision') @Roles(Role.OrgAdmin, Role.Supervisor) @HttpCode(200)
  @ApiOperation({ summary: '接收或拒绝转介 / Accept or decline a referral' })
  decideReferral(@Param('id', ParseIdPipe) id: string, @Body() dto: ReferralDecisionDto, @CurrentActor() actor: Actor) { return this.referrals.decide(id, dto, actor); }

  @Returns(CaseworkTeamMineResponse)
  @Get('caseload/mine') @Roles(Role.SocialWorker, Role.Supervisor)
  @ApiOperation({ summary: '我的个案与待办 / My open cases and what is due' })
  mine(@CurrentActor() actor: Actor) { return this.caseload.mine(actor); }

  @Returns(CaseworkTeamTeamResponse)
  @Get('caseload/team') @Roles(Role.Supervisor)
  @ApiOperation({ summary: '督导团队视图 / The supervisor\'s team view' })
  team(@CurrentActor() actor: Actor) { return this.caseload.team(actor); }

  @Returns(CaseworkTeamDistrictAggregatesResponse)
  @Get('aggregates') @Roles(...OFFICIAL_ROLES)
  @ApiOperation({ summary: '区级汇总（不含个人，小数抑制）/ District aggregates, no persons, small counts suppressed', description: 'from/to (inclusive service days, either may be left out) bound hours and the services breakdowns (by community, method and month); counts of 1 to 4 people or records are "<5".' })
  districtAggregates(@Query() q: AggregatesQuery) { return this.aggregates.district(q); }
}
