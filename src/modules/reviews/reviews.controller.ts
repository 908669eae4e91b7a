import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, ParseIdPipe, Role } from '@sanshe/common';
import { ApiContract, CurrentActor, Returns, Roles } from '@sanshe/auth';
import { ConflictDto, PanelDto, ReviewVersionDto, ScoresDto } from './dto/review.dto';
import { RankingService } from './ranking.service';
import { ReviewPanelService } from './review-panel.service';
import { ReviewScoringService } from './review-scoring.service';
import { AssignmentResponse, ReviewsAssignResponse, ReviewsCallConflictsResponse, ReviewsConflictResponse, ReviewsMineResponse, ReviewsProgressResponse, ReviewsRankResponse, ReviewsSetPanelResponse } from './reviews.response';

const OFFICIALS = [Role.DistrictAdmin, Role.ProgrammeOfficer];

@ApiContract()
@ApiTags('reviews 专家评审')
@Controller()
export class ReviewsController {
  constructor(
    private readonly panel: ReviewPanelService,
    private readonly scoring: ReviewScoringService,
    private readonly ranking: RankingService,
  ) {}

  @Returns(ReviewsSetPanelResponse)
  @Post('calls/:callId/reviewers')
  @Roles(...OFFICIALS)
  @HttpCode(200)
  @ApiOperation({ summary: '设置评审专家组 / Add reviewers to the call\'s panel' })
  setPanel(@Param('callId', ParseIdPipe) callId: string, @Body() dto: PanelDto, @CurrentActor() actor: Actor) {
    return this.panel.setPanel(callId, dto.membershipIds, actor);
  }

  @Returns(ReviewsSetPanelResponse)
  @Get('calls/:callId/reviewers')
  @Roles(...OFFICIALS)
  @ApiOperation({ summary: '评审专家组及工作量 / The panel with loads' })
  getPanel(@Param('callId', ParseIdPipe) callId: string) {
    return this.panel.panel(callId);
  }

  @Returns(ReviewsAssignResponse)
  @Post('calls/:callId/review-assignments')
  @Roles(...OFFICIALS)
  @HttpCode(200)
  @ApiOperation({ summary: '自动分配评审（均衡、回避利益冲突）/ Assign reviewers automatically' })
  assign(@Param('callId', ParseIdPipe) callId: string) {
    return this.panel.assign(callId);
  }

  @Returns(ReviewsCallConflictsResponse)
  @Get('calls/:callId/review-conflicts')
  @Roles(...OFFICIALS)
  @ApiOperation({ summary: '评审回避：专家与申报机构的利益冲突 / Which reviewer may not review which application, and why' })
  conflicts(@Param('callId', ParseIdPipe) callId: string) {
    return this.panel.conflicts(callId);
  }

  @Returns(ReviewsProgressResponse)
  @Get('calls/:callId/review-progress')
  @Roles(...OFFICIALS)
  @ApiOperation({ summary: '评审进度 / Review progress per application' })
  progress(@Param('callId', ParseIdPipe) callId: string) {
    return this.ranking.progress(callId);
  }

  @Returns(ReviewsRankResponse)
  @Get('calls/:callId/ranking')
  @Roles(...OFFICIALS)
  @ApiOperation({ summary: '评分排名与资金池内建议名单 / Ranking and the proposal within the pool' })
  rank(@Param('callId', ParseIdPipe) callId: string) {
    return this.ranking.ranking(callId);
  }

  @Returns(ReviewsMineResponse)
  @Get('reviews/assignments')
  @Roles(Role.Reviewer)
  @ApiOperation({ summary: '我的评审任务 / My assignments' })
  mine(@CurrentActor() actor: Actor) {
    return this.scoring.mine(actor);
  }

  @Returns(AssignmentResponse)
  @Get('reviews/assignments/:id')
  @Roles(Role.Reviewer)
  @ApiOperation({ summary: '评审任务详情（匿名评审时不显示申报机构）/ An assignment (blind when the call says so)' })
  get(@Param('id', ParseIdPipe) id: string, @CurrentActor() actor: Actor) {
    return this.scoring.get(id, actor);
  }

  @Returns(AssignmentResponse)
  @Put('reviews/assignments/:id/scores')
  @Roles(Role.Reviewer)
  @ApiOperation({ summary: '保存评分 / Save scores' })
  save(@Param('id', ParseIdPipe) id: string, @Body() dto: ScoresDto, @CurrentActor() actor: Actor) {
    return this.scoring.save(id, dto.scores, dto.comment, dto.version, actor);
  }

  @Returns(AssignmentResponse)
  @Post('reviews/assignments/:id/submit')
  @Roles(Role.Reviewer)
  @HttpCode(200)
  @ApiOperation({ summary: '提交评分（提交后不可修改）/ Submit scores (final)' })
  submit(@Param('id', ParseIdPipe) id: string, @Body() dto: ReviewVersionDto, @CurrentActor() actor: Actor) {
    return this.scoring.submit(id, dto.version, actor);
  }

  @Returns(ReviewsConflictResponse)
  @Post('reviews/assignments/:id/conflict')
  @Roles(Role.Reviewer)
  @HttpCode(200)
  @ApiOperation({ summary: '声明利益冲突（系统自动替换专家）/ Declare a conflict; a replacement is assigned' })
  conflict(@Param('id', ParseIdPipe) id: string, @Body() dto: ConflictDto, @CurrentActor() actor: Actor) {
    return this.panel.declareConflict(id, dto.reason, actor);
  }
}
