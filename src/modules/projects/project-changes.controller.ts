import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, PageOf, PageQuery, ParseIdPipe, Role } from '@sanshe/common';
import { ApiContract, CurrentActor, Returns, Roles } from '@sanshe/auth';
import { DecideChangeDto, RequestChangeDto } from './dto/change.dto';
import { ORGANISATION_WRITERS, PROJECT_READERS } from './project-access.service';
import { ProjectChangesService } from './project-changes.service';
import { ChangeSummary } from './project-changes.response';

@ApiContract()
@ApiTags('projects 项目执行')
@Controller('projects/:id/changes')
export class ProjectChangesController {
  constructor(private readonly changes: ProjectChangesService) {}

  @Returns(PageOf(ChangeSummary))
  @Get()
  @Roles(...PROJECT_READERS)
  @ApiOperation({ summary: '变更记录 / Change requests, newest first (paged: limit, cursor)' })
  list(@Param('id', ParseIdPipe) id: string, @Query() q: PageQuery, @CurrentActor() actor: Actor) {
    return this.changes.list(id, q, actor);
  }

  @Returns(ChangeSummary)
  @Post()
  @Roles(...ORGANISATION_WRITERS, Role.ProgrammeOfficer)
  @ApiOperation({ summary: '申请变更 / Reallocate budget, extend, or change indicator targets (small reallocations take effect at once)' })
  request(@Param('id', ParseIdPipe) id: string, @Body() dto: RequestChangeDto, @CurrentActor() actor: Actor) {
    return this.changes.request(id, dto, actor);
  }

  @Returns(ChangeSummary)
  @Post(':changeId/approve')
  @HttpCode(200)
  @Roles(Role.ProgrammeOfficer)
  @ApiOperation({ summary: '批准变更 / Approve: the change takes effect as a new plan version' })
  approve(@Param('id', ParseIdPipe) id: string, @Param('changeId', ParseIdPipe) changeId: string, @Body() dto: DecideChangeDto, @CurrentActor() actor: Actor) {
    return this.changes.decide(id, changeId, 'approve', dto, actor);
  }

  @Returns(ChangeSummary)
  @Post(':changeId/reject')
  @HttpCode(200)
  @Roles(Role.ProgrammeOfficer)
  @ApiOperation({ summary: '不予批准 / Reject with a comment' })
  reject(@Param('id', ParseIdPipe) id: string, @Param('changeId', ParseIdPipe) changeId: string, @Body() dto: DecideChangeDto, @CurrentActor() actor: Actor) {
    return this.changes.decide(id, changeId, 'reject', dto, actor);
  }
}
