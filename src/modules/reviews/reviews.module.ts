import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { CallsModule } from '../calls/calls.module';
import { RankingService } from './ranking.service';
import { ReviewPanelService } from './review-panel.service';
import { ReviewScoringService } from './review-scoring.service';
import { ReviewsController } from './reviews.controller';

/**
 * Expert review (专家评审): the reviewer panel, balanced assignment avoiding conflicts of interest, blind scoring on the
 * call's rubric, aggregation (optionally normalised per reviewer) and the ranking with its proposal within the pool.
 */
@Module({
  imports: [CallsModule, ApplicationsModule],
  controllers: [ReviewsController],
  providers: [ReviewPanelService, ReviewScoringService, RankingService],
  exports: [RankingService, ReviewScoringService],
})
export class ReviewsModule {}
