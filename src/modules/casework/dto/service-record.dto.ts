import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsRealDay, PageQuery } from '@sanshe/common';

export const SERVICE_MODES = ['face_to_face', 'home_visit', 'phone', 'online'] as const;

export class ServiceRecordDto {
  @ApiProperty({ example: '2026-03-05' }) @IsRealDay() serviceDate: string;
  @ApiPropertyOptional({ example: '14:30' }) @IsOptional() @Matches(/^([01][0-9]|2[0-3]):[0-5][0-9]$/) startTime?: string;
  @ApiProperty({ example: 60, description: '工时（分钟）/ minutes' }) @IsInt() @Min(1) @Max(1440) durationMinutes: number;
  @ApiProperty({ enum: SERVICE_MODES, description: '面谈 / 家访 / 电话 / 线上' }) @IsIn(SERVICE_MODES) mode: (typeof SERVICE_MODES)[number];
  @ApiPropertyOptional({ description: '地点 / place' }) @IsOptional() @IsString() @MaxLength(200) place?: string;
  @ApiProperty({ description: '服务内容 / what was done' }) @IsString() @Length(2, 4000) content: string;
  @ApiPropertyOptional({ description: '服务对象反应 / response' }) @IsOptional() @IsString() @MaxLength(4000) response?: string;
  @ApiPropertyOptional({ description: '下一步计划 / next step' }) @IsOptional() @IsString() @MaxLength(2000) nextStep?: string;
  @ApiPropertyOptional({ description: '资助项目 / funded project' }) @IsOptional() @IsUUID() projectId?: string;
  @ApiPropertyOptional({ description: '项目指标 / project indicator' }) @IsOptional() @IsUUID() indicatorId?: string;
}

export class EditServiceRecordDto {
  @ApiPropertyOptional() @IsOptional() @IsRealDay() serviceDate?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^([01][0-9]|2[0-3]):[0-5][0-9]$/) startTime?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(1440) durationMinutes?: number;
  @ApiPropertyOptional({ enum: SERVICE_MODES }) @IsOptional() @IsIn(SERVICE_MODES) mode?: (typeof SERVICE_MODES)[number];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) place?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(2, 4000) content?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) response?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) nextStep?: string;
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class CorrectServiceRecordDto extends EditServiceRecordDto {
  @ApiProperty({ example: '工时误填为120分钟，实际为60分钟', description: '更正理由（记入审计）/ reason, audited' }) @IsString() @Length(5, 500) reason: string;
}

export class FollowUpDto {
  @ApiProperty() @IsRealDay() serviceDate: string;
  @ApiProperty() @IsInt() @Min(1) @Max(1440) durationMinutes: number;
  @ApiProperty({ enum: SERVICE_MODES }) @IsIn(SERVICE_MODES) mode: (typeof SERVICE_MODES)[number];
  @ApiProperty({ description: '回访情况 / what the follow-up found' }) @IsString() @Length(2, 4000) content: string;
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class ListServiceRecordsQuery extends PageQuery {}
