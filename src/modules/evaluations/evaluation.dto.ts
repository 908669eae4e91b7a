import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNumber, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { IsRealDay } from '@sanshe/common';

export const GRADES = ['excellent', 'good', 'qualified', 'unqualified'] as const;
export const GRADE_LABELS = {
  excellent: { zh: '优秀', en: 'excellent' },
  good: { zh: '良好', en: 'good' },
  qualified: { zh: '合格', en: 'qualified' },
  unqualified: { zh: '不合格', en: 'unqualified' },
} as const;

export class AssignEvaluatorDto {
  @ApiProperty({ description: '评估机构成员的 membership id' }) @IsUUID() evaluatorMembershipId: string;
}

export class RecordEvaluationDto {
  @ApiProperty({ enum: ['midterm', 'final'], description: '中期评估 / 结项评估' }) @IsIn(['midterm', 'final']) stage: 'midterm' | 'final';
  @ApiProperty({ example: 86.5, minimum: 0, maximum: 100 }) @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(100) score: number;
  @ApiProperty({ enum: GRADES, description: '优秀 / 良好 / 合格 / 不合格' }) @IsIn(GRADES) grade: (typeof GRADES)[number];
  @ApiProperty({ example: '服务覆盖达到预期，档案规范' }) @IsString() @Length(2, 5000) findings: string;
  @ApiProperty({ example: '2027-07-10' }) @IsRealDay() evaluatedOn: string;
}
