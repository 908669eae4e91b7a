import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { IsRealDay, PageQuery } from '@sanshe/common';

export const GROUP_KINDS = ['therapy', 'support', 'growth', 'education', 'interest', 'other'] as const;

export class CreateGroupDto {
  @ApiProperty({ example: '独居老人互助小组' }) @IsString() @Length(2, 100) name: string;
  @ApiProperty({ enum: GROUP_KINDS, description: '治疗 / 支持 / 成长 / 教育 / 兴趣 / 其他' }) @IsIn(GROUP_KINDS) kind: (typeof GROUP_KINDS)[number];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) objectives?: string;
  @ApiPropertyOptional({ description: '带领社工（默认本人）' }) @IsOptional() @IsUUID() leaderMembershipId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() communityId?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(200) plannedSessions?: number;
  @ApiPropertyOptional() @IsOptional() @IsUUID() projectId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() indicatorId?: string;
}

export class GroupSessionDto {
  @ApiProperty({ example: 1, description: '第几节 / session number' }) @IsInt() @Min(1) @Max(200) sessionNo: number;
  @ApiProperty() @IsRealDay() heldOn: string;
  @ApiProperty({ example: 90 }) @IsInt() @Min(1) @Max(1440) durationMinutes: number;
  @ApiProperty({ example: '相识与破冰' }) @IsString() @Length(1, 200) theme: string;
  @ApiPropertyOptional({ description: '小组记录 / session record' }) @IsOptional() @IsString() @MaxLength(4000) record?: string;
  @ApiProperty({ type: [String], description: '出席的服务对象 / beneficiaries present' })
  @IsUUID('all', { each: true }) @ArrayUnique() @ArrayMaxSize(100) attendeeIds: string[];
}

export class CommunityEventDto {
  @ApiProperty() @IsUUID() communityId: string;
  @ApiProperty({ example: '邻里节' }) @IsString() @Length(2, 100) title: string;
  @ApiProperty() @IsRealDay() heldOn: string;
  @ApiProperty({ example: 180 }) @IsInt() @Min(1) @Max(1440) durationMinutes: number;
  @ApiProperty({ example: 120, description: '参与人次 / participants' }) @IsInt() @Min(0) @Max(100000) headcount: number;
  @ApiPropertyOptional({ example: 10 }) @IsOptional() @IsInt() @Min(0) @Max(10000) volunteerCount?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) summary?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() projectId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() indicatorId?: string;
}

export const GROUP_STATUSES = ['active', 'completed'] as const;

/** The group list: newest first, keyset-paged; filters the list's index can answer. */
export class ListGroupsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: GROUP_STATUSES }) @IsOptional() @IsIn(GROUP_STATUSES) status?: (typeof GROUP_STATUSES)[number];
  @ApiPropertyOptional({ enum: GROUP_KINDS }) @IsOptional() @IsIn(GROUP_KINDS) kind?: (typeof GROUP_KINDS)[number];
  @ApiPropertyOptional({ description: '带领社工 / leader' }) @IsOptional() @IsUUID() leaderMembershipId?: string;
}

/** Community events: most recent day first, keyset-paged; a community and a date range narrow it. */
export class ListCommunityEventsQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() communityId?: string;
  @ApiPropertyOptional({ format: 'date', description: '起始日期（含）/ held on or after' }) @IsOptional() @IsRealDay() from?: string;
  @ApiPropertyOptional({ format: 'date', description: '截止日期（含）/ held on or before' }) @IsOptional() @IsRealDay() to?: string;
}
