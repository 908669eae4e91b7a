import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { PageQuery } from '@sanshe/common';
import { SHAREABLE_FIELDS } from '../casework-fields';

export class CreateReferralDto {
  @ApiProperty({ description: '接收机构（本区社会组织）/ receiving organisation' }) @IsUUID() toOrganisationId: string;
  @ApiProperty({ description: '转介原因 / why' }) @IsString() @Length(2, 2000) reason: string;
  @ApiProperty({ enum: SHAREABLE_FIELDS, isArray: true, description: '共享的信息，须在服务对象同意范围内 / what to share, within the consent' })
  @IsIn(SHAREABLE_FIELDS, { each: true }) @ArrayUnique() @ArrayMinSize(1) sharedFields: string[];
}

export class ReferralDecisionDto {
  @ApiProperty({ enum: ['accept', 'decline'] }) @IsIn(['accept', 'decline']) decision: 'accept' | 'decline';
  @ApiPropertyOptional({ description: '说明 / note for the sending organisation' }) @IsOptional() @IsString() @MaxLength(1000) note?: string;
  @ApiPropertyOptional({ description: '接收时自行采集的姓名（服务对象未同意共享姓名时）/ name taken at intake when it was not shared' })
  @IsOptional() @IsString() @Length(1, 50) name?: string;
  @ApiPropertyOptional({ description: '接收时自行采集的身份证号（未同意共享时）/ ID number taken at intake when it was not shared' })
  @IsOptional() @IsString() @MaxLength(30) idNumber?: string;
}

export const REFERRAL_STATUSES = ['pending', 'accepted', 'declined', 'cancelled'] as const;

/** Referrals received or sent, newest first, keyset-paged; a status narrows it ("waiting for us" = incoming + pending). */
export class ListReferralsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['incoming', 'outgoing'], default: 'incoming' }) @IsOptional() @IsIn(['incoming', 'outgoing']) direction?: 'incoming' | 'outgoing';
  @ApiPropertyOptional({ enum: REFERRAL_STATUSES }) @IsOptional() @IsIn(REFERRAL_STATUSES) status?: (typeof REFERRAL_STATUSES)[number];
}
