import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LocalisedLabel } from '@sanshe/common';

/* Response bodies of this controller's operations, as documented in the OpenAPI contract. */

export class MemberInvitation {
  @ApiProperty({ type: String, format: 'date-time' }) sentAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) acceptedAt: string;
  @ApiProperty({ type: String, example: "accepted" }) state: string;
}


export class MemberRole {
  @ApiProperty({ type: String, example: "programme_officer" }) role: string;
  @ApiProperty({ type: () => LocalisedLabel }) label: LocalisedLabel;
}


export class MemberResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid' }) userId: string;
  @ApiProperty({ type: String, example: "成员" }) name: string;
  @ApiProperty({ type: String, example: "13920296016" }) phone: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: () => [MemberRole] }) roles: MemberRole[];
  @ApiProperty({ type: String, example: "active" }) status: string;
  @ApiProperty({ type: String, nullable: true }) statusReason: string | null;
  @ApiProperty({ type: String, nullable: true }) place: string | null;
  @ApiProperty({ type: String, nullable: true }) organisationId: string | null;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty({ type: Number, example: 2 }) version: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: () => MemberInvitation }) invitation: MemberInvitation;
}


export class UserRole {
  @ApiProperty({ type: String, example: "district_admin" }) role: string;
  @ApiProperty({ type: () => LocalisedLabel }) label: LocalisedLabel;
}

export class UserResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid' }) userId: string;
  @ApiProperty({ type: String, example: "区管理员" }) name: string;
  @ApiProperty({ type: String, example: "139****1002" }) phone: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: () => [UserRole] }) roles: UserRole[];
  @ApiProperty({ type: String, example: "active" }) status: string;
  @ApiProperty({ type: String, nullable: true }) statusReason: string | null;
  @ApiProperty({ type: String, nullable: true }) place: string | null;
  @ApiProperty({ type: String, nullable: true }) organisationId: string | null;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty({ type: Number, example: 2 }) version: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}


export class MembersResendResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt: string;
  @ApiProperty({ type: String, enum: ['pending'], description: 'the secret travels only in the message to the invited person, never in a response' }) state: 'pending';
}


export class MembersInviteResponse {
  @ApiProperty({ type: () => UserResponse }) member: UserResponse;
  @ApiProperty({ type: () => MembersResendResponse }) invitation: MembersResendResponse;
}


export class InvitationsAcceptResponse {
  @ApiProperty({ type: String, example: "422503" }) districtCode: string;
  @ApiProperty({ type: String, example: "测试区1" }) districtName: string;
  @ApiProperty({ type: String, format: 'uuid' }) memberId: string;
  @ApiProperty({ type: [String] }) roles: string[];
}

