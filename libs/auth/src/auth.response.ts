import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ALL_ROLES, LocalisedLabel, Role } from '@sanshe/common';

/** Response shapes of sign-in and sessions, so generated clients (the web app) type them from the document. */
export class DistrictChoiceResponse {
  @ApiProperty({ example: '510107' }) districtCode: string;
  @ApiProperty({ example: '武侯区' }) districtName: string;
  @ApiProperty({ format: 'uuid' }) tenantId: string;
  @ApiProperty({ format: 'uuid' }) membershipId: string;
  @ApiProperty({ enum: ALL_ROLES, enumName: 'Role', isArray: true }) roles: Role[];
  @ApiProperty({ example: 'active', description: 'active | suspended' }) status: string;
}

export class SessionResponse {
  @ApiProperty() accessToken: string;
  @ApiProperty({ description: '秒 / seconds' }) accessTokenExpiresIn: number;
  @ApiPropertyOptional({ description: '正文模式才有；Cookie 模式放在 HttpOnly Cookie 里 / absent in cookie mode' }) refreshToken?: string;
  @ApiProperty({ format: 'date-time' }) refreshTokenExpiresAt: string;
  @ApiProperty({ type: DistrictChoiceResponse, nullable: true, description: '当前区县（仅一个时自动选择）/ the chosen district' })
  district: DistrictChoiceResponse | null;
  @ApiProperty({ type: DistrictChoiceResponse, isArray: true }) districts: DistrictChoiceResponse[];
}

export class DistrictSwitchResponse {
  @ApiProperty() accessToken: string;
  @ApiProperty() accessTokenExpiresIn: number;
  @ApiProperty({ type: DistrictChoiceResponse }) district: DistrictChoiceResponse;
  @ApiProperty({ type: DistrictChoiceResponse, isArray: true }) districts: DistrictChoiceResponse[];
}

export class MeUserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
}

export class MeDistrictResponse {
  @ApiProperty({ format: 'uuid' }) tenantId: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

export class RoleLabelResponse {
  @ApiProperty({ enum: ALL_ROLES, enumName: 'Role' }) role: Role;
  @ApiProperty({ type: () => LocalisedLabel, example: { zh: '项目官员', en: 'Programme officer' } }) label: LocalisedLabel;
}

export class MeResponse {
  @ApiProperty({ type: MeUserResponse }) user: MeUserResponse;
  @ApiProperty() isPlatformOperator: boolean;
  @ApiProperty({ type: MeDistrictResponse, nullable: true }) district: MeDistrictResponse | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) membershipId: string | null;
  @ApiProperty({ type: RoleLabelResponse, isArray: true }) roles: RoleLabelResponse[];
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) organisationId: string | null;
  @ApiProperty({ type: DistrictChoiceResponse, isArray: true }) districts: DistrictChoiceResponse[];
}
