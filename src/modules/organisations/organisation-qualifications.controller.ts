import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, ORGANISATION_ROLES, PageOf, ParseIdPipe } from '@sanshe/common';
import { ApiContract, CurrentActor, Returns, Roles } from '@sanshe/auth';
import { VersionReasonDto, VersionDto } from './dto/organisation.dto';
import { ApproveQualificationDto, ExpireQualificationDto, ListQualificationsQuery } from './dto/qualification.dto';
import { REGISTRY_DECIDERS, REGISTRY_READERS } from './organisation-access';
import { OrganisationQualificationsService } from './organisation-qualifications.service';
import { QualificationQueueItem, QualificationResponse } from './organisations.response';

@ApiContract()
@ApiTags('organisations 社会组织名录')
@Controller('organisation-qualifications')
export class OrganisationQualificationsController {
  constructor(private readonly qualifications: OrganisationQualificationsService) {}

  @Returns(PageOf(QualificationQueueItem))
  @Get()
  @Roles(...REGISTRY_READERS)
  @ApiOperation({ summary: '承接资质审核 / Qualification applications and decisions across the district' })
  list(@Query() query: ListQualificationsQuery) {
    return this.qualifications.list(query);
  }

  @Returns(QualificationResponse)
  @Post(':id/approve')
  @Roles(...REGISTRY_DECIDERS)
  @HttpCode(200)
  @ApiOperation({ summary: '批准 / Approve (all or some areas, from a date, optionally until a date)' })
  approve(@Param('id', ParseIdPipe) id: string, @Body() dto: ApproveQualificationDto, @CurrentActor() actor: Actor) {
    return this.qualifications.approve(id, dto, actor);
  }

  @Returns(QualificationResponse)
  @Post(':id/reject')
  @Roles(...REGISTRY_DECIDERS)
  @HttpCode(200)
  @ApiOperation({ summary: '不予批准 / Reject with reasons' })
  reject(@Param('id', ParseIdPipe) id: string, @Body() dto: VersionReasonDto, @CurrentActor() actor: Actor) {
    return this.qualifications.reject(id, dto.version, dto.reason, actor);
  }

  @Returns(QualificationResponse)
  @Post(':id/expire')
  @Roles(...REGISTRY_DECIDERS)
  @HttpCode(200)
  @ApiOperation({ summary: '设定到期日 / End an approved qualification on a date' })
  expire(@Param('id', ParseIdPipe) id: string, @Body() dto: ExpireQualificationDto, @CurrentActor() actor: Actor) {
    return this.qualifications.expire(id, dto, actor);
  }

  @Returns(QualificationResponse)
  @Post(':id/revoke')
  @Roles(...REGISTRY_DECIDERS)
  @HttpCode(200)
  @ApiOperation({ summary: '撤销 / Revoke an approved qualification with reasons' })
  revoke(@Param('id', ParseIdPipe) id: string, @Body() dto: VersionReasonDto, @CurrentActor() actor: Actor) {
    return this.qualifications.revoke(id, dto.version, dto.reason, actor);
  }

  @Returns(QualificationResponse)
  @Post(':id/withdraw')
  @Roles(...ORGANISATION_ROLES, ...REGISTRY_DECIDERS)
  @HttpCode(200)
  @ApiOperation({ summary: '撤回申请 / The organisation withdraws its application' })
  withdraw(@Param('id', ParseIdPipe) id: string, @Body() dto: VersionDto, @CurrentActor() actor: Actor) {
    return this.qualifications.withdraw(id, dto.version, actor);
  }
}
