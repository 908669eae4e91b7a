import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../../applications/applications.module';
import { NotificationsModule } from '../../notifications/notifications.module';
import { ProjectsModule } from '../../projects/projects.module';
import { ReviewsModule } from '../../reviews/reviews.module';
import { CallsModule } from '../calls.module';
import { AwardService } from './award.service';
import { NoticesPortalController } from './notices-portal.controller';
import { NoticesPortalService } from './notices-portal.service';
import { ObjectionsService } from './objections.service';
import { OutcomeController } from './outcome.controller';
import { OutcomeNotificationsHandler } from './outcome-notifications.handler';
import { OutcomeWaitingService } from './outcome-waiting.service';
import { SelectionService } from './selection.service';

/**
 * The end of a call: selection within the pool, the public notice with objections, the award with its agreement PDF
 * and the hand-off event to projects. Part of the calls domain, in its own module because it stands on applications
 * and reviews, which themselves stand on calls.
 */
@Module({
  imports: [CallsModule, ApplicationsModule, ReviewsModule, NotificationsModule, ProjectsModule],
  controllers: [OutcomeController, NoticesPortalController],
  providers: [SelectionService, ObjectionsService, AwardService, NoticesPortalService, OutcomeNotificationsHandler, OutcomeWaitingService],
  exports: [OutcomeWaitingService],
})
export class CallOutcomesModule {}
