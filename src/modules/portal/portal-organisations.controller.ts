import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { RateLimit } from '@sanshe/common';
import { ApiContract, PublicDistrict, Returns } from '@sanshe/auth';
import { DirectoryQuery } from '../organisations/dto/directory.query';
import { PublicRegistrationDto } from '../organisations/dto/organisation.dto';
import { OrganisationDirectoryService } from '../organisations/organisation-directory.service';
import { OrganisationRegistryService } from '../organisations/organisation-registry.service';
import { PortalOrganisationsRegisterResponse, QualifiedOrganisationListResponse } from './portal-organisations.response';

/** The public portal's organisation pages: self-registration and the directory of qualified organisations. */
@ApiContract()
@ApiTags('portal 公开门户')
@Controller('public/districts/:districtCode')
export class PortalOrganisationsController {
  constructor(
    private readonly registry: OrganisationRegistryService,
    private readonly directory: OrganisationDirectoryService,
  ) {}

  @Returns(QualifiedOrganisationListResponse)
  @Get('qualified-organisations')
  @PublicDistrict()
  @ApiParam({ name: 'districtCode', example: '510107' })
  @ApiOperation({ summary: '承接资质社会组织名录 / Directory of qualified organisations (public fields only)' })
  qualified(@Query() query: DirectoryQuery) {
    return this.directory.list(query);
  }

  @Returns(PortalOrganisationsRegisterResponse)
  @Post('organisation-registrations')
  @PublicDistrict()
  @RateLimit(5, 3600)
  @ApiParam({ name: 'districtCode', example: '510107' })
  @ApiOperation({ summary: '社会组织自助登记 / Self-registration: a draft record and an invitation to the applicant' })
  register(@Body() dto: PublicRegistrationDto) {
    return this.registry.registerPublic(dto);
  }
}
