import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Matches, Min, ValidateNested } from 'class-validator';
import { IsFen, IsRealDay } from '@sanshe/common';

export class ReallocationDto {
  @ApiProperty() @IsUUID() fromBudgetLineId: string;
  @ApiProperty() @IsUUID() toBudgetLineId: string;
  @ApiProperty({ example: '300000' }) @IsFen({ min: 1n }) amountFen: string;
}

export class IndicatorTargetDto {
  @ApiProperty() @IsUUID() indicatorId: string;
  @ApiProperty({ example: 1000 }) @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) target: number;
}

export class RequestChangeDto {
  @ApiProperty({ enum: ['reallocation', 'extension', 'indicator_target'], description: '预算调整 / 延期 / 指标调整' })
  @IsIn(['reallocation', 'extension', 'indicator_target']) kind: 'reallocation' | 'extension' | 'indicator_target';
  @ApiProperty({ example: '活动场地由社区免费提供，节余活动费用于增加探访人员' }) @IsString() @Length(2, 2000) reason: string;
  @ApiPropertyOptional({ type: [ReallocationDto] }) @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => ReallocationDto) reallocations?: ReallocationDto[];
  @ApiPropertyOptional({ example: '2028-03-31' }) @IsOptional() @IsRealDay() newEndsOn?: string;
  @ApiPropertyOptional({ type: [IndicatorTargetDto] }) @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => IndicatorTargetDto) indicatorTargets?: IndicatorTargetDto[];
}

export class DecideChangeDto {
  @ApiProperty() @IsInt() @Min(1) version: number;
  @ApiPropertyOptional({ description: '审批意见（不予批准时必填）' }) @IsOptional() @IsString() @Length(1, 2000) comment?: string;
}
