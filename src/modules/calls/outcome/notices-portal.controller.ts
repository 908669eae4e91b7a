import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ParseIdPipe, RateLimit } from '@sanshe/common';
import { ApiContract, PublicDistrict, Returns } from '@sanshe/auth';
import { NoticesPortalService } from './notices-portal.service';
import { ObjectionsService } from './objections.service';
import { ObjectionDto, ObjectionReceiptQuery } from './outcome.dto';
import { NoticesPortalGetResponse, NoticesPortalListResponse, NoticesPortalObjectResponse, ObjectionResponse } from './notices-portal.response';

/** The public portal's notices (公示) and the objection form (异议), without signing in. */
@ApiContract()
@ApiTags('portal 公开门户')
@Controller('public/districts/:districtCode')
export class NoticesPortalController {
  constructor(
    private readonly notices: NoticesPortalService,
    private readonly objections: ObjectionsService,
  ) {}

  @Returns(NoticesPortalListResponse)
  @Get('notices')
  @PublicDistrict()
  @ApiParam({ name: 'districtCode', example: '510107' })
  @ApiOperation({ summary: '公益创投拟资助项目公示 / Public notices of selected projects' })
  list() {
    return this.notices.list();
  }

  @Returns(NoticesPortalGetResponse)
  @Get('calls/:id/notice')
  @PublicDistrict()
  @ApiParam({ name: 'districtCode', example: '510107' })
  @ApiOperation({ summary: '某次征集的公示 / The notice of one call' })
  get(@Param('id', ParseIdPipe) id: string) {
    return this.notices.get(id);
  }

  @Returns(NoticesPortalObjectResponse)
  @Post('calls/:id/objections')
  @PublicDistrict()
  @RateLimit(5, 3600)
  @ApiParam({ name: 'districtCode', example: '510107' })
  @ApiOperation({ summary: '对公示提出异议（须留联系方式）/ File an objection with contact details' })
  object(@Param('id', ParseIdPipe) id: string, @Body() dto: ObjectionDto) {
    return this.objections.file(id, dto);
  }

  @Returns(ObjectionResponse)
  @Get('calls/:id/objections/:objectionId')
  @PublicDistrict()
  @ApiParam({ name: 'districtCode', example: '510107' })
  @ApiOperation({ summary: '查询我的异议及答复（凭回执码）/ Read my objection and its answer with the receipt code' })
  track(@Param('id', ParseIdPipe) id: string, @Param('objectionId', ParseIdPipe) objectionId: string, @Query() query: ObjectionReceiptQuery) {
    return this.objections.track(id, objectionId, query.receipt);
  }
}
