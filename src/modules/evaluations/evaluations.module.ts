import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module';
import { EvaluationsController } from './evaluations.controller';
import { EvaluationsService } from './evaluations.service';

/** Mid-term and final evaluations (中期评估 / 结项评估) by assigned third-party evaluators. */
@Module({
  imports: [ProjectsModule],
  controllers: [EvaluationsController],
  providers: [EvaluationsService],
  exports: [EvaluationsService],
})
export class EvaluationsModule {}
