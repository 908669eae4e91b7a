import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

export class UpdateCaseworkSettingsDto {
  @ApiPropertyOptional({ description: '预估须督导审批 / assessment needs supervisor approval' }) @IsOptional() @IsBoolean() requireAssessmentApproval?: boolean;
  @ApiPropertyOptional({ description: '服务计划须督导审批 / plan needs supervisor approval' }) @IsOptional() @IsBoolean() requirePlanApproval?: boolean;
  @ApiPropertyOptional({ description: '结案须督导审批 / closure needs supervisor approval' }) @IsOptional() @IsBoolean() requireClosureApproval?: boolean;
  @ApiPropertyOptional({ description: '服务记录提交后可修改天数 / days a service record stays editable' }) @IsOptional() @IsInt() @Min(0) @Max(365) recordLockDays?: number;
  @ApiPropertyOptional({ description: '接案后应完成预估的天数' }) @IsOptional() @IsInt() @Min(1) @Max(365) assessmentDueDays?: number;
  @ApiPropertyOptional({ description: '预估后应完成服务计划的天数' }) @IsOptional() @IsInt() @Min(1) @Max(365) planDueDays?: number;
  @ApiPropertyOptional({ description: '结案后应回访的天数' }) @IsOptional() @IsInt() @Min(1) @Max(730) followUpDueDays?: number;
  @ApiProperty() @IsInt() @Min(1) version: number;
}
