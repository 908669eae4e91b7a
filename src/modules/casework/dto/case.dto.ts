import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { IsRealDay, PageQuery } from '@sanshe/common';

// One VersionDto for the whole API (a second class of that name would replace it in the OpenAPI document).
import { VersionDto } from '@sanshe/common';
export { VersionDto };

export class OpenCaseDto {
  @ApiProperty() @IsUUID() beneficiaryId: string;
  @ApiProperty({ enum: ['self', 'referral', 'outreach'], description: '主动求助 / 转介 / 外展发现' }) @IsIn(['self', 'referral', 'outreach']) source: 'self' | 'referral' | 'outreach';
  @ApiProperty({ description: '求助问题 / presenting problem' }) @IsString() @Length(2, 4000) presentingProblem: string;
  @ApiPropertyOptional({ description: '负责社工（默认本人）/ responsible worker, default yourself' }) @IsOptional() @IsUUID() workerMembershipId?: string;
}

export class DeclineIntakeDto extends VersionDto {
  @ApiProperty({ example: '需求不在本机构服务范围内，已告知可求助的机构' }) @IsString() @Length(2, 1000) reason: string;
}

export class RiskDto {
  @ApiProperty() @IsString() @Length(1, 500) description: string;
  @ApiProperty({ enum: ['low', 'medium', 'high', 'critical'] }) @IsIn(['low', 'medium', 'high', 'critical']) level: 'low' | 'medium' | 'high' | 'critical';
}

export class AssessmentDto extends VersionDto {
  @ApiProperty({ type: [String], description: '需求 / needs' }) @IsString({ each: true }) @Length(1, 500, { each: true }) @ArrayMinSize(1) @ArrayMaxSize(30) needs: string[];
  @ApiProperty({ type: [RiskDto], description: '风险及等级 / risks with a level' }) @ValidateNested({ each: true }) @Type(() => RiskDto) @ArrayMaxSize(30) risks: RiskDto[];
  @ApiProperty({ type: [String], description: '优势 / strengths' }) @IsString({ each: true }) @Length(1, 500, { each: true }) @ArrayMaxSize(30) strengths: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) summary?: string;
}

export class PlanGoalDto {
  @ApiProperty({ example: '三个月内建立稳定的社区支持网络' }) @IsString() @Length(1, 500) goal: string;
  @ApiPropertyOptional({ example: '每周至少一次与邻里互动' }) @IsOptional() @IsString() @MaxLength(500) measure?: string;
}

export class PlanTaskDto {
  @ApiProperty() @IsString() @Length(1, 500) task: string;
  @ApiPropertyOptional() @IsOptional() @IsRealDay() dueOn?: string;
}

export class PlanDto extends VersionDto {
  @ApiProperty({ type: [PlanGoalDto] }) @ValidateNested({ each: true }) @Type(() => PlanGoalDto) @ArrayMinSize(1) @ArrayMaxSize(20) goals: PlanGoalDto[];
  @ApiProperty({ type: [PlanTaskDto] }) @ValidateNested({ each: true }) @Type(() => PlanTaskDto) @ArrayMaxSize(50) tasks: PlanTaskDto[];
  @ApiProperty({ example: '2026-03-01' }) @IsRealDay() startOn: string;
  @ApiProperty({ example: '2026-06-01' }) @IsRealDay() endOn: string;
}

export class EvaluationDto extends VersionDto {
  @ApiProperty({ enum: ['all', 'most', 'some', 'none'], description: '目标达成 / goals met' }) @IsIn(['all', 'most', 'some', 'none']) goalsAchieved: 'all' | 'most' | 'some' | 'none';
  @ApiProperty({ minimum: 1, maximum: 5, description: '服务对象满意度 / satisfaction' }) @IsInt() @Min(1) @Max(5) satisfaction: number;
  @ApiProperty() @IsString() @Length(2, 4000) summary: string;
}

export const CLOSURE_REASONS = ['goals_achieved', 'beneficiary_withdrew', 'referred', 'moved_away', 'lost_contact', 'deceased', 'other'] as const;
export class ClosureDto extends VersionDto {
  @ApiProperty({ enum: CLOSURE_REASONS }) @IsIn(CLOSURE_REASONS) reason: (typeof CLOSURE_REASONS)[number];
  @ApiProperty({ description: '结案小结 / closing summary' }) @IsString() @Length(2, 4000) summary: string;
}

export class ApprovalDecisionDto extends VersionDto {
  @ApiProperty({ enum: ['approve', 'return'], description: '通过 / 退回修改' }) @IsIn(['approve', 'return']) decision: 'approve' | 'return';
  @ApiPropertyOptional({ description: '督导意见 / comment' }) @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}

export class CaseCommentDto {
  @ApiProperty({ description: '督导意见或回复 / comment' }) @IsString() @Length(1, 2000) body: string;
}

export class CaseAssignmentDto extends VersionDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() workerMembershipId?: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsUUID('all', { each: true }) @ArrayUnique() @ArrayMaxSize(10) assistantMembershipIds?: string[];
}

export class ListCasesQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(30) status?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() workerMembershipId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() beneficiaryId?: string;
}
