import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@sanshe/common';
import { ApiContract, CurrentActor, OperatorOnly, Returns } from '@sanshe/auth';
import { DistrictsService } from './districts.service';
import { CreateDistrictDto } from './dto/create-district.dto';
import { PlatformListResponse, PlatformOpenResponse } from './platform.response';

@ApiContract()
@ApiTags('platform 平台运营')
@Controller('platform/districts')
export class PlatformController {
  constructor(private readonly districts: DistrictsService) {}

  @Returns(PlatformOpenResponse)
  @Post()
  @OperatorOnly()
  @ApiOperation({ summary: '开通区县 / Open a district and invite its first admin' })
  open(@Body() dto: CreateDistrictDto, @CurrentActor() actor: Actor) {
    return this.districts.open(dto, actor);
  }

  @Returns(PlatformListResponse)
  @Get()
  @OperatorOnly()
  @ApiOperation({ summary: '已开通区县 / Districts on the platform' })
  list() {
    return this.districts.list();
  }
}
