import { OnModuleInit } from '@nestjs/common';
import { EncryptedColumnRegistry } from '@sanshe/crypto';
import { OrganisationBankProtection } from './organisation-bank-protection.service';
import { BANK_ACCOUNT_FIELD } from './organisation.store';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttachmentsModule } from '../attachments/attachments.module';
import { MembersModule } from '../members/members.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PlacesModule } from '../places/places.module';
import { OrganisationNotificationsHandler } from './organisation-notifications.handler';
import { OrganisationQualificationEntity } from './organisation-qualification.entity';
import { OrganisationDirectoryService } from './organisation-directory.service';
import { OrganisationDocumentsPolicy } from './organisation-documents';
import { OrganisationEligibilityService } from './organisation-eligibility.service';
import { OrganisationQualificationsController } from './organisation-qualifications.controller';
import { OrganisationQualificationsService } from './organisation-qualifications.service';
import { OrganisationQueryService } from './organisation-query.service';
import { OrganisationRegistryService } from './organisation-registry.service';
import { OrganisationReviewService } from './organisation-review.service';
import { OrganisationStaffService } from './organisation-staff.service';
import { OrganisationEntity } from './organisation.entity';
import { OrganisationStore } from './organisation.store';
import { OrganisationsController } from './organisations.controller';

/**
 * The social organisation registry (社会组织名录): registration and verification, credit standing and grades,
 * qualifications to undertake government purchases, the organisation's own people, and the eligibility answer
 * other modules (venture calls, purchases) ask before letting an organisation take part.
 */
@Module({
  imports: [TypeOrmModule.forFeature([OrganisationEntity, OrganisationQualificationEntity]), AttachmentsModule, MembersModule, PlacesModule, NotificationsModule],
  controllers: [OrganisationsController, OrganisationQualificationsController],
  providers: [
    OrganisationStore, OrganisationRegistryService, OrganisationReviewService, OrganisationQueryService, OrganisationQualificationsService,
    OrganisationStaffService, OrganisationDirectoryService, OrganisationEligibilityService, OrganisationDocumentsPolicy, OrganisationBankProtection,
    OrganisationNotificationsHandler,
  ],
  // Other modules use the eligibility answer; the portal uses registration and the public directory.
  exports: [OrganisationEligibilityService, OrganisationRegistryService, OrganisationDirectoryService, OrganisationQualificationsService, OrganisationBankProtection],
})
export class OrganisationsModule implements OnModuleInit {
  constructor(private readonly encrypted: EncryptedColumnRegistry) {}

  onModuleInit(): void {
    this.encrypted.register([{ table: 'organisations', column: 'bank_account_no_enc', field: BANK_ACCOUNT_FIELD }]);
  }
}
