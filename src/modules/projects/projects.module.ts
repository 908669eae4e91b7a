import { Module } from '@nestjs/common';
import { CaseworkModule } from '../casework/casework.module';
import { FundsModule } from '../funds/funds.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ProjectAccess } from './project-access.service';
import { ProjectChangesController } from './project-changes.controller';
import { ProjectChangesService } from './project-changes.service';
import { ProjectCreationService } from './project-creation.service';
import { ProjectFundingService } from './project-funding.service';
import { ProjectLinks } from './project-links.service';
import { ProjectLifecycleService } from './project-lifecycle.service';
import { ProjectNotices } from './project-notices';
import { ProjectPlanService } from './project-plan.service';
import { ProjectQueryService } from './project-query.service';
import { ProjectSettingsService } from './project-settings.service';
import { ProjectCaseworkTotalsController } from './project-casework-totals.controller';
import { ProjectsController } from './projects.controller';
import { TranchesService } from './tranches.service';

/**
 * Project implementation (项目执行): projects born from awarded grants (calls.grant_awarded), the money reserved on the
 * programme fund per tranche, tranche payment under conditions, the agreement, plan versions, closure with refunds,
 * and the views officers and organisations read. Reports, evaluations and changes live in their own modules and
 * use the access policy, notices and plan exported here.
 */
@Module({
  imports: [FundsModule, NotificationsModule, CaseworkModule],
  controllers: [ProjectsController, ProjectChangesController, ProjectCaseworkTotalsController],
  providers: [
    ProjectAccess, ProjectNotices, ProjectPlanService, ProjectFundingService, ProjectCreationService, TranchesService,
    ProjectQueryService, ProjectLifecycleService, ProjectSettingsService, ProjectChangesService, ProjectLinks,
  ],
  exports: [ProjectAccess, ProjectNotices, ProjectPlanService, TranchesService, ProjectSettingsService, ProjectLifecycleService, ProjectChangesService, ProjectLinks],
})
export class ProjectsModule {}
