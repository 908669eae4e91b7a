import { Body, Controller, Post } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { PublicDistrict } from '@sanshe/auth';
import { PublicRegistrationDto } from '../organisations/dto/organisation.dto';
import { OrganisationRegistryService } from '../organisations/organisation-registry.service';

/** The public portal's organisation pages: self-registration and the directory of qualified organisations. */
@ApiTags('portal 公开门户')
@Controller('public/districts/:districtCode')
export class PortalOrganisationsController {
  constructor(private readonly registry: OrganisationRegistryService) {}

  @Post('organisation-registrations')
  @PublicDistrict()
  @ApiParam({ name: 'districtCode', example: '510107' })
  @ApiOperation({ summary: '社会组织自助登记 / Self-registration: a draft record and an invitation to the applicant' })
  register(@Body() dto: PublicRegistrationDto) {
    return this.registry.registerPublic(dto);
  }
}
