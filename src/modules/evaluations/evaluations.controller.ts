import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, ParseIdPipe, Role } from '@sanshe/common';
import { ApiContract, CurrentActor, Returns, Roles } from '@sanshe/auth';
import { PROJECT_OFFICIALS, PROJECT_READERS } from '../projects/project-access.service';
import { AssignEvaluatorDto, RecordEvaluationDto } from './evaluation.dto';
import { EvaluationsService } from './evaluations.service';
import { EndedAssignmentResponse, EvaluationListResponse, EvaluationsAssignResponse, EvaluationsRecordResponse, EvaluatorAssignmentListResponse } from './evaluations.response';

@ApiContract()
@ApiTags('evaluations 项目评估')
@Controller('projects/:id')
export class EvaluationsController {
  constructor(private readonly evaluations: EvaluationsService) {}

  @Returns(EvaluatorAssignmentListResponse)
  @Get('evaluation-assignments')
  @Roles(...PROJECT_OFFICIALS)
  @ApiOperation({ summary: '评估分配 / Evaluators assigned to the project' })
  assignments(@Param('id', ParseIdPipe) id: string, @CurrentActor() actor: Actor) {
    return this.evaluations.assignments(id, actor);
  }

  @Returns(EvaluationsAssignResponse)
  @Post('evaluation-assignments')
  @Roles(Role.ProgrammeOfficer)
  @ApiOperation({ summary: '指定评估机构 / Assign an evaluator (they then see this project, and only assigned ones)' })
  assign(@Param('id', ParseIdPipe) id: string, @Body() dto: AssignEvaluatorDto, @CurrentActor() actor: Actor) {
    return this.evaluations.assign(id, dto, actor);
  }

  @Returns(EndedAssignmentResponse)
  @Post('evaluation-assignments/:assignmentId/end')
  @HttpCode(200)
  @Roles(Role.ProgrammeOfficer)
  @ApiOperation({ summary: '取消评估分配 / End an assignment' })
  end(@Param('id', ParseIdPipe) id: string, @Param('assignmentId', ParseIdPipe) assignmentId: string, @CurrentActor() actor: Actor) {
    return this.evaluations.endAssignment(id, assignmentId, actor);
  }

  @Returns(EvaluationListResponse)
  @Get('evaluations')
  @Roles(...PROJECT_READERS)
  @ApiOperation({ summary: '评估结果 / Evaluations of the project' })
  list(@Param('id', ParseIdPipe) id: string, @CurrentActor() actor: Actor) {
    return this.evaluations.list(id, actor);
  }

  @Returns(EvaluationsRecordResponse)
  @Post('evaluations')
  @Roles(Role.Evaluator)
  @ApiOperation({ summary: '登记评估 / Record a mid-term or final evaluation (a failed one freezes unpaid tranches)' })
  record(@Param('id', ParseIdPipe) id: string, @Body() dto: RecordEvaluationDto, @CurrentActor() actor: Actor) {
    return this.evaluations.record(id, dto, actor);
  }
}
