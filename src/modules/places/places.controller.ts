import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ParseIdPipe, Role } from '@sanshe/common';
import { ReadOnly, Roles } from '@sanshe/auth';
import { CreatePlaceDto, ListPlacesQuery, UpdatePlaceDto, VersionDto } from './dto/place.dto';
import { PlacesService } from './places.service';

@ApiTags('places 街道社区')
@Controller('places')
export class PlacesController {
  constructor(private readonly places: PlacesService) {}

  @Get('tree')
  @Roles()
  @ApiOperation({ summary: '区划树 / The district → street → community tree' })
  tree() {
    return this.places.tree();
  }

  @Get()
  @Roles()
  @ReadOnly()
  @ApiOperation({ summary: '区划列表 / Streets and communities, filtered and paged' })
  list(@Query() query: ListPlacesQuery) {
    return this.places.list(query);
  }

  @Get(':id')
  @Roles()
  @ApiOperation({ summary: '区划详情 / One place with its path' })
  get(@Param('id', ParseIdPipe) id: string) {
    return this.places.get(id);
  }

  @Post()
  @Roles(Role.DistrictAdmin)
  @ApiOperation({ summary: '新增街道/社区 / Add a street, town, community or village' })
  create(@Body() dto: CreatePlaceDto) {
    return this.places.create(dto);
  }

  @Patch(':id')
  @Roles(Role.DistrictAdmin)
  @ApiOperation({ summary: '修改区划 / Rename or recode a place' })
  update(@Param('id', ParseIdPipe) id: string, @Body() dto: UpdatePlaceDto) {
    return this.places.update(id, dto);
  }

  @Post(':id/archive')
  @Roles(Role.DistrictAdmin)
  @HttpCode(200)
  @ApiOperation({ summary: '撤销区划 / Archive a place with nothing left in it' })
  archive(@Param('id', ParseIdPipe) id: string, @Body() dto: VersionDto) {
    return this.places.archive(id, dto.version);
  }
}
