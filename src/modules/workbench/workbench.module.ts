import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { CallsModule } from '../calls/calls.module';
import { CaseworkModule } from '../casework/casework.module';
import { CallOutcomesModule } from '../calls/outcome/call-outcomes.module';
import { EvaluationsModule } from '../evaluations/evaluations.module';
import { MembersModule } from '../members/members.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { ProjectReportsModule } from '../project-reports/project-reports.module';
import { ProjectsModule } from '../projects/projects.module';
import { ReviewsModule } from '../reviews/reviews.module';
import { WorkbenchController } from './workbench.controller';
import { WorkbenchService } from './workbench.service';

/**
 * The workbench (工作台): what is waiting for the signed-in person, gathered from the owning modules' exported
 * "waiting" queries. It owns no table and reads none.
 */
@Module({
  imports: [CallsModule, CaseworkModule, ApplicationsModule, ReviewsModule, CallOutcomesModule, ProjectsModule, ProjectReportsModule, EvaluationsModule, OrganisationsModule, MembersModule],
  controllers: [WorkbenchController],
  providers: [WorkbenchService],
})
export class WorkbenchModule {}
