import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { PortalDistrictController } from './portal-district.controller';
import { PortalOrganisationsController } from './portal-organisations.controller';

/**
 * The public portal API per district (`/public/districts/:districtCode/...`): no sign-in, public fields only. The
 * district comes from the path; what may be read there is decided by the owning module's public service.
 */
@Module({
  imports: [OrganisationsModule],
  controllers: [PortalDistrictController, PortalOrganisationsController],
})
export class PortalModule {}
