import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttachmentsModule } from '../attachments/attachments.module';
import { MembersModule } from '../members/members.module';
import { PlacesModule } from '../places/places.module';
import { OrganisationQualificationEntity } from './organisation-qualification.entity';
import { OrganisationDocumentsPolicy } from './organisation-documents';
import { OrganisationRegistryService } from './organisation-registry.service';
import { OrganisationReviewService } from './organisation-review.service';
import { OrganisationEntity } from './organisation.entity';
import { OrganisationStore } from './organisation.store';
import { OrganisationsController } from './organisations.controller';

/**
 * The social organisation registry (社会组织名录): registration and verification, credit standing and grades,
 * qualifications to undertake government purchases, the organisation's own people, and the eligibility answer
 * other modules (venture calls, purchases) ask before letting an organisation take part.
 */
@Module({
  imports: [TypeOrmModule.forFeature([OrganisationEntity, OrganisationQualificationEntity]), AttachmentsModule, MembersModule, PlacesModule],
  controllers: [OrganisationsController],
  providers: [OrganisationStore, OrganisationRegistryService, OrganisationReviewService, OrganisationDocumentsPolicy],
  exports: [OrganisationRegistryService],
})
export class OrganisationsModule {}
