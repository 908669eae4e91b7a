import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiContract, PublicDistrict, Returns } from '@sanshe/auth';
import { TenantContext } from '@sanshe/tenancy';
import { PortalDistrictResponse } from './portal-district.response';

/**
 * The district a portal belongs to: its code and display name for the portal's header. Every portal page reads it,
 * so it is its own small read rather than a side field of some list. An unknown or closed district is 404 (the
 * public-district access rule answers before this runs).
 */
@ApiContract()
@ApiTags('portal 公开门户')
@Controller('public/districts/:districtCode')
export class PortalDistrictController {
  constructor(private readonly ctx: TenantContext) {}

  @Returns(PortalDistrictResponse)
  @Get()
  @PublicDistrict()
  @ApiParam({ name: 'districtCode', example: '510107' })
  @ApiOperation({ summary: '门户所属区县 / The district whose portal this is (code and display name)' })
  async district(): Promise<PortalDistrictResponse> {
    const d = await this.ctx.district();
    return { code: d.code, name: d.name };
  }
}
