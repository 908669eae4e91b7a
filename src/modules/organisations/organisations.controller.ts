import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Actor, ORGANISATION_ROLES, ParseIdPipe } from '@sanshe/common';
import { ApiContract, CurrentActor, Returns, Roles } from '@sanshe/auth';
import { EligibilityQuery } from './dto/eligibility.query';
import { ListOrganisationsQuery, OrganisationFilters, OrganisationMembersQuery } from './dto/list-organisations.query';
import { CreateOrganisationDto, InviteStaffDto, VersionReasonDto, RecordGradeDto, UpdateOrganisationDto, VerifyDto, VersionDto } from './dto/organisation.dto';
import { ApplyQualificationDto } from './dto/qualification.dto';
import { REGISTRY_DECIDERS, REGISTRY_READERS } from './organisation-access';
import { OrganisationEligibilityService } from './organisation-eligibility.service';
import { OrganisationQualificationsService } from './organisation-qualifications.service';
import { OrganisationQueryService } from './organisation-query.service';
import { OrganisationRegistryService } from './organisation-registry.service';
import { OrganisationReviewService } from './organisation-review.service';
import { OrganisationStaffService } from './organisation-staff.service';
import { OrganisationStore } from './organisation.store';
import { MemberListResponse, OrganisationListResponse, OrganisationRecordResponse, OrganisationResponse, OrganisationsCreateResponse, OrganisationsEligibleResponse, OrganisationsHistoryResponse, OrganisationsInviteResponse, QualificationListResponse, QualificationResponse } from './organisations.response';

const READERS = [...REGISTRY_READERS, ...ORGANISATION_ROLES];
const MANAGERS = [...REGISTRY_DECIDERS, ...ORGANISATION_ROLES];

@ApiContract()
@ApiTags('organisations 社会组织名录')
@Controller('organisations')
export class OrganisationsController {
  constructor(
    private readonly registry: OrganisationRegistryService,
    private readonly review: OrganisationReviewService,
    private readonly query: OrganisationQueryService,
    private readonly qualifications: OrganisationQualificationsService,
    private readonly staff: OrganisationStaffService,
    private readonly eligibility: OrganisationEligibilityService,
    private readonly store: OrganisationStore,
  ) {}

  @Returns(OrganisationListResponse)
  @Get()
  @Roles(...REGISTRY_READERS)
  @ApiOperation({ summary: '社会组织名录 / The registry: search, filters, counts per status, paging' })
  list(@Query() q: ListOrganisationsQuery) {
    return this.query.list(q);
  }

  @Returns('file', { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', description: 'the registry rows as .xlsx (no bank data)' })
  @Get('export')
  @Roles(...REGISTRY_READERS)
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ summary: '导出 Excel / The filtered registry as an .xlsx workbook (Chinese headers)' })
  async export(@Query() filters: OrganisationFilters): Promise<StreamableFile> {
    const file = await this.query.exportXlsx(filters);
    return new StreamableFile(file.buffer, {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      disposition: `attachment; filename="organisations.xlsx"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      length: file.buffer.length,
    });
  }

  @Returns(OrganisationsCreateResponse)
  @Post()
  @Roles(...REGISTRY_DECIDERS)
  @ApiOperation({ summary: '代为登记 / Register an organisation on its behalf (draft), optionally inviting its admin' })
  create(@Body() dto: CreateOrganisationDto, @CurrentActor() actor: Actor) {
    return this.registry.create(dto, actor);
  }

  @Returns(OrganisationResponse)
  @Get('mine')
  @Roles(...ORGANISATION_ROLES)
  @ApiOperation({ summary: '本组织 / The organisation I act for' })
  mine(@CurrentActor() actor: Actor) {
    return this.registry.mine(actor);
  }

  @Returns(OrganisationResponse)
  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: '组织详情 / One record with documents and what is missing for submission' })
  get(@Param('id', ParseIdPipe) id: string, @CurrentActor() actor: Actor) {
    return this.registry.get(id, actor);
  }

  @Returns(OrganisationsHistoryResponse)
  @Get(':id/history')
  @Roles(...READERS)
  @ApiOperation({ summary: '状态记录 / Status history (verification, standing, grade, changes)' })
  history(@Param('id', ParseIdPipe) id: string, @CurrentActor() actor: Actor) {
    return this.registry.history(id, actor);
  }

  @Returns(OrganisationsEligibleResponse)
  @Get(':id/eligibility')
  @Roles(...READERS)
  @ApiOperation({ summary: '资格判断 / Is this organisation eligible (grade, years, area, qualification)? With reasons' })
  async eligible(@Param('id', ParseIdPipe) id: string, @Query() q: EligibilityQuery, @CurrentActor() actor: Actor) {
    await this.store.findVisible(id, actor);
    return this.eligibility.check(id, {
      minGrade: q.minGrade, minYearsRegistered: q.minYearsRegistered, serviceArea: q.serviceArea,
      requireQualification: q.requireQualification === 'true', at: q.at,
    });
  }

  @Returns(MemberListResponse)
  @Get(':id/members')
  @Roles(...READERS)
  @ApiOperation({ summary: '本组织人员 / People acting for the organisation' })
  members(@Param('id', ParseIdPipe) id: string, @Query() page: OrganisationMembersQuery, @CurrentActor() actor: Actor) {
    return this.staff.list(id, actor, page);
  }

  @Returns(OrganisationsInviteResponse)
  @Post(':id/members')
  @Roles(...MANAGERS)
  @ApiOperation({ summary: '邀请本组织人员 / Invite staff, social workers or supervisors into the organisation' })
  invite(@Param('id', ParseIdPipe) id: string, @Body() dto: InviteStaffDto, @CurrentActor() actor: Actor) {
    return this.staff.invite(id, dto, actor);
  }

  @Returns(QualificationListResponse)
  @Get(':id/qualifications')
  @Roles(...READERS)
  @ApiOperation({ summary: '承接资质 / Qualification applications and decisions of the organisation' })
  listQualifications(@Param('id', ParseIdPipe) id: string, @CurrentActor() actor: Actor) {
    return this.qualifications.listForOrganisation(id, actor);
  }

  @Returns(QualificationResponse)
  @Post(':id/qualifications')
  @Roles(...MANAGERS)
  @ApiOperation({ summary: '申请承接资质 / Apply for qualification to undertake government purchases' })
  apply(@Param('id', ParseIdPipe) id: string, @Body() dto: ApplyQualificationDto, @CurrentActor() actor: Actor) {
    return this.qualifications.apply(id, dto, actor);
  }

  @Returns(OrganisationRecordResponse)
  @Patch(':id')
  @Roles(...MANAGERS)
  @ApiOperation({ summary: '修改资料 / Edit the profile (core facts of a verified record go to the district for approval)' })
  update(@Param('id', ParseIdPipe) id: string, @Body() dto: UpdateOrganisationDto, @CurrentActor() actor: Actor) {
    return this.registry.update(id, dto, actor);
  }

  @Returns(OrganisationRecordResponse)
  @Post(':id/submit')
  @Roles(...MANAGERS)
  @HttpCode(200)
  @ApiOperation({ summary: '提交核验 / Submit for verification' })
  submit(@Param('id', ParseIdPipe) id: string, @Body() dto: VersionDto, @CurrentActor() actor: Actor) {
    return this.registry.submit(id, dto.version, actor);
  }

  @Returns(OrganisationRecordResponse)
  @Post(':id/withdraw')
  @Roles(...MANAGERS)
  @HttpCode(200)
  @ApiOperation({ summary: '撤回 / Take a submission back to draft' })
  withdraw(@Param('id', ParseIdPipe) id: string, @Body() dto: VersionDto, @CurrentActor() actor: Actor) {
    return this.registry.withdraw(id, dto.version, actor);
  }

  @Returns(OrganisationRecordResponse)
  @Post(':id/verify')
  @Roles(...REGISTRY_DECIDERS)
  @HttpCode(200)
  @ApiOperation({ summary: '核验通过 / Verify the registration' })
  verify(@Param('id', ParseIdPipe) id: string, @Body() dto: VerifyDto, @CurrentActor() actor: Actor) {
    return this.review.verify(id, dto.version, dto.note, actor);
  }

  @Returns(OrganisationRecordResponse)
  @Post(':id/return')
  @Roles(...REGISTRY_DECIDERS)
  @HttpCode(200)
  @ApiOperation({ summary: '退回修改 / Return the registration with reasons' })
  returnIt(@Param('id', ParseIdPipe) id: string, @Body() dto: VersionReasonDto) {
    return this.review.return(id, dto.version, dto.reason);
  }

  @Returns(OrganisationRecordResponse)
  @Post(':id/close')
  @Roles(...REGISTRY_DECIDERS)
  @HttpCode(200)
  @ApiOperation({ summary: '注销 / Close the record (deregistered, or opened in error); frees the credit code' })
  close(@Param('id', ParseIdPipe) id: string, @Body() dto: VersionReasonDto) {
    return this.review.close(id, dto.version, dto.reason);
  }

  @Returns(OrganisationRecordResponse)
  @Post(':id/grade')
  @Roles(...REGISTRY_DECIDERS)
  @HttpCode(200)
  @ApiOperation({ summary: '记录评估等级 / Record the assessment grade (1A-5A) and its validity' })
  grade(@Param('id', ParseIdPipe) id: string, @Body() dto: RecordGradeDto) {
    return this.review.recordGrade(id, dto);
  }

  @Returns(OrganisationRecordResponse)
  @Post(':id/suspend')
  @Roles(...REGISTRY_DECIDERS)
  @HttpCode(200)
  @ApiOperation({ summary: '暂停 / Suspend with a reason' })
  suspend(@Param('id', ParseIdPipe) id: string, @Body() dto: VersionReasonDto) {
    return this.review.changeStanding(id, 'suspend', dto.version, dto.reason);
  }

  @Returns(OrganisationRecordResponse)
  @Post(':id/reinstate')
  @Roles(...REGISTRY_DECIDERS)
  @HttpCode(200)
  @ApiOperation({ summary: '恢复 / Lift a suspension' })
  reinstate(@Param('id', ParseIdPipe) id: string, @Body() dto: VersionReasonDto) {
    return this.review.changeStanding(id, 'reinstate', dto.version, dto.reason);
  }

  @Returns(OrganisationRecordResponse)
  @Post(':id/blacklist')
  @Roles(...REGISTRY_DECIDERS)
  @HttpCode(200)
  @ApiOperation({ summary: '列入严重违法失信名单 / Blacklist with a reason (takes effect everywhere at once)' })
  blacklist(@Param('id', ParseIdPipe) id: string, @Body() dto: VersionReasonDto) {
    return this.review.changeStanding(id, 'blacklist', dto.version, dto.reason);
  }

  @Returns(OrganisationRecordResponse)
  @Post(':id/delist')
  @Roles(...REGISTRY_DECIDERS)
  @HttpCode(200)
  @ApiOperation({ summary: '移出严重违法失信名单 / Remove from the blacklist' })
  delist(@Param('id', ParseIdPipe) id: string, @Body() dto: VersionReasonDto) {
    return this.review.changeStanding(id, 'delist', dto.version, dto.reason);
  }

  @Returns(OrganisationRecordResponse)
  @Post(':id/changes/approve')
  @Roles(...REGISTRY_DECIDERS)
  @HttpCode(200)
  @ApiOperation({ summary: '核心信息变更通过 / Approve the pending change of core facts' })
  approveChange(@Param('id', ParseIdPipe) id: string, @Body() dto: VersionDto) {
    return this.review.approveChange(id, dto.version);
  }

  @Returns(OrganisationRecordResponse)
  @Post(':id/changes/return')
  @Roles(...REGISTRY_DECIDERS)
  @HttpCode(200)
  @ApiOperation({ summary: '核心信息变更退回 / Return the pending change with a reason' })
  returnChange(@Param('id', ParseIdPipe) id: string, @Body() dto: VersionReasonDto) {
    return this.review.returnChange(id, dto.version, dto.reason);
  }
}
