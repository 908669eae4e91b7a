import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ParseIdPipe } from '@sanshe/common';
import { ApiContract, PublicDistrict, Returns } from '@sanshe/auth';
import { CallsPortalService } from './calls-portal.service';
import { CallsPortalListResponse, PublicCallResponse } from './calls-portal.response';

/** The public portal's venture-call pages: published calls with their rules and timeline. */
@ApiContract()
@ApiTags('portal 公开门户')
@Controller('public/districts/:districtCode')
export class CallsPortalController {
  constructor(private readonly portal: CallsPortalService) {}

  @Returns(CallsPortalListResponse)
  @Get('calls')
  @PublicDistrict()
  @ApiParam({ name: 'districtCode', example: '510107' })
  @ApiOperation({ summary: '公益创投征集公告 / Published venture calls' })
  list() {
    return this.portal.list();
  }

  @Returns(PublicCallResponse)
  @Get('calls/:id')
  @PublicDistrict()
  @ApiParam({ name: 'districtCode', example: '510107' })
  @ApiOperation({ summary: '征集公告详情 / A published call' })
  get(@Param('id', ParseIdPipe) id: string) {
    return this.portal.get(id);
  }
}
