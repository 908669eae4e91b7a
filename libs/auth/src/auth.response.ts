import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LocalisedLabel } from '@sanshe/common';

/* Response bodies of this controller's operations, as documented in the OpenAPI contract. */

export class MeDistrict {
  @ApiProperty({ type: String, format: 'uuid' }) tenantId: string;
  @ApiProperty({ type: String, example: "422503" }) code: string;
  @ApiProperty({ type: String, example: "测试区1" }) name: string;
}


export class MeDistrictChoice {
  @ApiProperty({ type: String, example: "422503" }) districtCode: string;
  @ApiProperty({ type: String, example: "测试区1" }) districtName: string;
  @ApiProperty({ type: String, format: 'uuid' }) tenantId: string;
  @ApiProperty({ type: String, format: 'uuid' }) membershipId: string;
  @ApiProperty({ type: [String] }) roles: string[];
  @ApiProperty({ type: String, example: "active" }) status: string;
}

export class MeRole {
  @ApiProperty({ type: String, example: "district_admin" }) role: string;
  @ApiProperty({ type: () => LocalisedLabel }) label: LocalisedLabel;
}


export class MeUser {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "测试运营" }) name: string;
  @ApiProperty({ type: String, example: "13926436001" }) phone: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
}


export class MeResponse {
  @ApiProperty({ type: () => MeUser }) user: MeUser;
  @ApiProperty({ type: Boolean }) isPlatformOperator: boolean;
  @ApiProperty({ type: () => MeDistrict, nullable: true }) district: MeDistrict | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) membershipId: string | null;
  @ApiProperty({ type: () => [MeRole] }) roles: MeRole[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) organisationId: string | null;
  @ApiProperty({ type: () => [MeDistrictChoice] }) districts: MeDistrictChoice[];
}


export class AuthSessionResponse {
  @ApiProperty({ type: String }) accessToken: string;
  @ApiProperty({ type: Number, example: 900 }) accessTokenExpiresIn: number;
  @ApiProperty({ type: String }) refreshToken: string;
  @ApiProperty({ type: String, format: 'date-time' }) refreshTokenExpiresAt: string;
  @ApiProperty({ type: () => MeDistrictChoice, nullable: true }) district: MeDistrictChoice | null;
  @ApiProperty({ type: () => [MeDistrictChoice] }) districts: MeDistrictChoice[];
}


export class AuthDistrictResponse {
  @ApiProperty({ type: String }) accessToken: string;
  @ApiProperty({ type: Number, example: 900 }) accessTokenExpiresIn: number;
  @ApiProperty({ type: () => MeDistrictChoice }) district: MeDistrictChoice;
  @ApiProperty({ type: () => [MeDistrictChoice] }) districts: MeDistrictChoice[];
}

