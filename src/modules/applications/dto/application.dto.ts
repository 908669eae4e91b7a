import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsIn, IsInt, IsNumber, IsObject, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { IsFen, IsRealDay, PageQuery } from '@sanshe/common';
import { SERVICE_AREA_CODES } from '../../organisations/service-areas';


/**
 * An honest map: keyed by the question keys of the call's own form, so it has no fixed properties; each value is
 * checked against its question when the application is saved and submitted. Requests and responses share it.
 */
export const FORM_ANSWERS: ApiPropertyOptions = {
  description: 'answers to the call\'s form, by question key; each value as its question\'s type asks (text, number, fen string, date, chosen option(s), attachment id, table rows)',
  type: 'object', additionalProperties: true, example: { target_group: '独居老人', budget_note: '场地由社区提供' },
};

export class BudgetLineDto {
  @ApiProperty({ example: 'B01' }) @IsString() @Length(1, 20) code: string;
  @ApiProperty({ example: '活动物料' }) @IsString() @Length(1, 100) name: string;
  @ApiProperty({ example: '1500000' }) @IsFen() amountFen: string;
}

export class IndicatorDto {
  @ApiProperty({ example: 'I01' }) @IsString() @Length(1, 20) code: string;
  @ApiProperty({ example: '服务老人人次' }) @IsString() @Length(1, 100) name: string;
  @ApiProperty({ example: '人次' }) @IsString() @Length(1, 20) unit: string;
  @ApiProperty({ example: 0 }) @IsNumber() baseline: number;
  @ApiProperty({ example: 1200 }) @IsNumber() target: number;
}

export class MilestoneDto {
  @ApiProperty({ example: '完成需求调研' }) @IsString() @Length(1, 100) name: string;
  @ApiProperty({ example: '2026-08-31' }) @IsRealDay() dueOn: string;
}

export class ApplicationContentDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) summary?: string;
  @ApiPropertyOptional({ example: '15000000' }) @IsOptional() @IsFen() requestedFen?: string;
  @ApiPropertyOptional({ example: '3000000' }) @IsOptional() @IsFen() coFundingFen?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) beneficiaries?: string;
  @ApiPropertyOptional() @IsOptional() @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true }) communityIds?: string[];
  @ApiPropertyOptional() @IsOptional() @IsArray() @ArrayMaxSize(13) @IsIn(SERVICE_AREA_CODES, { each: true }) serviceAreas?: string[];
  @ApiPropertyOptional({ type: [BudgetLineDto] }) @IsOptional() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => BudgetLineDto) budgetLines?: BudgetLineDto[];
  @ApiPropertyOptional({ type: [IndicatorDto] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => IndicatorDto) indicators?: IndicatorDto[];
  @ApiPropertyOptional({ type: [MilestoneDto] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => MilestoneDto) milestones?: MilestoneDto[];
  @ApiPropertyOptional() @IsOptional() @IsRealDay() startsOn?: string;
  @ApiPropertyOptional() @IsOptional() @IsRealDay() endsOn?: string;
  @ApiPropertyOptional(FORM_ANSWERS) @IsOptional() @IsObject() answers?: Record<string, unknown>;
}

export class UpdateApplicationDto extends ApplicationContentDto {
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class ApplicationVersionDto {
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class WithdrawApplicationDto extends ApplicationVersionDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class AddEditorDto {
  @ApiProperty({ description: 'membership id of a colleague' }) @IsUUID() membershipId: string;
}

export class ScreeningDto extends ApplicationVersionDto {
  @ApiProperty({ enum: ['pass', 'return', 'reject'] }) @IsIn(['pass', 'return', 'reject']) decision: 'pass' | 'return' | 'reject';
  @ApiProperty({ example: '材料齐全，符合申报条件' }) @IsString() @Length(2, 1000) reason: string;
}

export class ListApplicationsQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() callId?: string;
  @ApiPropertyOptional() @IsOptional() @IsIn(['draft', 'submitted', 'returned', 'withdrawn', 'passed', 'rejected', 'awarded', 'declined']) status?: string;
}
