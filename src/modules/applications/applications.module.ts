import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module';
import { CallsModule } from '../calls/calls.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { ApplicationDocumentsPolicy } from './application-documents.policy';
import { ApplicationNotificationsHandler } from './application-notifications.handler';
import { ApplicationScreeningService } from './application-screening.service';
import { ApplicationSubmissionService } from './application-submission.service';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';

/**
 * Venture-call applications (申报书): drafts with co-editors and files, idempotent submission against the server clock,
 * the form and the registry's eligibility answer, withdrawal, and screening (资格审查).
 */
@Module({
  imports: [CallsModule, OrganisationsModule, AttachmentsModule, NotificationsModule],
  controllers: [ApplicationsController],
  providers: [
    ApplicationsService, ApplicationSubmissionService, ApplicationScreeningService, ApplicationDocumentsPolicy, ApplicationNotificationsHandler,
  ],
  exports: [ApplicationsService, ApplicationDocumentsPolicy],
})
export class ApplicationsModule {}
