import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, ParseIdPipe, Role } from '@sanshe/common';
import { ApiContract, CurrentActor, Returns, Roles } from '@sanshe/auth';
import { AwardService } from './award.service';
import { ObjectionsService } from './objections.service';
import { AcceptAgreementDto, AnswerObjectionDto, OutcomeVersionDto, SelectionDto } from './outcome.dto';
import { SelectionService } from './selection.service';
import { AwardListResponse, ObjectionListResponse, OutcomeAcceptResponse, OutcomeAnswerResponse, OutcomeAwardResponse, OutcomePublishNoticeResponse, OutcomeResultResponse, OutcomeSelectResponse } from './outcome.response';

const OFFICIALS = [Role.DistrictAdmin, Role.ProgrammeOfficer];
const ORG_AND_OFFICIALS = [Role.DistrictAdmin, Role.ProgrammeOfficer, Role.FinanceOfficer, Role.OrgAdmin, Role.OrgStaff];

@ApiContract()
@ApiTags('calls 公益创投')
@Controller()
export class OutcomeController {
  constructor(
    private readonly selection: SelectionService,
    private readonly objections: ObjectionsService,
    private readonly awards: AwardService,
  ) {}

  @Returns(OutcomeSelectResponse)
  @Put('calls/:callId/selection')
  @Roles(...OFFICIALS)
  @ApiOperation({ summary: '确定入选名单（资金池内，调整须说明理由）/ Make the selection within the pool' })
  select(@Param('callId', ParseIdPipe) callId: string, @Body() dto: SelectionDto, @CurrentActor() actor: Actor) {
    return this.selection.select(callId, dto, actor);
  }

  @Returns(OutcomeSelectResponse)
  @Get('calls/:callId/selection')
  @Roles(...OFFICIALS)
  @ApiOperation({ summary: '入选名单 / The selection' })
  getSelection(@Param('callId', ParseIdPipe) callId: string) {
    return this.selection.selection(callId);
  }

  @Returns(OutcomePublishNoticeResponse)
  @Post('calls/:callId/notice')
  @Roles(...OFFICIALS)
  @HttpCode(200)
  @ApiOperation({ summary: '发布公示（按工作日计算公示期）/ Publish the public notice' })
  publishNotice(@Param('callId', ParseIdPipe) callId: string, @Body() dto: OutcomeVersionDto) {
    return this.selection.publishNotice(callId, dto.version);
  }

  @Returns(ObjectionListResponse)
  @Get('calls/:callId/objections')
  @Roles(...OFFICIALS)
  @ApiOperation({ summary: '异议列表（含联系方式）/ Objections with contact details' })
  listObjections(@Param('callId', ParseIdPipe) callId: string) {
    return this.objections.list(callId);
  }

  @Returns(OutcomeAnswerResponse)
  @Post('calls/:callId/objections/:id/answer')
  @Roles(...OFFICIALS)
  @HttpCode(200)
  @ApiOperation({ summary: '答复异议 / Answer an objection' })
  answer(@Param('callId', ParseIdPipe) callId: string, @Param('id', ParseIdPipe) id: string, @Body() dto: AnswerObjectionDto, @CurrentActor() actor: Actor) {
    return this.objections.answer(callId, id, dto.answer, actor);
  }

  @Returns(OutcomeAwardResponse)
  @Post('calls/:callId/award')
  @Roles(...OFFICIALS)
  @HttpCode(200)
  @ApiOperation({ summary: '立项（公示期满且异议均已答复）/ Award after the notice period with every objection answered' })
  award(@Param('callId', ParseIdPipe) callId: string, @Body() dto: OutcomeVersionDto) {
    return this.awards.award(callId, dto.version);
  }

  @Returns(AwardListResponse)
  @Get('calls/:callId/awards')
  @Roles(...OFFICIALS, Role.FinanceOfficer)
  @ApiOperation({ summary: '立项清单 / Awards of a call' })
  listAwards(@Param('callId', ParseIdPipe) callId: string) {
    return this.awards.listForCall(callId);
  }

  @Returns(OutcomeAcceptResponse)
  @Get('awards/:id')
  @Roles(...ORG_AND_OFFICIALS)
  @ApiOperation({ summary: '立项记录 / An award with its complete record' })
  getAward(@Param('id', ParseIdPipe) id: string, @CurrentActor() actor: Actor) {
    return this.awards.get(id, actor);
  }

  @Returns('file', { contentType: 'application/pdf', description: 'the signed grant agreement' })
  @Get('awards/:id/agreement.pdf')
  @Roles(...ORG_AND_OFFICIALS)
  @ApiOperation({ summary: '资助协议 PDF / The grant agreement PDF' })
  agreement(@Param('id', ParseIdPipe) id: string, @CurrentActor() actor: Actor) {
    return this.awards.agreement(id, actor);
  }

  @Returns(OutcomeAcceptResponse)
  @Post('awards/:id/agreement/accept')
  @Roles(Role.OrgAdmin)
  @HttpCode(200)
  @ApiOperation({ summary: '确认资助协议（立项生效）/ Accept the agreement: the award becomes final' })
  accept(@Param('id', ParseIdPipe) id: string, @Body() _dto: AcceptAgreementDto, @CurrentActor() actor: Actor) {
    return this.awards.accept(id, actor);
  }

  @Returns(OutcomeResultResponse)
  @Get('applications/:id/result')
  @Roles(...ORG_AND_OFFICIALS, Role.SocialWorker, Role.Supervisor)
  @ApiOperation({ summary: '评审结果摘要（立项后）/ My result summary, after the award' })
  result(@Param('id', ParseIdPipe) id: string, @CurrentActor() actor: Actor) {
    return this.awards.result(id, actor);
  }
}
