import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsFen, IsRealDay } from '@sanshe/common';

export class IndicatorValueDto {
  @ApiProperty() @IsUUID() indicatorId: string;
  @ApiProperty({ example: 320, description: '截至本期末的累计值 / cumulative value to the end of the period' }) @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) value: number;
}

export class SpendingDto {
  @ApiProperty() @IsUUID() budgetLineId: string;
  @ApiProperty({ example: '1200000', description: '本期新增支出（分）/ new spending this period, fen' })
  @IsFen() amountFen: string;
}

export class MilestoneStatusDto {
  @ApiProperty() @IsUUID() milestoneId: string;
  @ApiProperty({ enum: ['pending', 'in_progress', 'done', 'delayed'] }) @IsIn(['pending', 'in_progress', 'done', 'delayed']) status: string;
  @ApiPropertyOptional() @IsOptional() @IsRealDay() completedOn?: string;
}

export class UpdateReportDto {
  @ApiPropertyOptional({ description: '工作进展 / narrative' }) @IsOptional() @IsString() @MaxLength(20000) narrative?: string;
  @ApiPropertyOptional({ type: [IndicatorValueDto] }) @IsOptional() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => IndicatorValueDto) indicatorValues?: IndicatorValueDto[];
  @ApiPropertyOptional({ type: [SpendingDto] }) @IsOptional() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => SpendingDto) spending?: SpendingDto[];
  @ApiPropertyOptional({ type: [MilestoneStatusDto] }) @IsOptional() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => MilestoneStatusDto) milestoneStatuses?: MilestoneStatusDto[];
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class ReviewReportDto {
  @ApiProperty() @IsInt() @Min(1) version: number;
  @ApiPropertyOptional({ description: '审核意见（退回时必填）' }) @IsOptional() @IsString() @Length(1, 2000) comment?: string;
}

// One VersionDto for the whole API (a second class of that name would replace it in the OpenAPI document).
import { VersionDto } from '@sanshe/common';
export { VersionDto };

export class AddReportDto {
  @ApiProperty({ enum: ['monthly', 'interim', 'final'] }) @IsIn(['monthly', 'interim', 'final']) kind: 'monthly' | 'interim' | 'final';
  @ApiProperty() @IsRealDay() periodStart: string;
  @ApiProperty() @IsRealDay() periodEnd: string;
  @ApiProperty() @IsRealDay() dueOn: string;
}
