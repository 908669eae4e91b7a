import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { PortalOrganisationsController } from './portal-organisations.controller';

/**
 * The public portal API per district (`/public/districts/:districtCode/...`): no sign-in, public fields only. The
 * district comes from the path; what may be read there is decided by the owning module's public service.
 */
@Module({
  imports: [OrganisationsModule],
  controllers: [PortalOrganisationsController],
})
export class PortalModule {}
