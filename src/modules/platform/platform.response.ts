import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MembersResendResponse, UserResponse } from '../members/members.response';

/* Response bodies of this controller's operations, as documented in the OpenAPI contract. */

export class PlatformListItem {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "114577" }) code: string;
  @ApiProperty({ type: String, example: "测试区6" }) name: string;
  @ApiProperty({ type: String, nullable: true }) province: string | null;
  @ApiProperty({ type: String, nullable: true }) city: string | null;
  @ApiProperty({ type: String, example: "active" }) status: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}


export class PlatformListResponse {
  @ApiProperty({ type: () => [PlatformListItem] }) items: PlatformListItem[];
  @ApiProperty({ type: Number, example: 18 }) total: number;
}


export class PlatformOpenDistrict {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "422503" }) code: string;
  @ApiProperty({ type: String, example: "测试区1" }) name: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}


export class PlatformOpenFirstAdmin {
  @ApiProperty({ type: () => UserResponse }) member: UserResponse;
  @ApiProperty({ type: () => MembersResendResponse }) invitation: MembersResendResponse;
}

export class PlatformOpenResponse {
  @ApiProperty({ type: () => PlatformOpenDistrict }) district: PlatformOpenDistrict;
  @ApiProperty({ type: () => PlatformOpenFirstAdmin }) firstAdmin: PlatformOpenFirstAdmin;
}

