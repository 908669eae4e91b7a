import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, PageOf, ParseIdPipe, Role } from '@sanshe/common';
import { ApiContract, CurrentActor, Returns, Roles } from '@sanshe/auth';
import { CallsService } from './calls.service';
import { DistrictHolidaysService } from './district-holidays.service';
import { CallDraftDto, CallVersionDto, CancelCallDto, HolidayDto, HolidayYearQuery, ListCallsQuery, UpdateCallDto } from './dto/call.dto';
import { CallResponse, CallsListHolidaysResponse, DistrictHolidayResponse } from './calls.response';

export const CALL_MANAGERS = [Role.DistrictAdmin, Role.ProgrammeOfficer];

@ApiContract()
@ApiTags('calls 公益创投')
@Controller()
export class CallsController {
  constructor(
    private readonly calls: CallsService,
    private readonly holidays: DistrictHolidaysService,
  ) {}

  @Returns(CallResponse)
  @Post('calls')
  @Roles(...CALL_MANAGERS)
  @ApiOperation({ summary: '起草征集 / Draft a call' })
  create(@Body() dto: CallDraftDto, @CurrentActor() actor: Actor) {
    return this.calls.create(dto, actor);
  }

  @Returns(PageOf(CallResponse))
  @Get('calls')
  @Roles()
  @ApiOperation({ summary: '征集列表 / Calls (officials also see drafts)' })
  list(@Query() query: ListCallsQuery, @CurrentActor() actor: Actor) {
    return this.calls.list(query, actor);
  }

  @Returns(CallResponse)
  @Get('calls/:id')
  @Roles()
  @ApiOperation({ summary: '征集详情（含申报表和评分标准）/ A call with its form and rubric' })
  get(@Param('id', ParseIdPipe) id: string, @CurrentActor() actor: Actor) {
    return this.calls.get(id, actor);
  }

  @Returns(CallResponse)
  @Patch('calls/:id')
  @Roles(...CALL_MANAGERS)
  @ApiOperation({ summary: '修改草稿 / Edit a draft call' })
  update(@Param('id', ParseIdPipe) id: string, @Body() dto: UpdateCallDto, @CurrentActor() actor: Actor) {
    return this.calls.update(id, dto, actor);
  }

  @Returns(CallResponse)
  @Post('calls/:id/publish')
  @Roles(Role.DistrictAdmin)
  @HttpCode(200)
  @ApiOperation({ summary: '发布征集（区级管理员）/ Publish (district admin)' })
  publish(@Param('id', ParseIdPipe) id: string, @Body() dto: CallVersionDto, @CurrentActor() actor: Actor) {
    return this.calls.publish(id, dto.version, actor);
  }

  @Returns(CallResponse)
  @Post('calls/:id/cancel')
  @Roles(Role.DistrictAdmin)
  @HttpCode(200)
  @ApiOperation({ summary: '取消征集 / Cancel a draft or open call' })
  cancel(@Param('id', ParseIdPipe) id: string, @Body() dto: CancelCallDto, @CurrentActor() actor: Actor) {
    return this.calls.cancel(id, dto.version, dto.reason, actor);
  }

  @Returns(CallsListHolidaysResponse)
  @Get('district-holidays')
  @Roles()
  @ApiOperation({ summary: '节假日与调休日历 / The district holiday calendar of a year' })
  listHolidays(@Query() query: HolidayYearQuery) {
    return this.holidays.list(query.year);
  }

  @Returns(DistrictHolidayResponse)
  @Put('district-holidays/:day')
  @Roles(Role.DistrictAdmin)
  @ApiOperation({ summary: '设置节假日或调休上班日 / Mark a day as holiday or swapped workday' })
  putHoliday(@Param('day') day: string, @Body() dto: HolidayDto) {
    return this.holidays.put(day, dto.kind, dto.name);
  }

  @Delete('district-holidays/:day')
  @Roles(Role.DistrictAdmin)
  @HttpCode(204)
  @ApiOperation({ summary: '删除日历条目 / Remove a calendar entry' })
  removeHoliday(@Param('day') day: string) {
    return this.holidays.remove(day);
  }
}
