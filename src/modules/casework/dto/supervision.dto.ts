import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { IsRealDay, PageQuery } from '@sanshe/common';

export class SupervisionAssignmentDto {
  @ApiProperty({ description: '督导的成员编号 / supervisor membership' }) @IsUUID() supervisorMembershipId: string;
  @ApiProperty({ description: '社工的成员编号 / worker membership' }) @IsUUID() workerMembershipId: string;
}

export class SupervisionSessionDto {
  @ApiProperty() @IsUUID() workerMembershipId: string;
  @ApiProperty() @IsRealDay() heldOn: string;
  @ApiProperty({ example: 60 }) @IsInt() @Min(1) @Max(1440) durationMinutes: number;
  @ApiProperty({ enum: ['individual', 'group', 'on_site', 'online'], description: '个别 / 团体 / 现场 / 线上' })
  @IsIn(['individual', 'group', 'on_site', 'online']) mode: 'individual' | 'group' | 'on_site' | 'online';
  @ApiPropertyOptional({ type: [String], description: '讨论的个案 / cases discussed' })
  @IsOptional() @IsUUID('all', { each: true }) @ArrayUnique() @ArrayMaxSize(20) caseIds?: string[];
  @ApiProperty({ description: '督导记录 / notes' }) @IsString() @Length(2, 4000) notes: string;
}

export const CERTIFICATE_LEVELS = ['assistant', 'intermediate', 'senior'] as const;
export class CertificateDto {
  @ApiPropertyOptional({ description: '机构管理员为本机构社工登记时填写；默认本人' }) @IsOptional() @IsUUID() membershipId?: string;
  @ApiProperty({ enum: CERTIFICATE_LEVELS, description: '助理社会工作师 / 社会工作师 / 高级社会工作师' }) @IsIn(CERTIFICATE_LEVELS) level: (typeof CERTIFICATE_LEVELS)[number];
  @ApiProperty({ example: '2024035100123' }) @Matches(/^[0-9A-Za-z-]{4,40}$/) certificateNo: string;
  @ApiProperty() @IsRealDay() issuedOn: string;
  @ApiPropertyOptional() @IsOptional() @IsRealDay() validUntil?: string;
}

/** Supervision assignments of the organisation, most recently started first; the current ones unless asked. */
export class ListAssignmentsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['active', 'ended'], default: 'active' }) @IsOptional() @IsIn(['active', 'ended']) status?: 'active' | 'ended';
  @ApiPropertyOptional() @IsOptional() @IsUUID() supervisorMembershipId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() workerMembershipId?: string;
}
