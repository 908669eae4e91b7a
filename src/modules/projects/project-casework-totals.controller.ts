import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, ParseIdPipe, Role } from '@sanshe/common';
import { ApiContract, CurrentActor, Returns, Roles } from '@sanshe/auth';
import { CaseworkTotalsService } from '../casework/casework-totals.service';
import { ProjectTotalResponse } from '../casework/casework-team.response';
import { ProjectAccess } from './project-access.service';

/**
 * A project's casework totals for district officials. Served here rather than in casework because only this module
 * can tell whether the project exists in the district: answered by casework alone, any uuid got 200 with zeros, so
 * the endpoint told real project ids from made-up ones.
 */
@ApiContract()
@ApiTags('casework 社工服务')
@Controller('casework')
export class ProjectCaseworkTotalsController {
  constructor(
    private readonly access: ProjectAccess,
    private readonly totals: CaseworkTotalsService,
  ) {}

  @Returns(ProjectTotalResponse)
  @Get('project-totals/:projectId')
  @Roles(Role.DistrictAdmin, Role.ProgrammeOfficer, Role.FinanceOfficer)
  @ApiOperation({ summary: '项目指标汇总（工时、服务人数）/ A project\'s indicator totals' })
  async projectTotals(@Param('projectId', ParseIdPipe) projectId: string, @CurrentActor() actor: Actor) {
    await this.access.load(projectId, actor);
    return this.totals.suppressedTotalsForProject(projectId);
  }
}
