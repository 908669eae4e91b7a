import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor, PageOf, ParseIdPipe, Role } from '@sanshe/common';
import { ApiContract, CurrentActor, Returns, Roles } from '@sanshe/auth';
import { BeneficiariesService } from './beneficiaries.service';
import { CASEWORK_ROLES } from './casework-access.service';
import { ConsentsService } from './consents.service';
import { AccessLogQuery, ListBeneficiariesQuery, LookupBeneficiaryDto, RegisterBeneficiaryDto, RevealDto, UpdateBeneficiaryDto } from './dto/beneficiary.dto';
import { RecordConsentDto, WithdrawConsentDto } from './dto/consent.dto';
import { PiiAccessLogService } from './pii-access-log.service';
import { CaseworkAccess } from './casework-access.service';
import { AccessLogSummary, BeneficiariesLookupResponse, BeneficiariesRecordConsentResponse, BeneficiariesRegisterResponse, BeneficiariesRevealResponse, BeneficiariesWithdrawResponse, BeneficiaryResponse, BeneficiarySummary, ConsentListResponse } from './beneficiaries.response';

@ApiContract()
@ApiTags('casework 服务对象')
@Controller('casework')
export class BeneficiariesController {
  constructor(
    private readonly beneficiaries: BeneficiariesService,
    private readonly consents: ConsentsService,
    private readonly accessLog: PiiAccessLogService,
    private readonly access: CaseworkAccess,
  ) {}

  @Returns(BeneficiariesRegisterResponse)
  @Post('beneficiaries')
  @Roles(...CASEWORK_ROLES)
  @ApiOperation({ summary: '登记服务对象（同一身份证号返回已有记录）/ Register a person; a known ID number returns the existing record (200)' })
  async register(@Body() dto: RegisterBeneficiaryDto, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    const result = await this.beneficiaries.register(dto, actor);
    res.status(result.existing ? 200 : 201);
    return result;
  }

  @Returns(BeneficiariesLookupResponse)
  @Post('beneficiaries/lookup')
  @Roles(...CASEWORK_ROLES)
  @HttpCode(200)
  @ApiOperation({ summary: '按身份证号查找（掩码结果）/ Find by ID number (masked answer)' })
  lookup(@Body() dto: LookupBeneficiaryDto, @CurrentActor() actor: Actor) {
    return this.beneficiaries.lookup(dto.idNumber, actor);
  }

  @Returns(PageOf(BeneficiarySummary))
  @Get('beneficiaries')
  @Roles(...CASEWORK_ROLES)
  @ApiOperation({ summary: '服务对象列表（掩码）/ People you may see, masked' })
  list(@Query() query: ListBeneficiariesQuery, @CurrentActor() actor: Actor) {
    return this.beneficiaries.list(query, actor);
  }

  @Returns(BeneficiaryResponse)
  @Get('beneficiaries/:id')
  @Roles(...CASEWORK_ROLES)
  @ApiOperation({ summary: '服务对象详情（掩码）/ One person, masked' })
  get(@Param('id', ParseIdPipe) id: string, @CurrentActor() actor: Actor) {
    return this.beneficiaries.get(id, actor);
  }

  @Returns(BeneficiaryResponse)
  @Patch('beneficiaries/:id')
  @Roles(...CASEWORK_ROLES)
  @ApiOperation({ summary: '修改服务对象信息 / Update a person' })
  update(@Param('id', ParseIdPipe) id: string, @Body() dto: UpdateBeneficiaryDto, @CurrentActor() actor: Actor) {
    return this.beneficiaries.update(id, dto, actor);
  }

  @Returns(BeneficiariesRevealResponse)
  @Post('beneficiaries/:id/reveal')
  @Roles(...CASEWORK_ROLES)
  @HttpCode(200)
  @ApiOperation({ summary: '查看明文（须填理由，记入访问日志）/ Reveal a clear value, with a reason, logged' })
  reveal(@Param('id', ParseIdPipe) id: string, @Body() dto: RevealDto, @CurrentActor() actor: Actor) {
    return this.beneficiaries.reveal(id, dto.field, dto.reason, actor);
  }

  @Returns(BeneficiariesRecordConsentResponse)
  @Post('beneficiaries/:id/consents')
  @Roles(...CASEWORK_ROLES)
  @ApiOperation({ summary: '登记知情同意 / Record a consent' })
  recordConsent(@Param('id', ParseIdPipe) id: string, @Body() dto: RecordConsentDto, @CurrentActor() actor: Actor) {
    return this.consents.record(id, dto, actor);
  }

  @Returns(ConsentListResponse)
  @Get('beneficiaries/:id/consents')
  @Roles(...CASEWORK_ROLES)
  @ApiOperation({ summary: '知情同意记录 / Consents of a person' })
  listConsents(@Param('id', ParseIdPipe) id: string, @CurrentActor() actor: Actor) {
    return this.consents.list(id, actor);
  }

  @Returns(BeneficiariesWithdrawResponse)
  @Post('consents/:id/withdraw')
  @Roles(...CASEWORK_ROLES)
  @HttpCode(200)
  @ApiOperation({ summary: '撤回同意 / Withdraw a consent' })
  withdraw(@Param('id', ParseIdPipe) id: string, @Body() dto: WithdrawConsentDto, @CurrentActor() actor: Actor) {
    return this.consents.withdraw(id, dto.reason, actor);
  }

  @Returns(PageOf(AccessLogSummary))
  @Get('access-log')
  @Roles(Role.OrgAdmin)
  @ApiOperation({ summary: '个人信息访问日志（机构管理员）/ Personal-data access log, for the organisation admin' })
  async accessLogList(@Query() query: AccessLogQuery, @CurrentActor() actor: Actor) {
    return this.accessLog.list(await this.access.scope(actor), query);
  }
}
